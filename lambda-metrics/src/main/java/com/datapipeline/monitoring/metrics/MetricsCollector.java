package com.datapipeline.monitoring.metrics;

/** Produces one pipeline's metric values for this invocation. */
public interface MetricsCollector {

    /** @throws RuntimeException when the pipeline's source cannot be read at all (e.g. AccessDenied) */
    PipelineMeasurement collect(MetricsConfig.PipelineConfig pipeline);
}
