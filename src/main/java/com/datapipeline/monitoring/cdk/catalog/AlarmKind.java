package com.datapipeline.monitoring.cdk.catalog;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Threshold.Band;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Threshold.Fixed;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Threshold.Setting;
import com.datapipeline.monitoring.cdk.config.AlarmSettings;
import com.datapipeline.monitoring.cdk.config.AlarmThresholds;
import com.datapipeline.monitoring.cdk.config.AnomalyDetection;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.naming.NumberText;
import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MathExpressionOptions;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;

/**
 * Every kind of alarm the app creates, each defined once: what it watches (metric and statistic, from the metric
 * catalog or the resource it is about), when it fires (comparison, threshold or the setting that gives it, period,
 * evaluation periods, missing data), its place in the page model (pipeline signal, page, health signal), its severity,
 * what AlarmResponseFunction does about it, the README section that says what to do, and the dashboard graph that
 * draws its threshold. Alarms, routing, the route table, the dashboard and the cost estimate read these definitions;
 * nothing recovers a property from an alarm's name.
 *
 * <p>A pipeline's signals are created in this order, each kind that applies to the pipeline (so this is also the order
 * of its page's rule, its route table and the dashboard's alarm list). Unless a definition says otherwise an alarm
 * looks at periods of {@link PipelineMetricSet#PERIOD} (one run of the metrics function), fires on the first breaching one, and treats missing data as not
 * breaching: Glue metrics exist only while a run is active, and the custom metrics are published only when there is
 * something to measure.
 */
public enum AlarmKind {

    // The lab's six alarms, each threshold in its metric's real unit.

    /**
     * Not glue.driver.aggregate.elapsedTime: AWS documents it as a delta (Sum only) per report, under which a 5-minute
     * statistic could never pass 300,000 ms. A run's age comes from its own StartedOn instead.
     */
    DURATION(signal("GlueJobDurationAlarm", "Alarms", "Duration")
            .bit(BreachBit.DURATION)
            .watching(PipelineMetricSet::longestRunningSeconds)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(in -> in.thresholds().jobDurationSeconds()))
            .severity(Severity.WARNING)
            .drawnOn(Graph.DURATION, Axis.LEFT)
            .describedAs(in -> "A run of Glue job " + in.job() + " has been running for more than "
                    + NumberText.plain(in.thresholds().jobDurationSeconds())
                    + " s (LongestRunningSeconds: the oldest active run's age, from GetJobRuns).")),
    FAILED_TASKS(signal("GlueJobFailureAlarm", "Alarms", "FailedTasks")
            .bit(BreachBit.FAILED_TASKS)
            .watching(PipelineMetricSet::failedTasks)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(in -> in.thresholds().failedTasks()))
            .response(Response.RESTART_JOB)
            .describedAs(in -> "Spark tasks of Glue job " + in.job() + " failed. A run that fails outside a Spark task"
                    + " (e.g. sys.exit) is caught by the job-run-failed alarm instead.")),
    /** glue.driver.jvm.heap.usage is a fraction from 0 to 1; the setting is a percent. */
    MEMORY(signal("GlueJobMemoryAlarm", "Alarms", "Memory")
            .bit(BreachBit.HEAP)
            .watching(PipelineMetricSet::driverHeapUsageFraction)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(in -> in.thresholds().heapUsagePercent() / 100))
            .severity(Severity.WARNING)
            .drawnOn(Graph.MEMORY, Axis.LEFT)
            .describedAs(in -> "Driver heap of Glue job " + in.job() + " above "
                    + NumberText.plain(in.thresholds().heapUsagePercent())
                    + " % (glue.driver.jvm.heap.usage is a fraction from 0 to 1).")),
    DATA_QUALITY(signal("DataQualityAlarm", "Alarms", "DataQuality")
            .bit(BreachBit.DATA_QUALITY)
            .watching(PipelineMetricSet::dataQualityScorePercent)
            .firesWhen(LESS_THAN_THRESHOLD, new Setting(in -> in.thresholds().dataQualityPercent()))
            .onlyIf(in -> in.staticThresholds() && in.qualityScored())
            .response(Response.START_VALIDATION_JOB)
            .drawnOn(Graph.QUALITY, Axis.LEFT)
            .describedAs(in -> "Data quality score of pipeline " + in.job() + " below "
                    + NumberText.plain(in.thresholds().dataQualityPercent()) + " %.")),
    ERROR_RATE(signal("ErrorRateAlarm", "Alarms", "ErrorRate")
            .bit(BreachBit.ERROR_RATE)
            .watching(PipelineMetricSet::errorRatePercent)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(in -> in.thresholds().errorRatePercent()))
            .onlyIf(Inputs::staticThresholds)
            .drawnOn(Graph.QUALITY, Axis.LEFT)
            .describedAs(in -> "More than " + NumberText.plain(in.thresholds().errorRatePercent())
                    + " % of recent runs of " + in.job() + " failed.")),
    LATENCY(signal("ProcessingLatencyAlarm", "Alarms", "Latency")
            .bit(BreachBit.LATENCY)
            .watching(PipelineMetricSet::processingLatencySeconds)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(in -> in.thresholds().processingLatencySeconds()))
            .severity(Severity.WARNING)
            .onlyIf(Inputs::staticThresholds)
            .drawnOn(Graph.QUALITY, Axis.RIGHT)
            .describedAs(in -> "The latest run of " + in.job() + " took longer than "
                    + NumberText.plain(in.thresholds().processingLatencySeconds()) + " s.")),

    // Anomaly detection (switch anomalyDetection): beside or instead of the static custom-metric alarms.

    DATA_QUALITY_ANOMALY(anomalyOf(
            DATA_QUALITY,
            "DataQualityAnomaly",
            LESS_THAN_LOWER_THRESHOLD,
            "fell below the band expected from its history")),
    ERROR_RATE_ANOMALY(anomalyOf(
            ERROR_RATE,
            "ErrorRateAnomaly",
            GREATER_THAN_UPPER_THRESHOLD,
            "rose above the band expected from its history")),
    LATENCY_ANOMALY(anomalyOf(
            LATENCY, "LatencyAnomaly", GREATER_THAN_UPPER_THRESHOLD, "rose above the band expected from its history")),

    /** Two failed collections in a row: one transient failure (a throttled call) does not page. */
    COLLECTION_FAILED(signal("MetricsCollectionFailedAlarm", "Alarms", "CollectionFailed")
            .bit(BreachBit.COLLECTION_FAILED)
            .watching(PipelineMetricSet::collectionErrors)
            .firesWhen(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, new Fixed(1))
            .evaluating(2)
            .describedAs(in -> "DataPipelineMetricsFunction could not measure pipeline " + in.job()
                    + " in two runs in a row (job deleted, permission missing?): its custom-metric alarms cannot see it."
                    + " The function's log says why.")),
    /** Switch minThroughputRecordsPerSecond; the graph is always drawn. */
    LOW_THROUGHPUT(signal("LowThroughputAlarm", "Alarms", "LowThroughput")
            .bit(BreachBit.LOW_THROUGHPUT)
            .watching(PipelineMetricSet::throughputRecordsPerSecond)
            .firesWhen(
                    LESS_THAN_THRESHOLD,
                    new Setting(
                            in -> in.alarms().minThroughputRecordsPerSecond().getAsDouble()))
            .severity(Severity.WARNING)
            .onlyIf(in -> in.alarms().minThroughputRecordsPerSecond().isPresent())
            .drawnOn(Graph.DERIVED, Axis.RIGHT)
            .describedAs(in -> "Pipeline " + in.job() + " processed fewer than "
                    + NumberText.plain(
                            in.alarms().minThroughputRecordsPerSecond().getAsDouble())
                    + " records per second (metric math over RecordsProcessed).")),

    /**
     * A run that ended FAILED or TIMEOUT. A run that fails by exiting (the lab script's {@code sys.exit(1)}) fails no
     * Spark task, so numFailedTasks never sees it; the "Glue Job State Change" event always does, and the event
     * history's metric filter counts it per pipeline (FailedRuns).
     */
    RUN_FAILED(signal("GlueJobRunFailedAlarm", "RunFailures", "Alarm")
            .bit(BreachBit.RUN_FAILED)
            .watching(PipelineMetricSet::failedRuns)
            .firesWhen(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, new Fixed(1))
            .describedAs(in -> "A run of Glue job " + in.job() + " ended FAILED or TIMEOUT (the Glue Job State Change"
                    + " event, counted as FailedRuns from the event history).")),
    /**
     * A hanging run of a job this stack owns: Glue reports a run past the job's {@code NotifyDelayAfter} with a "Glue
     * Job Run Status" event, which the event history's metric filter counts (StuckRuns). Stuck runs are never
     * restarted: the run may still finish, and a second run would fail on MaxConcurrentRuns.
     */
    STUCK_RUN(signal("GlueJobStuckRunAlarm", "RunHealth", "StuckAlarm")
            .bit(BreachBit.STUCK_RUN_EVENT)
            .watching(PipelineMetricSet::stuckRuns)
            .firesWhen(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, new Fixed(1))
            .onlyIf(in -> in.pipeline().sampleJob())
            .runbook(Runbook.RUN_HEALTH)
            .describedAs(in -> "A run of Glue job " + in.job() + " is still going after "
                    + in.pipeline().stuckRunMinutes()
                    + " minutes (Glue Job Run Status event from the job's notify-delay, counted as StuckRuns).")),
    /** The same for a job the stack does not own, which cannot get the notify-delay from CloudFormation. */
    STUCK_RUN_BY_AGE(signal("GlueJobStuckRunAlarm", "RunHealth", "StuckAlarm")
            .bit(BreachBit.STUCK_RUN)
            .watching(PipelineMetricSet::longestRunningSeconds)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(in -> in.pipeline().stuckRunMinutes() * 60.0))
            .onlyIf(in -> !in.pipeline().sampleJob())
            .runbook(Runbook.RUN_HEALTH)
            .drawnOn(Graph.RUN_HEALTH, Axis.LEFT)
            .describedAs(in -> "A run of Glue job " + in.job() + " is still going after "
                    + in.pipeline().stuckRunMinutes()
                    + " minutes (LongestRunningSeconds from DataPipelineMetricsFunction).")),
    /**
     * A job that stops succeeding (never started, or failing quietly) while no other alarm fires. Missing data is
     * breaching: no data point means no success was found at all (never ran, or not within the look-back window).
     */
    MISSED_RUN(signal("GlueJobMissedRunAlarm", "RunHealth", "MissedAlarm")
            .bit(BreachBit.MISSED_RUN)
            .watching(PipelineMetricSet::secondsSinceLastSuccess)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(Inputs::missedRunLimitSeconds))
            .missingData(TreatMissingData.BREACHING)
            .onlyIf(in -> in.pipeline().expectedSuccessEveryMinutes().isPresent())
            .runbook(Runbook.RUN_HEALTH)
            .drawnOn(Graph.RUN_HEALTH, Axis.LEFT)
            .describedAs(in -> "Glue job " + in.job() + " should succeed every "
                    + in.pipeline().expectedSuccessEveryMinutes().getAsInt() + " minutes; no success for "
                    + (long) in.missedRunLimitSeconds() + " s, or none found at all (missing data is breaching).")),

    // The pipeline's other stages (declared in the pipelines file), each kind for the pipelines with such a stage.

    /**
     * A crawler of the pipeline failed: the "Glue Crawler State Change" event in state Failed (docs/glue-events.md),
     * counted per crawler as FailedCrawls from the event history. Same severity as a failed run, so a failed crawler
     * that makes the next job fail raises one page, whose reason names the crawler's alarm when it fired first.
     */
    CRAWLER_FAILED(signal("GlueCrawlerFailedAlarm", "Stages", "CrawlerFailed")
            .watchingStage(PipelineStages.Kind.CRAWLER, StageMetrics::failedCrawls)
            .firesWhen(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, new Fixed(1))
            .describedAs(in -> "A crawler of pipeline " + in.job() + " failed ("
                    + String.join(", ", in.pipeline().stages().named(PipelineStages.Kind.CRAWLER))
                    + "; the Glue Crawler State Change event in state Failed, counted as FailedCrawls from the event"
                    + " history).")),

    /**
     * A Data Quality ruleset stage of the pipeline failed its evaluation or a rule: the "Data Quality Evaluation
     * Results Available" event (source aws.glue-dataquality, docs/glue-events.md) with state FAILED or rulesFailed
     * above 0, counted per ruleset as FailedDataQualityEvaluations from the event history. Event-driven, so it fires
     * minutes before the polled DataQualityScore, and also for rulesets the job itself does not name.
     */
    DATA_QUALITY_FAILED(signal("GlueDataQualityFailedAlarm", "Stages", "DataQualityFailed")
            .watchingStage(PipelineStages.Kind.DATA_QUALITY_RULESET, StageMetrics::failedEvaluations)
            .firesWhen(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, new Fixed(1))
            .describedAs(in -> "A Data Quality evaluation of pipeline " + in.job() + " failed or failed a rule ("
                    + String.join(", ", in.pipeline().stages().named(PipelineStages.Kind.DATA_QUALITY_RULESET))
                    + "; the Data Quality Evaluation Results Available event, counted as FailedDataQualityEvaluations"
                    + " from the event history).")),
    /**
     * The pipeline's state machine ended an execution FAILED, TIMED_OUT or ABORTED: the "Step Functions Execution
     * Status Change" event (Standard workflows only), counted as FailedExecutions from the event history.
     */
    STATE_MACHINE_FAILED(signal("StepFunctionsExecutionFailedAlarm", "Stages", "StateMachineFailed")
            .watchingStage(PipelineStages.Kind.STATE_MACHINE, StageMetrics::failedExecutions)
            .firesWhen(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, new Fixed(1))
            .describedAs(in -> "An execution of state machine "
                    + String.join(", ", in.pipeline().stages().named(PipelineStages.Kind.STATE_MACHINE))
                    + " of pipeline " + in.job() + " ended FAILED, TIMED_OUT or ABORTED (the Step Functions Execution"
                    + " Status Change event, counted as FailedExecutions from the event history).")),
    /**
     * The newest finished run of the pipeline's declared workflow ended ERROR or STOPPED or had failed or timed-out
     * actions, or a run has been RUNNING longer than the pipeline's stuckRunMinutes: WorkflowRunFailed (1 or 0), from
     * the metrics function's GetWorkflowRuns poll. Glue sends no event for workflow runs, so this is the only signal
     * that names the workflow; it stays in ALARM until a later run finishes well.
     */
    WORKFLOW_RUN_FAILED(signal("GlueWorkflowRunFailedAlarm", "Stages", "WorkflowRunFailed")
            .bit(BreachBit.WORKFLOW_RUN_FAILED)
            .watching(PipelineMetricSet::workflowRunFailed)
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))
            .onlyIf(Inputs::workflowWatched)
            .describedAs(in -> "The newest finished run of workflow "
                    + String.join(", ", in.pipeline().stages().named(PipelineStages.Kind.WORKFLOW))
                    + " of pipeline " + in.job()
                    + " ended ERROR or STOPPED or had failed or timed-out actions, or a run"
                    + " has been RUNNING for more than " + in.pipeline().stuckRunMinutes() + " minutes"
                    + " (WorkflowRunFailed, from GetWorkflowRuns in DataPipelineMetricsFunction).")),
    /**
     * One of the pipeline's declared triggers is DEACTIVATED or DEACTIVATING, or no longer exists: TriggerDeactivated
     * (1 or 0), from the metrics function's GetTrigger poll. Glue sends no event when a trigger is deactivated; the
     * response function's own pause-trigger action deactivates a failing job's triggers, and then this signal is part
     * of the same page (see the README, "Pausing a job's triggers").
     */
    TRIGGER_DEACTIVATED(signal("GlueTriggerDeactivatedAlarm", "Stages", "TriggerDeactivated")
            .bit(BreachBit.TRIGGER_DEACTIVATED)
            .watching(PipelineMetricSet::triggerDeactivated)
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))
            .onlyIf(Inputs::triggersWatched)
            .describedAs(in -> "A trigger of pipeline " + in.job() + " ("
                    + String.join(", ", in.pipeline().stages().named(PipelineStages.Kind.TRIGGER))
                    + ") is DEACTIVATED or DEACTIVATING or does not exist, so it starts no run"
                    + " (TriggerDeactivated, from GetTrigger in DataPipelineMetricsFunction).")),
    /**
     * The pipeline's declared output is older than its expectation ({@code output.freshWithinMinutes}):
     * OutputAgeSeconds, the age of the newest partition, table update or object, from the metrics function. Missing
     * data is breaching, as for a missed run: no point means no output was found (empty, or unreadable, which the
     * function's log says). It also catches what no event reports: a workflow that never started, a crawler that never
     * ran, a job that succeeded without writing.
     */
    OUTPUT_STALE(signal("PipelineOutputStaleAlarm", "Output", "StaleAlarm")
            .watching(PipelineMetricSet::outputAgeSeconds)
            .firesWhen(GREATER_THAN_THRESHOLD, new Setting(Inputs::freshWithinSeconds))
            .missingData(TreatMissingData.BREACHING)
            .onlyIf(in -> in.pipeline().stages().output().stream()
                    .anyMatch(output -> output.freshWithinMinutes().isPresent()))
            .runbook(Runbook.OUTPUT_FRESHNESS)
            .drawnOn(Graph.RUN_HEALTH, Axis.LEFT)
            .describedAs(in -> "The output of pipeline " + in.job() + " is older than "
                    + (long) in.freshWithinSeconds() + " s (OutputAgeSeconds: its newest partition, table update or"
                    + " object, from DataPipelineMetricsFunction; missing data is breaching).")),

    /**
     * The month's projected cost of the pipeline's Glue runs (ProjectedMonthlyCostUsd, from the metrics function) is
     * above the pipeline's monthlyBudgetUsd. A warning: a budget overrun is worth a look in working hours, not a 3 a.m.
     * page. Alarm periods cannot span a calendar month and metric math has no monthly reset, so the function projects
     * the month itself and the alarm compares one number.
     */
    OVER_BUDGET(signal("PipelineOverBudgetAlarm", "Cost", "BudgetAlarm")
            .bit(BreachBit.OVER_BUDGET)
            .watching(PipelineMetricSet::projectedMonthlyCostUsd)
            .firesWhen(
                    GREATER_THAN_THRESHOLD,
                    new Setting(in -> in.pipeline().monthlyBudgetUsd().getAsDouble()))
            .severity(Severity.WARNING)
            .onlyIf(Inputs::budgeted)
            .runbook(Runbook.COST)
            .drawnOn(Graph.COST, Axis.RIGHT)
            .describedAs(in -> "The month's projected cost of the Glue runs of " + in.job() + " is above its budget of "
                    + NumberText.plain(in.pipeline().monthlyBudgetUsd().getAsDouble())
                    + " USD (ProjectedMonthlyCostUsd: the cost of the runs since the 1st, UTC, x the month's days / the"
                    + " days begun, from DataPipelineMetricsFunction).")),

    // Capacity (switch capacityAlarms=all): the observability metrics of Glue 4.0+ jobs. Their percentages are
    // fractions from 0 to 1, like glue.driver.jvm.heap.usage (see the README's "Capacity alarms").

    /** Over-provisioned: most workers idle for a quarter of an hour of a run; fewer workers or auto scaling save DPUs. */
    LOW_WORKER_UTILIZATION(
            capacity("GlueJobLowWorkerUtilizationAlarm", "LowUtilization")
                    .watching(PipelineMetricSet::workerUtilizationFraction)
                    .firesWhen(LESS_THAN_THRESHOLD, new Fixed(0.3))
                    .evaluating(3)
                    .describedAs(
                            in -> "Glue job " + in.job() + " used under 30 % of its workers for 15 minutes of a run"
                                    + " (glue.driver.workerUtilization): it is over-provisioned; fewer workers or auto scaling cost less.")),
    /** Under-provisioned: every worker busy for a quarter of an hour; the run waits for capacity. */
    HIGH_WORKER_UTILIZATION(capacity("GlueJobHighWorkerUtilizationAlarm", "HighUtilization")
            .watching(PipelineMetricSet::workerUtilizationFraction)
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0.95))
            .evaluating(3)
            .describedAs(in -> "Glue job " + in.job() + " used over 95 % of its workers for 15 minutes of a run"
                    + " (glue.driver.workerUtilization): more workers or auto scaling would shorten it.")),
    /** Glue's default skew factor is 5: a stage whose slowest task takes five times the median holds the job up. */
    SKEW(capacity("GlueJobSkewAlarm", "Skew")
            .bit(BreachBit.SKEW)
            .watching(PipelineMetricSet::skewness)
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(5))
            .describedAs(in -> "Data of Glue job " + in.job() + " is skewed (glue.driver.skewness.job above 5):"
                    + " a few tasks do most of the work; repartition or salt the join keys.")),
    EXECUTOR_DISK(
            capacity("GlueJobDiskAlarm", "Disk")
                    .bit(BreachBit.EXECUTOR_DISK)
                    .watching(PipelineMetricSet::executorDiskUsedFraction)
                    .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0.9))
                    .describedAs(
                            in -> "Executors of Glue job " + in.job() + " used over 90 % of their local disk"
                                    + " (glue.ALL.disk.used.percentage): shuffle spill may fail the run with 'No space left on device'.")),
    EXECUTOR_MEMORY(capacity("GlueJobExecutorMemoryAlarm", "Memory")
            .bit(BreachBit.EXECUTOR_MEMORY)
            .watching(PipelineMetricSet::executorMemoryUsedFraction)
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0.9))
            .describedAs(in -> "Executors of Glue job " + in.job() + " used over 90 % of their memory"
                    + " (glue.ALL.memory.total.used.percentage): a larger worker type or more partitions avoid an"
                    + " out-of-memory failure.")),

    // A pipeline's pages: composites over its signals, one per severity.

    PIPELINE_UNHEALTHY(page("PipelineUnhealthyAlarm", Severity.CRITICAL, "Unhealthy")),
    PIPELINE_DEGRADED(page("PipelineDegradedAlarm", Severity.WARNING, "Degraded")),

    // A pipeline's pages when each is one metric-math alarm over its breach bits (alarms/BreachPage): same names, one
    // alarm per severity instead of a composite over several signals (switch detailedMetrics off, see "What it costs").

    PIPELINE_UNHEALTHY_BREACH(breachPage("PipelineUnhealthyAlarm", Severity.CRITICAL, "UnhealthyBreach")),
    PIPELINE_DEGRADED_BREACH(breachPage("PipelineDegradedAlarm", Severity.WARNING, "DegradedBreach")),

    // The alert path's own health: children of MONITORING_HEALTH, each watching a resource of the stack.

    /** Without it a broken publisher would look like a healthy pipeline: its metrics' alarms treat missing data as OK. */
    METRICS_FUNCTION_ERRORS(healthSignal("DataPipelineMetricsFunctionErrorsAlarm")
            .watching("Errors", "Sum")
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))),
    /**
     * Two periods without an invocation: the rule was disabled or deleted, or EventBridge cannot invoke the function.
     * A period is one run of the function's schedule, as for the catalog's metrics. No data at all is the same as
     * zero here: FILL(Invocations, 0) makes it a datum, so the alarm evaluates as soon as a period passes instead of
     * waiting out CloudWatch's look-back for missing data (and missing data would be breaching too).
     */
    METRICS_SCHEDULE(healthSignal("DataPipelineMetricsScheduleAlarm")
            .watchingFilled("Invocations", "Sum")
            .period(PipelineMetricSet.PERIOD)
            .firesWhen(LESS_THAN_THRESHOLD, new Fixed(1))
            .evaluating(2)
            .missingData(TreatMissingData.BREACHING)),
    RESPONSE_FAILED(healthSignal("AlarmResponseFailedAlarm")
            .watching("ApproximateNumberOfMessagesVisible", "Maximum")
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))),
    /** Each of the four metrics is billed as an alarm metric. */
    RESPONSE_FUNCTION_HEALTH(healthSignal("AlarmResponseFunctionHealthAlarm")
            .watchingSumOf(
                    "AlarmResponseFunction failures",
                    "Sum",
                    "errors",
                    "Errors",
                    "throttles",
                    "Throttles",
                    "dropped",
                    "AsyncEventsDropped",
                    "undelivered",
                    "DestinationDeliveryFailures")
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))),
    /**
     * A failed run that the response function did not put into a page while it was the pager of the stack's one-alarm
     * pipelines: the failed runs the event history counted (FailedRuns, all pipelines of the stack, no dimension) less
     * those the function paged, found paged or raised a composite for (RunFailuresPaged, which it emits at the run's
     * event time). Catches a function that silently did not page (its errors and throttles have their own alarm). One
     * alarm per stack, only where a pipeline's page is one alarm; 5-minute periods, so that the function's count of a
     * run lands in the same period as the event history's.
     */
    UNPAGED_RUN_FAILURES(healthSignal("UnpagedRunFailuresAlarm")
            .watchingDifference(
                    "Failed runs not paged",
                    "Sum",
                    CustomMetric.FAILED_RUNS.metricName(),
                    ResponseConfiguration.RUN_PAGES_METRIC)
            .period(Duration.minutes(5))
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))),
    TOPIC_DELIVERY_FAILED(healthSignal("AlertDeliveryFailedAlarm")
            .watching("NumberOfNotificationsFailed", "Sum")
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))),
    EVENT_DELIVERY_FAILED(healthSignal("EventDeliveryFailedAlarm")
            .watching("FailedInvocations", "Sum")
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))),
    DEAD_LETTERS(healthSignal("DeadLettersAlarm")
            .watching("ApproximateNumberOfMessagesVisible", "Maximum")
            .firesWhen(GREATER_THAN_THRESHOLD, new Fixed(0))),
    /**
     * The account's concurrent Glue job runs at 80 % of their quota (switch capacityAlarms, on by default): beyond it
     * new runs, and the response function's restarts, fail with ConcurrentRunsExceededException. An alarm of the
     * stack, not of a pipeline: the quota is the account's.
     */
    GLUE_RUN_QUOTA(healthSignal("GlueConcurrentRunsQuotaAlarm")
            .watching("ResourceUsage", "Maximum")
            .period(Duration.hours(1))
            .firesWhen(GREATER_THAN_OR_EQUAL_TO_THRESHOLD, new Fixed(80))
            .runbook(Runbook.CAPACITY)),
    /** The health signals of one nested stack, gathered so the page's rule stays short however many pipelines. */
    MONITORING_HEALTH_GROUP(composite("MonitoringHealthGroupAlarm", Role.HEALTH_GROUP)),
    MONITORING_HEALTH(composite("MonitoringHealthAlarm", Role.HEALTH_PAGE));

    /** Suffix of an anomaly-detection kind's name, after the name of the static kind it watches beside. */
    public static final String ANOMALY_SUFFIX = "Anomaly";

    private final Definition definition;

    AlarmKind(Definition definition) {
        this.definition = definition;
    }

    /** Where a kind sits in the page model; the topic it notifies follows from it. */
    public enum Role {
        /** A pipeline's signal: notifies the remediation topic, pages through its pipeline's page. */
        PIPELINE_SIGNAL,
        /** A pipeline's page, a composite over its signals of one severity: notifies that severity's topic. */
        PIPELINE_PAGE,
        /** Watches the alert path itself: no actions of its own, pages through the monitoring-health page. */
        HEALTH_SIGNAL,
        /** A nested stack's health signals gathered for the monitoring-health page: no actions of its own. */
        HEALTH_GROUP,
        /** The page of the alert path's own health, on the monitoring-health topic. */
        HEALTH_PAGE
    }

    /** How urgent a pipeline signal is; each severity has its own page per pipeline when severity topics are on. */
    public enum Severity {
        CRITICAL,
        WARNING
    }

    /** What AlarmResponseFunction does when a pipeline signal arrives (its route in the route table). */
    public enum Response {
        /** Restart the pipeline's job within the restart budget. */
        RESTART_JOB,
        /** Start the pipeline's validation job ({@code validationJob}) within the budget; without one, log only. */
        START_VALIDATION_JOB,
        /** Log the decision only. */
        NOTIFY_ONLY
    }

    /** How CloudWatch bills an alarm of the kind (the cost estimate counts by it). */
    public enum Billing {
        /** Per metric the alarm watches. */
        STANDARD,
        /** Per alarm, as the three metrics of a band. */
        ANOMALY_DETECTION,
        /** Per composite alarm. */
        COMPOSITE
    }

    /** A graph of a pipeline's row on the dashboard. */
    public enum Graph {
        DURATION("ETL Job Duration"),
        DATA_PROCESSED("Data Processed (Bytes)"),
        MEMORY("Memory Usage"),
        QUALITY("Data Pipeline Quality Metrics"),
        RUN_HEALTH("Run Health (stuck and missed runs)"),
        DERIVED("Job Success Rate and Throughput"),
        COST("Run Cost (USD)");

        private final String title;

        Graph(String title) {
            this.title = title;
        }

        /** The graph's title, the lab's for the lab's graphs. */
        public String title() {
            return title;
        }
    }

    /** The y-axis of a graph a threshold is drawn against. */
    public enum Axis {
        LEFT,
        RIGHT
    }

    /** Where the dashboard draws a kind's threshold line. */
    public record Placement(Graph graph, Axis axis) {}

    /**
     * Where a pipeline's alarm of this kind lives in its pipeline's construct tree: its logical id is made from this
     * path, so changing it replaces the deployed alarm.
     */
    public record Location(String scope, String id) {}

    /** README section anchors that say what an alarm means and what to do about it. */
    public static final class Runbook {
        /** "One incident, one page": every signal, its page and the response function's action. */
        public static final String PAGE_MODEL = "one-incident-one-page";
        /** "Stuck runs, missed runs, and the bill up front". */
        public static final String RUN_HEALTH = "stuck-runs-missed-runs-and-the-bill-up-front";
        /** "Capacity alarms". */
        public static final String CAPACITY = "capacity-alarms";
        /** "Cost per run": the budget alarm. */
        public static final String COST = "cost-per-run";
        /** "Output freshness and its objective". */
        public static final String OUTPUT_FRESHNESS = "output-freshness-and-its-objective";

        private Runbook() {}
    }

    /** What a kind's alarm watches. */
    public sealed interface Watch {
        /** A metric of the pipeline's metric catalog, shared with its dashboard graph. */
        record OfPipeline(Function<PipelineMetricSet, ? extends IMetric> metric) implements Watch {}

        /** A metric over the pipeline's stages of one kind (their names in order), for pipelines that declare any. */
        record OfStages(PipelineStages.Kind stage, Function<List<String>, ? extends IMetric> metric) implements Watch {}

        /** A metric of the resource the alarm is about (a function, queue, topic or rule), by name and statistic. */
        record OfResource(String metricName, String statistic) implements Watch {}

        /** The same, with a period without data counted as 0 ({@code FILL(m, 0)}). */
        record FilledResource(String metricName, String statistic) implements Watch {}

        /** A page's sum of breach bits, built by the pipeline's alarms from its modes (alarms/BreachPage). */
        record BreachSum() implements Watch {}

        /** One metric of the resource less another, each with a period without data counted as 0. */
        record DifferenceOfResource(String label, String statistic, String metricName, String lessMetricName)
                implements Watch {}

        /** The sum of several metrics of the resource, any of which counts as a failure; by id in the expression. */
        record SumOfResource(String label, String statistic, SequencedMap<String, String> metricNamesById)
                implements Watch {}
    }

    /** The metrics of one resource, as its L2 construct gives them ({@code function::metric}, {@code queue::metric}). */
    @FunctionalInterface
    public interface MetricSource {
        IMetric metric(String metricName, MetricOptions options);
    }

    /** The threshold of a kind's alarm. */
    public sealed interface Threshold {
        /** The same for every alarm of the kind. */
        record Fixed(double value) implements Threshold {}

        /** Given by the settings (a threshold key, a switch, or a pipeline's own option), in the metric's unit. */
        record Setting(ToDoubleFunction<Inputs> value) implements Threshold {}

        /** An anomaly-detection band learnt from the metric's history, this many standard deviations wide. */
        record Band(ToDoubleFunction<Inputs> width) implements Threshold {}
    }

    /**
     * When a metric alarm fires.
     *
     * @param evaluationPeriods periods CloudWatch looks at
     * @param datapointsToAlarm of those, how many must breach
     */
    public record Trigger(
            ComparisonOperator comparison,
            Threshold threshold,
            Duration period,
            int evaluationPeriods,
            int datapointsToAlarm,
            TreatMissingData missingData) {
        public Trigger {
            Objects.requireNonNull(comparison, "comparison");
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(missingData, "missingData");
        }
    }

    /**
     * What a pipeline's signals are shaped by: the pipeline and the alarm settings their thresholds and switches
     * come from.
     */
    public record Inputs(MonitoredPipeline pipeline, AlarmSettings alarms) {
        public Inputs {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(alarms, "alarms");
        }

        public AlarmThresholds thresholds() {
            return alarms.thresholds();
        }

        public String job() {
            return pipeline.jobName();
        }

        /** Whether the static custom-metric alarms exist: anomaly detection may replace them. */
        boolean staticThresholds() {
            return alarms.anomalyDetection() != AnomalyDetection.INSTEAD;
        }

        boolean anomalyDetection() {
            return alarms.anomalyDetection() != AnomalyDetection.OFF;
        }

        /** The declared output's freshness expectation in seconds; only for a pipeline that declares one. */
        public double freshWithinSeconds() {
            return pipeline.stages().output().orElseThrow().freshWithinMinutes().getAsInt() * 60.0;
        }

        /**
         * Whether the pipeline's pages are one metric-math alarm each over its breach bits: for an added pipeline
         * without detailed metrics and without a validation job, when every signal it gets has a bit (no anomaly band, no capacity signal of
         * several periods, no stage) and each page reads at most CloudWatch's 10 metrics.
         */
        public boolean breachPage() {
            return !pipeline.sampleJob()
                    && !alarms.detailedMetrics()
                    // A validation job starts from the data-quality alarm's own notification: it needs that alarm.
                    && pipeline.response().validationJob().isEmpty()
                    && Arrays.stream(values())
                            .filter(kind -> kind.role() == Role.PIPELINE_SIGNAL && kind.appliesTo(this))
                            .allMatch(kind -> kind.bit().isPresent());
        }

        /**
         * Whether the pipeline has a DataQualityScore to alarm on: one with a Data Quality ruleset, and the sample job,
         * whose alarm is the lab's (step 6), and every pipeline with metricsSource=simulate, which publishes a random
         * score without a ruleset. An added job without a ruleset gets no data-quality alarm: nothing would publish its
         * metric.
         */
        boolean qualityScored() {
            return pipeline.sampleJob() || pipeline.dataQualityRuleset().isPresent() || alarms.simulatedMetrics();
        }

        /**
         * Whether the pipeline has a monthly budget the metrics function projects against: its runs are measured in
         * glue mode only (the simulated lab has no runs to price).
         */
        public boolean budgeted() {
            return pipeline.monthlyBudgetUsd().isPresent() && !alarms.simulatedMetrics();
        }

        /**
         * Whether the metrics function polls the pipeline's workflow: it declares a workflow stage, in glue mode only
         * (the simulated lab calls no Glue API).
         */
        public boolean workflowWatched() {
            return !pipeline.stages().named(PipelineStages.Kind.WORKFLOW).isEmpty() && !alarms.simulatedMetrics();
        }

        /**
         * Whether the metrics function reads the pipeline's triggers: it declares a trigger stage, in glue mode only
         * (the simulated lab calls no Glue API).
         */
        public boolean triggersWatched() {
            return !pipeline.stages().named(PipelineStages.Kind.TRIGGER).isEmpty() && !alarms.simulatedMetrics();
        }

        double missedRunLimitSeconds() {
            return Math.ceil(pipeline.expectedSuccessEveryMinutes().getAsInt() * 60 * alarms.missedRunGraceFactor());
        }
    }

    /** The alarm's name before the prefix and the per-pipeline suffix, the lab's where the lab has one. */
    public String baseName() {
        return definition.baseName;
    }

    public Role role() {
        return definition.role;
    }

    /** A pipeline signal's severity unless the settings ({@code warningAlarms}) say otherwise; a page's severity. */
    public Optional<Severity> severity() {
        return Optional.ofNullable(definition.severity);
    }

    /** The kind whose severity this one shares: the static kind an anomaly-detection kind watches beside, or itself. */
    public AlarmKind severityKind() {
        return definition.twin != null ? definition.twin : this;
    }

    /** The static kind an anomaly-detection kind watches beside. */
    public Optional<AlarmKind> twin() {
        return Optional.ofNullable(definition.twin);
    }

    /**
     * The bit of a pipeline signal's failure mode when the pipeline's page is one alarm; empty for a kind that cannot
     * be one (a band, several periods in a row, a stage), which keeps its pipeline on composite pages.
     */
    public Optional<BreachBit> bit() {
        return Optional.ofNullable(definition.bit);
    }

    /** Whether this page kind is one metric-math alarm over breach bits rather than a composite. */
    public boolean breachPage() {
        return definition.watch instanceof Watch.BreachSum;
    }

    /** A pipeline signal's route in the response function's table; empty for every other role. */
    public Optional<Response> response() {
        return Optional.ofNullable(definition.response);
    }

    /** The README section (anchor) that says what the alarm means and what to do. */
    public String runbook() {
        return definition.runbook;
    }

    /** Where the dashboard draws the threshold; empty when no graph does. */
    public Optional<Placement> placement() {
        return Optional.ofNullable(definition.placement);
    }

    /** Where a pipeline's signal or page lives in its pipeline's construct tree; empty for the stack-wide kinds. */
    public Optional<Location> location() {
        return Optional.ofNullable(definition.location);
    }

    /** When the alarm fires; empty for a composite, which fires when one of its children does. */
    public Optional<Trigger> trigger() {
        return Optional.ofNullable(definition.trigger());
    }

    /** What the alarm watches; empty for a composite. */
    public Optional<Watch> watch() {
        return Optional.ofNullable(definition.watch);
    }

    public Billing billing() {
        if (definition.watch == null) {
            return Billing.COMPOSITE;
        }
        return definition.threshold instanceof Band ? Billing.ANOMALY_DETECTION : Billing.STANDARD;
    }

    /** Whether a pipeline gets an alarm of this kind (a pipeline signal's switch or option). */
    public boolean appliesTo(Inputs in) {
        return definition.appliesTo.test(in);
    }

    /** The threshold of this kind's alarm for one pipeline, in the metric's unit. */
    public double threshold(Inputs in) {
        return switch (definition.threshold) {
            case Fixed fixed -> fixed.value();
            case Setting setting -> setting.value().applyAsDouble(in);
            case Band band -> throw new IllegalStateException(this + " has a band, not a threshold");
        };
    }

    /** The threshold of a stack-wide kind, which no setting changes. */
    public double fixedThreshold() {
        if (definition.threshold instanceof Fixed fixed) {
            return fixed.value();
        }
        throw new IllegalStateException(this + " has no fixed threshold");
    }

    /** An anomaly-detection kind's band width, in standard deviations. */
    public double bandWidth(Inputs in) {
        if (definition.threshold instanceof Band band) {
            return band.width().applyAsDouble(in);
        }
        throw new IllegalStateException(this + " has no band");
    }

    /** The pipeline signal's description, as its alarm shows it; {@code metric} is what {@link #metric} gave. */
    public String description(Inputs in, IMetric metric) {
        if (definition.description == null) {
            throw new IllegalStateException(this + " is described where its resource is created");
        }
        return definition.description.apply(in, metric);
    }

    /** The metric a pipeline signal watches, from the pipeline's catalog or its stages, over this kind's period. */
    public IMetric metric(Inputs in, PipelineMetricSet metrics) {
        return switch (definition.watch) {
            case Watch.OfPipeline ofPipeline -> withPeriod(ofPipeline.metric().apply(metrics), definition.period);
            case Watch.OfStages ofStages ->
                withPeriod(ofStages.metric().apply(in.pipeline().stages().named(ofStages.stage())), definition.period);
            case null, default -> throw new IllegalStateException(this + " does not watch a pipeline metric");
        };
    }

    /** The stage kind this signal is about; empty for the job's own signals and the stack-wide kinds. */
    public Optional<PipelineStages.Kind> stage() {
        return definition.watch instanceof Watch.OfStages ofStages ? Optional.of(ofStages.stage()) : Optional.empty();
    }

    /** The metric a stack-wide kind watches, on the resource that gives its metrics. */
    public IMetric metric(MetricSource source) {
        return switch (definition.watch) {
            case Watch.OfResource resource ->
                source.metric(
                        resource.metricName(),
                        MetricOptions.builder()
                                .statistic(resource.statistic())
                                .period(definition.period)
                                .build());
            case Watch.FilledResource filled ->
                MathExpression.Builder.create()
                        .expression("FILL(m, 0)")
                        .usingMetrics(Map.of(
                                "m",
                                source.metric(
                                        filled.metricName(),
                                        MetricOptions.builder()
                                                .statistic(filled.statistic())
                                                .period(definition.period)
                                                .build())))
                        .label(filled.metricName() + " (no data: 0)")
                        .period(definition.period)
                        .build();
            case Watch.SumOfResource sum -> {
                MetricOptions perPeriod = MetricOptions.builder()
                        .statistic(sum.statistic())
                        .period(definition.period)
                        .build();
                Map<String, IMetric> byId = new LinkedHashMap<>();
                sum.metricNamesById().forEach((id, name) -> byId.put(id, source.metric(name, perPeriod)));
                yield MathExpression.Builder.create()
                        .expression("SUM(["
                                + String.join(", ", sum.metricNamesById().keySet()) + "])")
                        // Ordered: a hash map's order may differ per JVM, and the template must not.
                        .usingMetrics(new TreeMap<>(byId))
                        .label(sum.label())
                        .period(definition.period)
                        .build();
            }
            case Watch.DifferenceOfResource difference -> {
                MetricOptions perPeriod = MetricOptions.builder()
                        .statistic(difference.statistic())
                        .period(definition.period)
                        .build();
                yield MathExpression.Builder.create()
                        .expression("FILL(counted, 0) - FILL(less, 0)")
                        .usingMetrics(new TreeMap<>(Map.of(
                                "counted",
                                source.metric(difference.metricName(), perPeriod),
                                "less",
                                source.metric(difference.lessMetricName(), perPeriod))))
                        .label(difference.label())
                        .period(definition.period)
                        .build();
            }
            case Watch.OfPipeline ofPipeline -> throw new IllegalStateException(this + " watches a pipeline metric");
            case Watch.OfStages ofStages -> throw new IllegalStateException(this + " watches a pipeline's stages");
            case Watch.BreachSum sum -> throw new IllegalStateException(this + " watches a pipeline's breach bits");
            case null -> throw new IllegalStateException(this + " is a composite");
        };
    }

    /** The kinds of one role, in catalog order. */
    public static List<AlarmKind> withRole(Role role) {
        return Arrays.stream(values()).filter(kind -> kind.role() == role).toList();
    }

    /** The page of one severity. */
    public static AlarmKind pageOf(Severity severity) {
        return withRole(Role.PIPELINE_PAGE).stream()
                .filter(page -> !page.breachPage())
                .filter(page -> page.severity().orElseThrow() == severity)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The names a user may give a severity by ({@code warningAlarms}): the pipeline signals', without the
     * anomaly-detection kinds, which share the severity of the kind they watch beside.
     */
    public static List<String> signalNames() {
        return withRole(Role.PIPELINE_SIGNAL).stream()
                .filter(kind -> kind.twin().isEmpty())
                .map(AlarmKind::baseName)
                .distinct()
                .toList();
    }

    /** The names of the signals that page as warnings unless the settings say otherwise. */
    public static List<String> defaultWarningNames() {
        return withRole(Role.PIPELINE_SIGNAL).stream()
                .filter(kind -> kind.twin().isEmpty())
                .filter(kind -> kind.severity().orElseThrow() == Severity.WARNING)
                .map(AlarmKind::baseName)
                .distinct()
                .toList();
    }

    /** The pipeline signals a user named (names from {@link #signalNames()}). */
    public static Set<AlarmKind> signalsNamed(Collection<String> names) {
        return withRole(Role.PIPELINE_SIGNAL).stream()
                .filter(kind -> kind.twin().isEmpty())
                .filter(kind -> names.contains(kind.baseName()))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The fewest base names whose prefixes match the name of every alarm the app creates, in catalog order: an
     * anomaly-detection kind's name starts with its static kind's, and prefixes and suffixes only add to a name.
     */
    public static List<String> namePrefixes(Collection<PipelineStages.Kind> declaredStages) {
        // A stage's kinds only where some pipeline declares the stage: a job-only stack's templates stay as they were.
        List<String> names = Arrays.stream(values())
                .filter(kind -> kind.stage().map(declaredStages::contains).orElse(true))
                .map(AlarmKind::baseName)
                .distinct()
                .toList();
        return names.stream()
                .filter(name -> names.stream().noneMatch(other -> !other.equals(name) && name.startsWith(other)))
                .toList();
    }

    private static IMetric withPeriod(IMetric metric, Duration period) {
        if (metric instanceof Metric single) {
            return single.with(MetricOptions.builder().period(period).build());
        }
        if (metric instanceof MathExpression expression) {
            return expression.with(
                    MathExpressionOptions.builder().period(period).build());
        }
        throw new IllegalArgumentException("a catalog metric is a Metric or a MathExpression, not " + metric);
    }

    private static Definition signal(String baseName, String scope, String id) {
        Definition definition = new Definition(baseName, Role.PIPELINE_SIGNAL);
        definition.location = new Location(scope, id);
        definition.severity = Severity.CRITICAL;
        definition.response = Response.NOTIFY_ONLY;
        return definition;
    }

    /** An anomaly-detection alarm on the metric of {@code twin}, in the same place of the tree, with its severity. */
    private static Definition anomalyOf(AlarmKind twin, String id, ComparisonOperator band, String what) {
        Definition definition = signal(
                twin.baseName() + ANOMALY_SUFFIX, twin.location().orElseThrow().scope(), id);
        definition.twin = twin;
        definition.severity = null;
        definition.response = twin.definition.response;
        definition.watch = twin.definition.watch;
        definition.comparison = band;
        definition.threshold = new Band(in -> in.alarms().anomalyBandWidth());
        definition.appliesTo =
                twin == DATA_QUALITY ? in -> in.anomalyDetection() && in.qualityScored() : Inputs::anomalyDetection;
        definition.description = (in, metric) -> ((Metric) metric).getMetricName() + " of pipeline " + in.job() + " "
                + what + " (" + NumberText.plain(in.alarms().anomalyBandWidth()) + " standard deviations).";
        return definition;
    }

    /**
     * A capacity signal of a pipeline: a warning, only with capacityAlarms=all, its runbook "Capacity alarms". Its
     * periods stay 5 minutes: "for 15 minutes of a run" is three of them, and a shorter period adds nothing to a
     * signal that is not urgent.
     */
    private static Definition capacity(String baseName, String id) {
        return signal(baseName, "Capacity", id)
                // Not a constant: the enum's static fields are not initialized yet while its constants are built.
                .period(Duration.minutes(5))
                .severity(Severity.WARNING)
                .runbook(Runbook.CAPACITY)
                .onlyIf(in -> in.alarms().capacityAlarms().perPipeline());
    }

    private static Definition page(String baseName, Severity severity, String id) {
        Definition definition = new Definition(baseName, Role.PIPELINE_PAGE);
        definition.location = new Location("Pages", id);
        definition.severity = severity;
        return definition;
    }

    /**
     * A page that is one metric-math alarm: the sum of the breach bits of its severity's modes, at least 1 fires it,
     * and the value in its state reason says which modes did ({@link BreachBit#decode}).
     */
    private static Definition breachPage(String baseName, Severity severity, String id) {
        Definition definition = page(baseName, severity, id);
        definition.watch = new Watch.BreachSum();
        definition.comparison = GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
        definition.threshold = new Fixed(1);
        return definition;
    }

    private static Definition healthSignal(String baseName) {
        return new Definition(baseName, Role.HEALTH_SIGNAL);
    }

    private static Definition composite(String baseName, Role role) {
        return new Definition(baseName, role);
    }

    /** A kind's definition while its constant is being built; the enum exposes it read-only. */
    private static final class Definition {
        private final String baseName;
        private final Role role;
        private Location location;
        private Watch watch;
        private ComparisonOperator comparison;
        private Threshold threshold;
        // Not a constant of the enum: those are not yet initialized while its constants are built.
        private Duration period = PipelineMetricSet.PERIOD;
        private int evaluationPeriods = 1;
        private int datapointsToAlarm = 1;
        private TreatMissingData missingData = TreatMissingData.NOT_BREACHING;
        private Severity severity;
        private AlarmKind twin;
        private BreachBit bit;
        private Response response;
        private String runbook = Runbook.PAGE_MODEL;
        private Placement placement;
        private Predicate<Inputs> appliesTo = in -> true;
        private BiFunction<Inputs, IMetric, String> description;

        private Definition(String baseName, Role role) {
            this.baseName = Objects.requireNonNull(baseName, "baseName");
            this.role = role;
        }

        private Trigger trigger() {
            return watch == null
                    ? null
                    : new Trigger(comparison, threshold, period, evaluationPeriods, datapointsToAlarm, missingData);
        }

        Definition watching(Function<PipelineMetricSet, ? extends IMetric> metric) {
            watch = new Watch.OfPipeline(metric);
            return this;
        }

        /** Watches the pipeline's stages of one kind; only pipelines that declare such a stage get the alarm. */
        Definition watchingStage(PipelineStages.Kind stage, Function<List<String>, ? extends IMetric> metric) {
            watch = new Watch.OfStages(stage, metric);
            appliesTo = in -> !in.pipeline().stages().named(stage).isEmpty();
            return this;
        }

        Definition watching(String metricName, String statistic) {
            watch = new Watch.OfResource(metricName, statistic);
            return this;
        }

        Definition watchingFilled(String metricName, String statistic) {
            watch = new Watch.FilledResource(metricName, statistic);
            return this;
        }

        Definition watchingDifference(String label, String statistic, String metricName, String lessMetricName) {
            watch = new Watch.DifferenceOfResource(label, statistic, metricName, lessMetricName);
            return this;
        }

        /** @param idsAndMetricNames id, metric name, id, metric name, ... in the expression's order */
        Definition watchingSumOf(String label, String statistic, String... idsAndMetricNames) {
            SequencedMap<String, String> byId = new LinkedHashMap<>();
            for (int i = 0; i < idsAndMetricNames.length; i += 2) {
                byId.put(idsAndMetricNames[i], idsAndMetricNames[i + 1]);
            }
            watch = new Watch.SumOfResource(label, statistic, java.util.Collections.unmodifiableSequencedMap(byId));
            return this;
        }

        Definition firesWhen(ComparisonOperator comparison, Threshold threshold) {
            this.comparison = comparison;
            this.threshold = threshold;
            return this;
        }

        /** The length of one period, when not the catalog's. */
        Definition period(Duration length) {
            period = length;
            return this;
        }

        /** Fires when all of this many periods in a row breach. */
        Definition evaluating(int periods) {
            evaluationPeriods = periods;
            datapointsToAlarm = periods;
            return this;
        }

        Definition missingData(TreatMissingData treatment) {
            missingData = treatment;
            return this;
        }

        /** The bit of the kind's failure mode in a one-alarm page. */
        Definition bit(BreachBit value) {
            bit = value;
            return this;
        }

        Definition severity(Severity value) {
            severity = value;
            return this;
        }

        Definition response(Response value) {
            response = value;
            return this;
        }

        Definition runbook(String anchor) {
            runbook = anchor;
            return this;
        }

        Definition drawnOn(Graph graph, Axis axis) {
            placement = new Placement(graph, axis);
            return this;
        }

        Definition onlyIf(Predicate<Inputs> condition) {
            appliesTo = condition;
            return this;
        }

        Definition describedAs(Function<Inputs, String> text) {
            description = (in, metric) -> text.apply(in);
            return this;
        }
    }
}
