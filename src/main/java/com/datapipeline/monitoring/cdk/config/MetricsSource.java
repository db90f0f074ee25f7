package com.datapipeline.monitoring.cdk.config;

/** Where DataPipelineMetricsFunction takes its values from. */
public enum MetricsSource {
    /** Measured from the Glue job's run history, logs and Data Quality results. */
    GLUE("glue"),
    /** The lab's random ranges, for demos and alarm exercises. */
    SIMULATE("simulate");

    private final String configName;

    MetricsSource(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }
}
