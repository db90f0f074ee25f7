package com.datapipeline.monitoring.cdk.catalog;

import com.datapipeline.monitoring.contract.CustomMetric;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;

/**
 * The metrics of one monitored pipeline, built once so that each alarm and the dashboard graph of the
 * same thing share one metric object and can never disagree.
 *
 * <p>Glue job metrics (namespace {@code Glue}) exist only with the job argument {@code --enable-metrics}
 * and only while a run is active. Their dimensions are JobName, JobRunId=ALL (all runs) and a Type that
 * is fixed per metric: {@code count} for the driver aggregates, {@code gauge} for the JVM and S3 ones.
 * Units: heap usage is a fraction from 0 to 1, not a percent.
 * Source: "Monitoring AWS Glue using Amazon CloudWatch metrics", AWS Glue developer guide.
 *
 * <p>The metrics carry no label on purpose: a labelled metric makes CDK render an alarm in the
 * metric-math form, and the classic single-metric form keeps alarm notifications simple.
 *
 * <p>The custom metrics are the contract's {@link CustomMetric}s: those DataPipelineMetricsFunction publishes and
 * the event history's FailedRuns and StuckRuns counts.
 */
public record PipelineMetricSet(
        Metric failedTasks,
        Metric driverHeapUsageFraction,
        Metric s3ReadBytes,
        Metric s3WriteBytes,
        Metric dataQualityScorePercent,
        Metric errorRatePercent,
        Metric processingLatencySeconds,
        Metric recordsProcessed,
        Metric secondsSinceLastSuccess,
        Metric longestRunningSeconds,
        Metric collectionErrors,
        Metric failedRuns,
        Metric stuckRuns,
        Metric workerUtilizationFraction,
        Metric skewness,
        Metric executorDiskUsedFraction,
        Metric executorMemoryUsedFraction,
        Metric outputAgeSeconds,
        Metric breach,
        Metric dpuHours,
        Metric runCostUsd,
        Metric projectedMonthlyCostUsd,
        Metric workflowRunFailed,
        Metric triggerDeactivated) {

    /** Metric math: the percent of finished runs that succeeded, derived from ErrorRate. */
    public MathExpression jobSuccessRatePercent() {
        return MathExpression.Builder.create()
                .expression("100 - errorRate")
                .usingMetrics(Map.of("errorRate", errorRatePercent))
                .label("Job success rate (%)")
                .period(PERIOD)
                .build();
    }

    /** Metric math: records per second over each period, from RecordsProcessed (a Sum per period). */
    public MathExpression throughputRecordsPerSecond() {
        return MathExpression.Builder.create()
                .expression("records / PERIOD(records)")
                .usingMetrics(Map.of("records", recordsProcessed))
                .label("Throughput (records/s)")
                .period(PERIOD)
                .build();
    }

    public static final String GLUE_NAMESPACE = "Glue";
    /**
     * The period of every metric here in minutes, and how often the metrics function runs (its schedule), which is
     * told it as the window it counts RecordsProcessed in: one data point per period. One minute: the shortest
     * standard-resolution period (an alarm costs the same at any of them), so a custom metric's breach reaches its
     * alarm within a minute of the function's run; the run itself costs about $1.26 a month at one run a minute
     * (README, "What it costs").
     */
    public static final int PERIOD_MINUTES = 1;

    public static final Duration PERIOD = Duration.minutes(PERIOD_MINUTES);
    /** The metrics counted from events by metric filters (no default value: they exist only in hours with events). */
    public static final Set<String> EVENT_METRICS = Set.of(
            CustomMetric.FAILED_RUNS.metricName(),
            CustomMetric.STUCK_RUNS.metricName(),
            StageMetrics.FAILED_CRAWLS,
            StageMetrics.FAILED_EVALUATIONS,
            StageMetrics.FAILED_EXECUTIONS);
    /** Glue's own service metrics (not a job's): the account's resource usage against its quotas. */
    public static final String GLUE_SERVICE_NAMESPACE = "AWS/Glue";

    private static final String RESOURCE_UTILIZATION = "resource_utilization";
    private static final String JOB_PERFORMANCE = "job_performance";

    public static PipelineMetricSet forJob(String jobName) {
        return new PipelineMetricSet(
                glue(jobName, "glue.driver.aggregate.numFailedTasks", "count", "Sum"),
                glue(jobName, "glue.driver.jvm.heap.usage", "gauge", "Maximum"),
                glue(jobName, "glue.ALL.s3.filesystem.read_bytes", "gauge", "Sum"),
                glue(jobName, "glue.ALL.s3.filesystem.write_bytes", "gauge", "Sum"),
                custom(jobName, CustomMetric.DATA_QUALITY_SCORE, "Average"),
                custom(jobName, CustomMetric.ERROR_RATE, "Average"),
                custom(jobName, CustomMetric.PROCESSING_LATENCY, "Average"),
                custom(jobName, CustomMetric.RECORDS_PROCESSED, "Sum"),
                custom(jobName, CustomMetric.SECONDS_SINCE_LAST_SUCCESS, "Maximum"),
                custom(jobName, CustomMetric.LONGEST_RUNNING_SECONDS, "Maximum"),
                custom(jobName, CustomMetric.COLLECTION_ERRORS, "Maximum"),
                custom(jobName, CustomMetric.FAILED_RUNS, "Sum"),
                custom(jobName, CustomMetric.STUCK_RUNS, "Sum"),
                observability(jobName, "glue.driver.workerUtilization", RESOURCE_UTILIZATION, "Average"),
                observability(jobName, "glue.driver.skewness.job", JOB_PERFORMANCE, "Maximum"),
                observability(jobName, "glue.ALL.disk.used.percentage", RESOURCE_UTILIZATION, "Maximum"),
                observability(jobName, "glue.ALL.memory.total.used.percentage", RESOURCE_UTILIZATION, "Maximum"),
                custom(jobName, CustomMetric.OUTPUT_AGE_SECONDS, "Maximum"),
                custom(jobName, CustomMetric.BREACH, "Maximum"),
                custom(jobName, CustomMetric.DPU_HOURS, "Sum"),
                custom(jobName, CustomMetric.RUN_COST_USD, "Sum"),
                custom(jobName, CustomMetric.PROJECTED_MONTHLY_COST_USD, "Maximum"),
                custom(jobName, CustomMetric.WORKFLOW_RUN_FAILED, "Maximum"),
                custom(jobName, CustomMetric.TRIGGER_DEACTIVATED, "Maximum"));
    }

    /**
     * The account's use of a Glue quota, in percent of it: AWS/Glue ResourceUsage (Type Resource, Service Glue, Class
     * None; Resource JobRun is the concurrent job runs per account). Glue publishes it free, when the usage changes and
     * at least hourly, so an hour is the shortest period that never lacks a data point (AWS Glue developer guide,
     * "Monitoring AWS Glue resources").
     */
    public static Metric accountQuotaUsagePercent(String metricName, MetricOptions options) {
        return Metric.Builder.create()
                .namespace(GLUE_SERVICE_NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(new TreeMap<>(
                        Map.of("Type", "Resource", "Resource", "JobRun", "Service", "Glue", "Class", "None")))
                .statistic(options.getStatistic())
                .period(options.getPeriod())
                .build();
    }

    /**
     * A Glue observability metric (Glue 4.0 and later, job argument --enable-observability-metrics true): the job
     * metrics' dimensions plus ObservabilityGroup; gauges.
     */
    private static Metric observability(String jobName, String name, String group, String statistic) {
        return Metric.Builder.create()
                .namespace(GLUE_NAMESPACE)
                .metricName(name)
                .dimensionsMap(new TreeMap<>(
                        Map.of("JobName", jobName, "JobRunId", "ALL", "Type", "gauge", "ObservabilityGroup", group)))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    private static Metric glue(String jobName, String name, String type, String statistic) {
        return Metric.Builder.create()
                .namespace(GLUE_NAMESPACE)
                .metricName(name)
                .dimensionsMap(new TreeMap<>(Map.of("JobName", jobName, "JobRunId", "ALL", "Type", type)))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }

    private static Metric custom(String pipeline, CustomMetric metric, String statistic) {
        return Metric.Builder.create()
                .namespace(CustomMetric.NAMESPACE)
                .metricName(metric.metricName())
                .dimensionsMap(Map.of(CustomMetric.PIPELINE_DIMENSION, pipeline))
                .statistic(statistic)
                .period(PERIOD)
                .build();
    }
}
