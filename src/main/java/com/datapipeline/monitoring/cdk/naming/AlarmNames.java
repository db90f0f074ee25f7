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
    public static final String COLLECTION_FAILED = "MetricsCollectionFailedAlarm";

    /** The page of a pipeline's critical signals (composite). */
    public static final String PIPELINE_UNHEALTHY = "PipelineUnhealthyAlarm";
    /** The page of a pipeline's warning signals (composite). */
    public static final String PIPELINE_DEGRADED = "PipelineDegradedAlarm";

    public static final String METRICS_FUNCTION_ERRORS = "DataPipelineMetricsFunctionErrorsAlarm";
    public static final String METRICS_SCHEDULE = "DataPipelineMetricsScheduleAlarm";
    public static final String RESPONSE_FAILED = "AlarmResponseFailedAlarm";
    public static final String RESPONSE_FUNCTION_HEALTH = "AlarmResponseFunctionHealthAlarm";
    public static final String TOPIC_DELIVERY_FAILED = "AlertDeliveryFailedAlarm";
    public static final String EVENT_DELIVERY_FAILED = "EventDeliveryFailedAlarm";
    public static final String DEAD_LETTERS = "DeadLettersAlarm";
    /** The health signals of one nested stack, gathered for {@link #MONITORING_HEALTH} (composite). */
    public static final String MONITORING_HEALTH_GROUP = "MonitoringHealthGroupAlarm";
    /** The page of the alert path's own health (composite), on the monitoring-health topic. */
    public static final String MONITORING_HEALTH = "MonitoringHealthAlarm";

    /** Suffix of the anomaly-detection twin of a custom-metric alarm. */
    public static final String ANOMALY_SUFFIX = "Anomaly";

    /**
     * What a pipeline signals: each is a child of its pipeline's page (a composite per severity), never a page
     * itself, and tells AlarmResponseFunction what happened. A severity can be assigned to each.
     */
    public static final List<String> PIPELINE_SIGNALS = List.of(DURATION, FAILED_TASKS, MEMORY, DATA_QUALITY, ERROR_RATE,
            LATENCY, RUN_FAILED, STUCK_RUN, MISSED_RUN, LOW_THROUGHPUT, COLLECTION_FAILED);

    /** The pages of a pipeline: one incident, one of these in ALARM, one message. */
    public static final List<String> PIPELINE_PAGES = List.of(PIPELINE_UNHEALTHY, PIPELINE_DEGRADED);

    /** What watches the monitoring itself: children of {@link #MONITORING_HEALTH}. */
    public static final List<String> HEALTH_SIGNALS = List.of(METRICS_FUNCTION_ERRORS, METRICS_SCHEDULE, RESPONSE_FAILED,
            RESPONSE_FUNCTION_HEALTH, TOPIC_DELIVERY_FAILED, EVENT_DELIVERY_FAILED, DEAD_LETTERS, MONITORING_HEALTH_GROUP);

    /** Every alarm kind. */
    public static final List<String> ALL = java.util.stream.Stream.of(PIPELINE_SIGNALS, PIPELINE_PAGES, HEALTH_SIGNALS,
            List.of(MONITORING_HEALTH)).flatMap(List::stream).toList();

    private AlarmNames() {
    }
}
