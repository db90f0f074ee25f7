package com.datapipeline.monitoring.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * The custom metrics of a pipeline: all in {@link #NAMESPACE}, each with the one dimension {@link #PIPELINE_DIMENSION}
 * whose value is the pipeline's name (its Glue job name). The unit is the one the metric is published in, and so
 * the one the app's alarm thresholds are converted to.
 */
public enum CustomMetric {
    /** Glue Data Quality score of the newest result, 0 to 100; written by the metrics function. */
    DATA_QUALITY_SCORE("DataQualityScore", "Percent"),
    /** Failed runs among finished runs in the look-back window, 0 to 100; written by the metrics function. */
    ERROR_RATE("ErrorRate", "Percent"),
    /** Execution time of the latest finished run; written by the metrics function. */
    PROCESSING_LATENCY("ProcessingLatency", "Seconds"),
    /** Records reported by the runs that succeeded in the counting interval; written by the metrics function. */
    RECORDS_PROCESSED("RecordsProcessed", "Count"),
    /** Time since the newest successful run completed; written by the metrics function. */
    SECONDS_SINCE_LAST_SUCCESS("SecondsSinceLastSuccess", "Seconds"),
    /** Age of the oldest run still in progress, 0 when none is; written by the metrics function. */
    LONGEST_RUNNING_SECONDS("LongestRunningSeconds", "Seconds"),
    /**
     * 0 when the metrics function could measure the pipeline, 1 when it could not (then it is the line's only
     * metric): no pipeline goes silent.
     */
    COLLECTION_ERRORS("CollectionErrors", "Count"),
    /** "Glue Job State Change" events in FAILED or TIMEOUT; counted by a metric filter on the app's event history. */
    FAILED_RUNS("FailedRuns", "Count"),
    /** "Glue Job Run Status" events (a run past its notify-delay); counted by a metric filter on the event history. */
    STUCK_RUNS("StuckRuns", "Count"),
    /**
     * Age of the pipeline's declared output: the newest partition or table update of its Glue table, or the newest
     * object under its S3 prefix; written by the metrics function for pipelines that declare an output.
     */
    OUTPUT_AGE_SECONDS("OutputAgeSeconds", "Seconds"),
    /**
     * The sum of the {@link BreachBit}s the metrics function measured as breached (0 when none), for a pipeline whose
     * page is one alarm; written by the metrics function.
     */
    BREACH("Breach", "None"),
    /**
     * DPU-hours of the runs that finished (succeeded or failed) in the counting interval: Glue's DPUSeconds, else the
     * run's DPUs × its execution time; written by the metrics function for a pipeline with a price per DPU-hour.
     */
    DPU_HOURS("DpuHours", "None"),
    /** {@link #DPU_HOURS} × the configured price per DPU-hour, in USD; written with it. */
    RUN_COST_USD("RunCostUsd", "None"),
    /**
     * The month's cost of the pipeline's runs projected to the whole month, in USD: the cost of the runs that started
     * since the first of the month (UTC) × the month's days / the days begun; written by the metrics function for a
     * pipeline with a monthly budget ({@link MetricsConfiguration#MONTHLY_BUDGET_USD}).
     */
    PROJECTED_MONTHLY_COST_USD("ProjectedMonthlyCostUsd", "None"),
    /**
     * 1 when the pipeline's Glue workflow's newest finished run failed (ERROR or STOPPED, or a failed or timed-out
     * action) or a run has been RUNNING longer than the pipeline's stuck-run threshold, else 0; written by the
     * metrics function from {@code GetWorkflowRuns} for a pipeline with a workflow stage ({@link
     * MetricsConfiguration#WORKFLOW_NAME}). Glue sends no EventBridge event for workflow runs.
     */
    WORKFLOW_RUN_FAILED("WorkflowRunFailed", "Count"),
    /**
     * 1 when one of the pipeline's declared Glue triggers is DEACTIVATED or DEACTIVATING, or does not exist, else 0;
     * written by the metrics function from {@code GetTrigger} for a pipeline with trigger stages ({@link
     * MetricsConfiguration#TRIGGER_NAMES}). Glue sends no EventBridge event when a trigger is deactivated.
     */
    TRIGGER_DEACTIVATED("TriggerDeactivated", "Count");

    public static final String NAMESPACE = "DataPipelineMetrics";
    public static final String PIPELINE_DIMENSION = "Pipeline";

    private final String metricName;
    private final String unit;

    CustomMetric(String metricName, String unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The CloudWatch metric name, e.g. {@code ErrorRate}. */
    public String metricName() {
        return metricName;
    }

    /** The CloudWatch unit, e.g. {@code Percent}. */
    public String unit() {
        return unit;
    }

    public static Optional<CustomMetric> byName(String metricName) {
        return Arrays.stream(values())
                .filter(metric -> metric.metricName.equals(metricName))
                .findFirst();
    }
}
