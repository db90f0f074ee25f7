package com.datapipeline.monitoring.contract;

import java.util.Arrays;
import java.util.Optional;

/** Where the metrics function takes a pipeline's values from; {@link #configName()} is its configuration's value. */
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

    public static Optional<MetricsSource> fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(source -> source.configName.equals(name))
                .findFirst();
    }
}
