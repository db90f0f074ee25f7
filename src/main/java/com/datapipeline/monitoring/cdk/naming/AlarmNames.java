package com.datapipeline.monitoring.cdk.naming;

import java.util.List;

/** The base name of every alarm kind, the lab's where the lab has one; {@link ResourceNames} adds prefix and suffix. */
public final class AlarmNames {
    public static final String DURATION = "GlueJobDurationAlarm";
    public static final String FAILED_TASKS = "GlueJobFailureAlarm";
    public static final String MEMORY = "GlueJobMemoryAlarm";
    public static final String DATA_QUALITY = "DataQualityAlarm";
    public static final String ERROR_RATE = "ErrorRateAlarm";
    public static final String LATENCY = "ProcessingLatencyAlarm";
    public static final String RUN_FAILED = "GlueJobRunFailedAlarm";
    public static final String STUCK_RUN = "GlueJobStuckRunAlarm";
    public static final String MISSED_RUN = "GlueJobMissedRunAlarm";
    public static final String LOW_THROUGHPUT = "LowThroughputAlarm";
    public static final String PIPELINE_UNHEALTHY = "PipelineUnhealthyAlarm";
    public static final String METRICS_FUNCTION_ERRORS = "DataPipelineMetricsFunctionErrorsAlarm";
    public static final String RESPONSE_FAILED = "AlarmResponseFailedAlarm";

    /** Suffix of the anomaly-detection twin of a custom-metric alarm. */
    public static final String ANOMALY_SUFFIX = "Anomaly";

    /** Every alarm kind a severity can be assigned to. */
    public static final List<String> ALL = List.of(DURATION, FAILED_TASKS, MEMORY, DATA_QUALITY, ERROR_RATE, LATENCY,
            RUN_FAILED, STUCK_RUN, MISSED_RUN, LOW_THROUGHPUT, PIPELINE_UNHEALTHY, METRICS_FUNCTION_ERRORS, RESPONSE_FAILED);

    private AlarmNames() {
    }
}
