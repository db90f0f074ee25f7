package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.CustomMetric;

/** The metrics this function writes; names and units are the contract's {@link CustomMetric}. */
public enum PipelineMetric {
    DATA_QUALITY_SCORE(CustomMetric.DATA_QUALITY_SCORE),
    ERROR_RATE(CustomMetric.ERROR_RATE),
    PROCESSING_LATENCY(CustomMetric.PROCESSING_LATENCY),
    RECORDS_PROCESSED(CustomMetric.RECORDS_PROCESSED),
    SECONDS_SINCE_LAST_SUCCESS(CustomMetric.SECONDS_SINCE_LAST_SUCCESS),
    LONGEST_RUNNING_SECONDS(CustomMetric.LONGEST_RUNNING_SECONDS),
    /** Written by {@link OutputFreshnessCollector} for a pipeline that declares an output. */
    OUTPUT_AGE_SECONDS(CustomMetric.OUTPUT_AGE_SECONDS),
    /** Written by {@link EmfFormatter} from the pipeline's outcome, never by a collector. */
    COLLECTION_ERRORS(CustomMetric.COLLECTION_ERRORS),
    /** Written by {@link PipelineMetricsPublisher} from the pipeline's thresholds, never by a collector. */
    BREACH(CustomMetric.BREACH);

    private final CustomMetric metric;

    PipelineMetric(CustomMetric metric) {
        this.metric = metric;
    }

    /** The CloudWatch metric name, e.g. {@code "ErrorRate"}. */
    public String metricName() {
        return metric.metricName();
    }

    /** The CloudWatch unit string, e.g. {@code "Percent"}. */
    public String unit() {
        return metric.unit();
    }
}
