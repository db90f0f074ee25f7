package com.datapipeline.monitoring.contract;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys of the metrics function's configuration ({@link MonitoringFunction#METRICS}), which the app writes:
 *
 * <pre>{@code
 * {"namespace":"DataPipelineMetrics","lookbackMinutes":1440,"intervalMinutes":5,
 *  "pipelines":[{"name":"sample-etl-job","jobName":"sample-etl-job","source":"glue",
 *                "outputLogGroup":"/aws-glue/jobs/output","dataQualityRuleset":"checks",
 *                "expectedSuccessEveryMinutes":1440}]}
 * }</pre>
 */
public final class MetricsConfiguration {
    /** The namespace every metric is published in ({@link CustomMetric#NAMESPACE}). */
    public static final String NAMESPACE = "namespace";
    /** How far back, in minutes, job runs are read. */
    public static final String LOOKBACK_MINUTES = "lookbackMinutes";
    /** The schedule's period in minutes: RecordsProcessed counts the runs that completed within it. */
    public static final String INTERVAL_MINUTES = "intervalMinutes";
    /** The monitored pipelines, keys {@link #PIPELINE_KEYS}. */
    public static final String PIPELINES = "pipelines";

    public static final Set<String> KEYS = Set.of(NAMESPACE, LOOKBACK_MINUTES, INTERVAL_MINUTES, PIPELINES);

    /** A pipeline's name: the value of its {@link CustomMetric#PIPELINE_DIMENSION}. */
    public static final String NAME = "name";
    /** The Glue job measured. */
    public static final String JOB_NAME = "jobName";
    /** A {@link MetricsSource#configName()}. */
    public static final String SOURCE = "source";
    /** Where the job's print() output goes (its "Processed N records" line). */
    public static final String OUTPUT_LOG_GROUP = "outputLogGroup";
    /** The Glue Data Quality ruleset whose newest score becomes DataQualityScore. */
    public static final String DATA_QUALITY_RULESET = "dataQualityRuleset";
    /** How often the job should succeed, in minutes (SecondsSinceLastSuccess is alarmed against it). */
    public static final String EXPECTED_SUCCESS_EVERY_MINUTES = "expectedSuccessEveryMinutes";

    /** The pipeline's declared output as a Glue table, {@code database.table}; its age is OutputAgeSeconds. */
    public static final String OUTPUT_GLUE_TABLE = "outputGlueTable";
    /** The pipeline's declared output as an S3 prefix, {@code s3://bucket/prefix/}; its age is OutputAgeSeconds. */
    public static final String OUTPUT_S3_PREFIX = "outputS3Prefix";
    /** A Glue table as {@code database.table}: group 1 the database, group 2 the table. */
    public static final Pattern GLUE_TABLE_FORM = Pattern.compile("^([^.\\s]{1,255})\\.([^.\\s]{1,255})$");
    /** An S3 prefix as {@code s3://bucket/prefix/}: group 1 a valid bucket name, group 2 the prefix. */
    public static final Pattern S3_PREFIX_FORM = Pattern.compile("^s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.*)$");
    /**
     * false: publish only {@link CustomMetric#BREACH} for the pipeline, not ErrorRate, ProcessingLatency,
     * RecordsProcessed, SecondsSinceLastSuccess, LongestRunningSeconds, DataQualityScore and CollectionErrors; absent:
     * true.
     */
    public static final String DETAILED_METRICS = "detailedMetrics";
    /**
     * The thresholds the function compares its measurements with for the pipeline's {@link CustomMetric#BREACH}, keys
     * {@link #THRESHOLD_KEYS}, each optional (absent: that mode is not watched); the whole object absent: no Breach.
     */
    public static final String BREACH_THRESHOLDS = "breachThresholds";

    /**
     * The Glue price in USD per DPU-hour: present, the function publishes {@link CustomMetric#DPU_HOURS} and {@link
     * CustomMetric#RUN_COST_USD} for the pipeline; absent, neither.
     */
    public static final String PRICE_PER_DPU_HOUR = "pricePerDpuHour";

    /**
     * The pipeline's monthly budget in USD (with {@link #PRICE_PER_DPU_HOUR}): present, the function publishes {@link
     * CustomMetric#PROJECTED_MONTHLY_COST_USD} for the pipeline; as a key of {@link #BREACH_THRESHOLDS}, {@link
     * BreachBit#OVER_BUDGET} is set while the projection is above it.
     */
    public static final String MONTHLY_BUDGET_USD = "monthlyBudgetUsd";

    /**
     * false: {@link #PRICE_PER_DPU_HOUR} only prices the runs for {@link CustomMetric#PROJECTED_MONTHLY_COST_USD} (a
     * budget without costPerRun), and neither DpuHours nor RunCostUsd is published; absent: true.
     */
    public static final String RUN_COST_METRICS = "runCostMetrics";

    /**
     * The pipeline's Glue workflow (its workflow stage): present, the function reads its newest runs with {@code
     * GetWorkflowRuns} and publishes {@link CustomMetric#WORKFLOW_RUN_FAILED}.
     */
    public static final String WORKFLOW_NAME = "workflowName";
    /** With {@link #WORKFLOW_NAME}: minutes a workflow run may stay RUNNING before it counts as not completing. */
    public static final String WORKFLOW_STUCK_MINUTES = "workflowStuckMinutes";
    /**
     * The pipeline's Glue triggers (its trigger stages), a list of names: present, the function reads each with {@code
     * GetTrigger} and publishes {@link CustomMetric#TRIGGER_DEACTIVATED}.
     */
    public static final String TRIGGER_NAMES = "triggerNames";

    public static final Set<String> PIPELINE_KEYS = Set.of(
            NAME,
            JOB_NAME,
            SOURCE,
            OUTPUT_LOG_GROUP,
            DATA_QUALITY_RULESET,
            EXPECTED_SUCCESS_EVERY_MINUTES,
            OUTPUT_GLUE_TABLE,
            OUTPUT_S3_PREFIX,
            DETAILED_METRICS,
            BREACH_THRESHOLDS,
            PRICE_PER_DPU_HOUR,
            MONTHLY_BUDGET_USD,
            RUN_COST_METRICS,
            WORKFLOW_NAME,
            WORKFLOW_STUCK_MINUTES,
            TRIGGER_NAMES);

    /** {@link BreachBit#DURATION}: the oldest active run is older than this many seconds. */
    public static final String DURATION_SECONDS = "durationSeconds";
    /** {@link BreachBit#STUCK_RUN}: the oldest active run is older than this many seconds. */
    public static final String STUCK_SECONDS = "stuckSeconds";
    /** {@link BreachBit#MISSED_RUN}: no success for more than this many seconds, or none found at all. */
    public static final String MISSED_RUN_SECONDS = "missedRunSeconds";
    /** {@link BreachBit#ERROR_RATE}: more than this percent of the finished runs failed. */
    public static final String ERROR_RATE_PERCENT = "errorRatePercent";
    /** {@link BreachBit#LATENCY}: the latest finished run took more than this many seconds. */
    public static final String LATENCY_SECONDS = "latencySeconds";
    /** {@link BreachBit#DATA_QUALITY}: the newest Data Quality score is below this percent. */
    public static final String DATA_QUALITY_PERCENT = "dataQualityPercent";
    /** {@link BreachBit#LOW_THROUGHPUT}: fewer records per second than this over the interval's successful runs. */
    public static final String MIN_RECORDS_PER_SECOND = "minRecordsPerSecond";

    /**
     * {@link BreachBit#WORKFLOW_RUN_FAILED}: {@link CustomMetric#WORKFLOW_RUN_FAILED} is above this (0: the newest
     * finished workflow run failed or a run is past its stuck threshold), the per-metric alarm's comparison.
     */
    public static final String WORKFLOW_RUN_FAILED = "workflowRunFailed";
    /**
     * {@link BreachBit#TRIGGER_DEACTIVATED}: {@link CustomMetric#TRIGGER_DEACTIVATED} is above this (0: a declared
     * trigger is deactivated or missing), the per-metric alarm's comparison.
     */
    public static final String TRIGGER_DEACTIVATED = "triggerDeactivated";

    public static final Set<String> THRESHOLD_KEYS = Set.of(
            DURATION_SECONDS,
            STUCK_SECONDS,
            MISSED_RUN_SECONDS,
            ERROR_RATE_PERCENT,
            LATENCY_SECONDS,
            DATA_QUALITY_PERCENT,
            MIN_RECORDS_PER_SECOND,
            MONTHLY_BUDGET_USD,
            WORKFLOW_RUN_FAILED,
            TRIGGER_DEACTIVATED);

    private MetricsConfiguration() {}
}
