package com.datapipeline.monitoring.metrics;

/** Each published metric with its CloudWatch unit; the names are those of {@link MetricNames}. */
public enum PipelineMetric {
    DATA_QUALITY_SCORE(MetricNames.DATA_QUALITY_SCORE, "Percent"),
    ERROR_RATE(MetricNames.ERROR_RATE, "Percent"),
    PROCESSING_LATENCY(MetricNames.PROCESSING_LATENCY, "Seconds"),
    RECORDS_PROCESSED(MetricNames.RECORDS_PROCESSED, "Count"),
    SECONDS_SINCE_LAST_SUCCESS(MetricNames.SECONDS_SINCE_LAST_SUCCESS, "Seconds"),
    LONGEST_RUNNING_SECONDS(MetricNames.LONGEST_RUNNING_SECONDS, "Seconds"),
    /** Written by {@link EmfFormatter} from the pipeline's outcome, never by a collector. */
    COLLECTION_ERRORS(MetricNames.COLLECTION_ERRORS, "Count");

    private final String metricName;
    private final String unit;

    PipelineMetric(String metricName, String unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The CloudWatch metric name, e.g. {@code "ErrorRate"}. */
    public String metricName() {
        return metricName;
    }

    /** The CloudWatch unit string, e.g. {@code "Percent"}. */
    public String unit() {
        return unit;
    }
}
