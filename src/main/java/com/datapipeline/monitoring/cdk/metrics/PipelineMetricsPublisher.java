package com.datapipeline.monitoring.cdk.metrics;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory;
import com.datapipeline.monitoring.cdk.alerting.AlertDelivery;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.ObservabilitySettings;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.functions.ConfigurationJson;
import com.datapipeline.monitoring.cdk.functions.JavaFunction;
import com.datapipeline.monitoring.cdk.functions.ScopedGrant;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.GlueArns;
import com.datapipeline.monitoring.cdk.pipeline.GlueLogGroups;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MetricsConfiguration;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.Construct;

/**
 * DataPipelineMetricsFunction and the EventBridge schedule that runs it once per metric period
 * ({@link PipelineMetricSet#PERIOD}), the window it is told to count runs in. The function
 * writes its metrics as CloudWatch Embedded Metric Format log lines, so it needs no CloudWatch
 * permission at all; it may only read the run history of the monitored jobs and Glue's output log group.
 */
public final class PipelineMetricsPublisher extends Construct {
    public static final int LOOKBACK_MINUTES = 1440;
    private static final int MINIMUM_LOOKBACK_MARGIN_MINUTES = 60;
    /** One full vCPU: a Java cold start is CPU-bound, and at this size it is ~3x faster than at 512 MB for about
     *  the same GB-seconds (see README, "Performance"). */
    public static final int MEMORY_MB = 1769;

    private final Function function;
    private final Rule schedule;
    private final Alarm errorsAlarm;
    private final Alarm scheduleAlarm;

    public PipelineMetricsPublisher(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        function = JavaFunction.create(
                this,
                "Function",
                JavaFunction.Spec.builder(props.functionName(), props.code(), MonitoringFunction.METRICS)
                        .description("Publishes DataPipelineMetrics for the monitored Glue jobs ("
                                + props.source().configName() + " source)")
                        .memoryMb(MEMORY_MB)
                        .timeout(Duration.seconds(60))
                        .configuration(configJson(props))
                        .logRetentionDays(props.logRetentionDays())
                        .tracing(props.tracing())
                        .build());

        if (props.source() == MetricsSource.GLUE) {
            List<String> jobs =
                    props.pipelines().stream().map(MonitoredPipeline::jobName).toList();
            ScopedGrant.grant(
                    this,
                    "ReadMonitoredJobRuns",
                    function.getRole(),
                    List.of("glue:GetJobRuns"),
                    jobs,
                    jobs.stream().map(job -> GlueArns.job(stack, job)).toList());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("ReadJobSummaryLines")
                    .actions(List.of("logs:FilterLogEvents"))
                    .resources(List.of(GlueLogGroups.arn(stack, GlueLogGroups.OUTPUT)))
                    .build());
            TemplateCheckExceptions.cdkNag(
                    function.getRole(),
                    "AwsSolutions-IAM5",
                    "FilterLogEvents reads the job's"
                            + " summary line from the stream Glue names after each run id; ':*' covers the streams of Glue's"
                            + " output log group and nothing else.",
                    List.of(GlueLogGroups.arnAsNagFinding(GlueLogGroups.OUTPUT)));
        }

        if (props.source() == MetricsSource.GLUE) {
            OutputReadGrants.grant(function.getRole(), stack, props.pipelines());
        }

        List<String> triggers = props.pipelines().stream()
                .flatMap(p -> p.stages().named(PipelineStages.Kind.TRIGGER).stream())
                .toList();
        if (props.source() == MetricsSource.GLUE && !triggers.isEmpty()) {
            ScopedGrant.grant(
                    this,
                    "ReadDeclaredTriggers",
                    function.getRole(),
                    List.of("glue:GetTrigger"),
                    triggers,
                    triggers.stream()
                            .map(trigger -> GlueArns.trigger(stack, trigger))
                            .toList());
        }
        List<String> workflows = props.pipelines().stream()
                .flatMap(p -> p.stages().named(PipelineStages.Kind.WORKFLOW).stream())
                .toList();
        if (props.source() == MetricsSource.GLUE && !workflows.isEmpty()) {
            ScopedGrant.grant(
                    this,
                    "ReadDeclaredWorkflowRuns",
                    function.getRole(),
                    List.of("glue:GetWorkflowRuns"),
                    workflows,
                    workflows.stream()
                            .map(workflow -> GlueArns.workflow(stack, workflow))
                            .toList());
        }

        List<String> rulesets = props.pipelines().stream()
                .flatMap(p -> p.dataQualityRuleset().stream())
                .toList();
        if (props.source() == MetricsSource.GLUE && !rulesets.isEmpty()) {
            ScopedGrant.grant(
                    this,
                    "ReadDataQualityResultsOfConfiguredRulesets",
                    function.getRole(),
                    List.of("glue:GetDataQualityResult"),
                    rulesets,
                    rulesets.stream()
                            .map(ruleset -> GlueArns.dataQualityRuleset(stack, ruleset))
                            .toList());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("ListDataQualityResults")
                    .actions(List.of("glue:ListDataQualityResults"))
                    .resources(List.of(GlueArns.dataQualityRuleset(stack, "*")))
                    .build());
            TemplateCheckExceptions.cdkNag(
                    function.getRole(),
                    "AwsSolutions-IAM5",
                    "glue:ListDataQualityResults"
                            + " is authorized only on dataQualityRuleset/*; reading a result is limited to the configured"
                            + " rulesets.",
                    List.of("Resource::arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:dataQualityRuleset/*"));
        }
        TemplateCheckExceptions.checkov(
                function,
                "CKV_AWS_116",
                "Invoked by its schedule: a failed"
                        + " invocation is reported by the function's errors alarm and the next run publishes again, so there"
                        + " is nothing worth keeping in a dead-letter queue.");

        schedule = Rule.Builder.create(this, "Schedule")
                .ruleName(props.scheduleName())
                .description("Schedule for publishing custom data pipeline metrics")
                .schedule(Schedule.rate(PipelineMetricSet.PERIOD))
                .build();
        props.delivery()
                .toFunction(
                        schedule,
                        function,
                        props.names().shared(AlarmKind.EVENT_DELIVERY_FAILED.baseName() + "-MetricsSchedule"));

        // Without these, a broken publisher would look like a healthy pipeline: its metrics' alarms treat
        // missing data as not breaching.
        errorsAlarm = props.alarmFactory()
                .watch(
                        this,
                        "ErrorsAlarm",
                        AlarmKind.METRICS_FUNCTION_ERRORS,
                        props.names().shared(AlarmKind.METRICS_FUNCTION_ERRORS.baseName()),
                        props.functionName() + " failed: no pipeline's metrics were published in that run.",
                        function::metric);
        scheduleAlarm = props.alarmFactory()
                .watch(
                        this,
                        "ScheduleAlarm",
                        AlarmKind.METRICS_SCHEDULE,
                        props.names().shared(AlarmKind.METRICS_SCHEDULE.baseName()),
                        props.functionName()
                                + " was not invoked for two schedule periods: no pipeline is being measured.",
                        function::metric);
    }

    /** The configuration the function reads ({@link MetricsConfiguration}); its parser is tested against this. */
    static String configJson(Props props) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(MetricsConfiguration.NAMESPACE, CustomMetric.NAMESPACE);
        config.put(MetricsConfiguration.LOOKBACK_MINUTES, lookbackMinutes(props));
        // The window the function counts RecordsProcessed in is the schedule's period, so runs are counted once.
        config.put(MetricsConfiguration.INTERVAL_MINUTES, PipelineMetricSet.PERIOD_MINUTES);
        config.put(
                MetricsConfiguration.PIPELINES,
                props.pipelines().stream()
                        .map(pipeline -> {
                            Map<String, Object> entry = new LinkedHashMap<>();
                            entry.put(MetricsConfiguration.NAME, pipeline.jobName());
                            entry.put(MetricsConfiguration.JOB_NAME, pipeline.jobName());
                            entry.put(
                                    MetricsConfiguration.SOURCE, props.source().configName());
                            entry.put(MetricsConfiguration.OUTPUT_LOG_GROUP, GlueLogGroups.OUTPUT);
                            pipeline.expectedSuccessEveryMinutes()
                                    .ifPresent(minutes ->
                                            entry.put(MetricsConfiguration.EXPECTED_SUCCESS_EVERY_MINUTES, minutes));
                            pipeline.dataQualityRuleset()
                                    .ifPresent(
                                            ruleset -> entry.put(MetricsConfiguration.DATA_QUALITY_RULESET, ruleset));
                            OutputReadGrants.configure(pipeline, entry);
                            if (props.source() == MetricsSource.GLUE) {
                                props.observability()
                                        .pricePerDpuHour(pipeline)
                                        .ifPresent(price -> entry.put(MetricsConfiguration.PRICE_PER_DPU_HOUR, price));
                                pipeline.monthlyBudgetUsd()
                                        .ifPresent(
                                                budget -> entry.put(MetricsConfiguration.MONTHLY_BUDGET_USD, budget));
                                pipeline.stages().named(PipelineStages.Kind.WORKFLOW).stream()
                                        .findFirst()
                                        .ifPresent(workflow -> {
                                            entry.put(MetricsConfiguration.WORKFLOW_NAME, workflow);
                                            // A workflow run may take as long as a job run before it counts as stuck.
                                            entry.put(
                                                    MetricsConfiguration.WORKFLOW_STUCK_MINUTES,
                                                    pipeline.stuckRunMinutes());
                                        });
                                List<String> pipelineTriggers =
                                        pipeline.stages().named(PipelineStages.Kind.TRIGGER);
                                if (!pipelineTriggers.isEmpty()) {
                                    entry.put(MetricsConfiguration.TRIGGER_NAMES, pipelineTriggers);
                                }
                                if (pipeline.monthlyBudgetUsd().isPresent()
                                        && !props.observability().costPerRun()) {
                                    // Priced for its budget alone: the projection, not the per-run metrics.
                                    entry.put(MetricsConfiguration.RUN_COST_METRICS, false);
                                }
                            }
                            Map<String, Object> thresholds =
                                    props.breachThresholds().get(pipeline.jobName());
                            if (thresholds != null) {
                                // Its page is one alarm over Breach: the detailed metrics only decide the bits.
                                entry.put(MetricsConfiguration.DETAILED_METRICS, false);
                                entry.put(MetricsConfiguration.BREACH_THRESHOLDS, thresholds);
                            }
                            return entry;
                        })
                        .toList());
        return ConfigurationJson.of(config);
    }

    /**
     * How many metrics (name and dimension set) the function publishes per pipeline: in glue mode
     * ErrorRate, ProcessingLatency, RecordsProcessed, SecondsSinceLastSuccess, LongestRunningSeconds and
     * CollectionErrors (and DataQualityScore with a Data Quality ruleset, OutputAgeSeconds with a declared output); in
     * simulate mode the lab's four and CollectionErrors; only Breach for a pipeline whose page is one alarm
     * ({@code breachOnly}); in glue mode with costPerRun also DpuHours and RunCostUsd, and for a pipeline with a monthly
     * budget ProjectedMonthlyCostUsd; in glue mode WorkflowRunFailed for a pipeline with a workflow stage, beside the
     * detailed metrics only (a one-alarm page has it as a Breach bit); likewise TriggerDeactivated for a pipeline with
     * trigger stages.
     */
    public static int metricsPerPipeline(
            MetricsSource source, MonitoredPipeline pipeline, boolean breachOnly, ObservabilitySettings observability) {
        int cost = source == MetricsSource.GLUE
                ? (observability.costPerRun() ? 2 : 0)
                        + (pipeline.monthlyBudgetUsd().isPresent() ? 1 : 0)
                : 0;
        if (breachOnly) {
            return 1 + cost;
        }
        if (source == MetricsSource.SIMULATE) {
            return 5;
        }
        return 6
                + cost
                + (pipeline.dataQualityRuleset().isPresent() ? 1 : 0)
                + (pipeline.stages().output().isPresent() ? 1 : 0)
                + (pipeline.stages().named(PipelineStages.Kind.WORKFLOW).isEmpty() ? 0 : 1)
                + (pipeline.stages().named(PipelineStages.Kind.TRIGGER).isEmpty() ? 0 : 1);
    }

    /**
     * A day of run history, or more when a pipeline expects a success less often: SecondsSinceLastSuccess
     * can only be measured while the last success is inside the window.
     */
    static int lookbackMinutes(Props props) {
        return props.pipelines().stream()
                .flatMapToInt(pipeline -> pipeline.expectedSuccessEveryMinutes().stream())
                .map(minutes ->
                        (int) Math.ceil(minutes * props.missedRunGraceFactor()) + MINIMUM_LOOKBACK_MARGIN_MINUTES)
                .reduce(LOOKBACK_MINUTES, Math::max);
    }

    public Function function() {
        return function;
    }

    public Rule schedule() {
        return schedule;
    }

    public Alarm errorsAlarm() {
        return errorsAlarm;
    }

    public Alarm scheduleAlarm() {
        return scheduleAlarm;
    }

    public record Props(
            String functionName,
            String scheduleName,
            Code code,
            List<MonitoredPipeline> pipelines,
            MetricsSource source,
            int logRetentionDays,
            double missedRunGraceFactor,
            ResourceNames names,
            AlarmFactory alarmFactory,
            AlertDelivery delivery,
            boolean tracing,
            Map<String, Map<String, Object>> breachThresholds,
            ObservabilitySettings observability) {
        /**
         * @param breachThresholds job name to its Breach thresholds, for the pipelines whose page is one alarm
         * @param observability    the price per DPU-hour of each pipeline's runs, if they are priced (costPerRun, or
         *                         a monthly budget): the function publishes its DpuHours and RunCostUsd, and with a
         *                         budget ProjectedMonthlyCostUsd
         */
        public Props {
            breachThresholds = Map.copyOf(breachThresholds);
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(scheduleName, "scheduleName");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(observability, "observability");
            pipelines = List.copyOf(pipelines);
        }
    }
}
