package com.datapipeline.monitoring.metrics;

/**
 * The metric contract shared with the CDK app (alarms and dashboard read these exact names).
 *
 * <p>Every metric is published in {@link #NAMESPACE} with the single dimension {@link #DIMENSION_PIPELINE}
 * whose value is the pipeline's configured {@code name}. Units are in {@link PipelineMetric}.
 */
public final class MetricNames {

    public static final String NAMESPACE = "DataPipelineMetrics";
    public static final String DIMENSION_PIPELINE = "Pipeline";

    /** Percent (0–100): Glue Data Quality score of the newest result. */
    public static final String DATA_QUALITY_SCORE = "DataQualityScore";
    /** Percent (0–100): failed runs among finished runs in the look-back window. */
    public static final String ERROR_RATE = "ErrorRate";
    /** Seconds: execution time of the latest finished run. */
    public static final String PROCESSING_LATENCY = "ProcessingLatency";
    /** Count: records reported by runs that succeeded during the last interval. */
    public static final String RECORDS_PROCESSED = "RecordsProcessed";
    /** Seconds: time since the newest successful run completed. */
    public static final String SECONDS_SINCE_LAST_SUCCESS = "SecondsSinceLastSuccess";
    /** Seconds: age of the oldest run still in progress, 0 when none is. */
    public static final String LONGEST_RUNNING_SECONDS = "LongestRunningSeconds";
    /**
     * Count: 0 when the pipeline's collection worked this invocation, 1 when it threw (then it is the line's
     * only metric). Not written when every pipeline failed: the function's Errors metric covers that case.
     */
    public static final String COLLECTION_ERRORS = "CollectionErrors";

    private MetricNames() {
    }
}
