package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory;
import com.datapipeline.monitoring.cdk.alarms.JobRunFailureAlerts;
import com.datapipeline.monitoring.cdk.alarms.PipelineAlarms;
import com.datapipeline.monitoring.cdk.alarms.RunHealthAlerts;
import com.datapipeline.monitoring.cdk.alerting.AlarmRouting;
import com.datapipeline.monitoring.cdk.alerting.AlertTopic;
import com.datapipeline.monitoring.cdk.alerting.ChatNotifications;
import com.datapipeline.monitoring.cdk.config.FeatureSwitches;
import com.datapipeline.monitoring.cdk.config.FeatureSwitches.AnomalyDetection;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.dashboard.PipelineDashboard;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.datapipeline.monitoring.cdk.insights.EventHistory;
import com.datapipeline.monitoring.cdk.insights.SavedQueries;
import com.datapipeline.monitoring.cdk.metrics.PipelineMetricsPublisher;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.SampleGlueJob;
import com.datapipeline.monitoring.cdk.response.AlarmResponder;
import com.datapipeline.monitoring.cdk.response.ResponseRoute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.services.cloudwatch.AlarmRule;
import software.constructs.Construct;

/** Wires the constructs together; every decision lives in a construct or in the settings. */
public final class MonitoringStack extends Stack {
    public static final String PROJECT = "data-pipeline-monitoring";
    public static final String TAG_PROJECT = "project";
    public static final String TAG_PIPELINE = "pipeline";
    public static final String TAG_ENVIRONMENT = "environment";
    public static final String TAG_OWNER = "owner";

    public static final int PIPELINES_PER_NESTED_STACK = 20;

    private final MonitoringSettings settings;
    private final List<NestedStack> nestedStacks = new ArrayList<>();
    private final AlertTopic alertTopic;
    /** The warning topic; the same as {@link #alertTopic} unless severity topics are on. */
    private final AlertTopic warningTopic;
    private final AlarmFactory alarmFactory;
    private final SampleGlueJob sampleJob;
    private final PipelineMetricsPublisher metricsPublisher;
    private final AlarmResponder responder;
    private final PipelineDashboard dashboard;
    private final SavedQueries savedQueries;
    private final Optional<EventHistory> eventHistory;

    public MonitoringStack(Construct scope, String id, StackProps stackProps, MonitoringSettings settings,
                           LambdaArtifacts artifacts, Path projectRoot) {
        super(scope, id, stackProps);
        this.settings = settings;
        ResourceNames names = new ResourceNames(settings.prefix());
        Tags.of(this).add(TAG_PROJECT, PROJECT);
        Tags.of(this).add(TAG_ENVIRONMENT, settings.switches().environment());
        settings.switches().owner().ifPresent(owner -> Tags.of(this).add(TAG_OWNER, owner));

        sampleJob = settings.pipelines().stream().filter(MonitoredPipeline::sampleJob).findFirst()
                .map(sample -> new SampleGlueJob(this, "SamplePipeline", new SampleGlueJob.Props(
                        sample.jobName(), names.glueDatabase(), projectRoot.resolve("glue-scripts/sample_etl_job.py"),
                        settings.sampleJobTimeoutMinutes(), sample.stuckRunMinutes())))
                .orElse(null);
        if (sampleJob != null) {
            Tags.of(sampleJob).add(TAG_PIPELINE, sampleJob.jobName());
        }

        FeatureSwitches switches = settings.switches();
        if (switches.severityTopics()) {
            alertTopic = new AlertTopic(this, "Alerting", new AlertTopic.Props(
                    names.shared(ResourceNames.ALERT_TOPIC + ResourceNames.CRITICAL_SUFFIX),
                    emails(settings.alertEmail(), switches.criticalEmail())));
            warningTopic = new AlertTopic(this, "WarningAlerting", new AlertTopic.Props(
                    names.shared(ResourceNames.ALERT_TOPIC + ResourceNames.WARNING_SUFFIX),
                    emails(settings.alertEmail(), switches.warningEmail())));
        } else {
            alertTopic = new AlertTopic(this, "Alerting",
                    new AlertTopic.Props(names.shared(ResourceNames.ALERT_TOPIC), emails(settings.alertEmail())));
            warningTopic = alertTopic;
        }
        alarmFactory = new AlarmFactory(new AlarmRouting(settings, names, alertTopic.topic(), warningTopic.topic()));
        if (switches.slack().isPresent() || switches.teams().isPresent()) {
            new ChatNotifications(this, "Chat", new ChatNotifications.Props(names.shared(ResourceNames.CHAT),
                    switches.slack(), switches.teams(), alertTopic.topic(), warningTopic.topic()));
        }

        List<PipelineDashboard.PipelineRow> rows = new ArrayList<>();
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        List<MonitoredPipeline> pipelines = settings.pipelines();
        boolean nest = pipelines.size() > PIPELINES_PER_NESTED_STACK;
        for (int i = 0; i < pipelines.size(); i++) {
            MonitoredPipeline pipeline = pipelines.get(i);
            String scopeId = pipeline.sampleJob() ? "SampleJobMonitoring" : "Monitoring-" + pipeline.jobName();
            Construct pipelineScope = new Construct(nest ? nestedStack(i / PIPELINES_PER_NESTED_STACK) : this, scopeId);
            Tags.of(pipelineScope).add(TAG_PIPELINE, pipeline.jobName());
            if (sampleJob != null && pipeline.sampleJob()) {
                pipelineScope.getNode().addDependency(sampleJob);
            }
            PipelineMetricSet metrics = PipelineMetricSet.forJob(pipeline.jobName());
            PipelineAlarms alarms = new PipelineAlarms(pipelineScope, "Alarms",
                    new PipelineAlarms.Props(pipeline, metrics, settings.thresholds(), switches, names, alarmFactory));
            JobRunFailureAlerts failures = new JobRunFailureAlerts(pipelineScope, "RunFailures",
                    new JobRunFailureAlerts.Props(pipeline, alertTopic.topic(), names, alarmFactory));
            if (switches.pipelineUnhealthyAlarm()) {
                alarmFactory.createComposite(pipelineScope, "Unhealthy",
                        names.perPipeline(AlarmNames.PIPELINE_UNHEALTHY, pipeline),
                        "Pipeline " + pipeline.jobName() + " is unhealthy: a run or its tasks failed, or its data"
                                + " quality or error rate is off. One page for one incident; the child alarms say which.",
                        AlarmRule.anyOf(alarms.failedTasks(), failures.alarm(), alarms.dataQualityWatch(),
                                alarms.errorRateWatch()));
            }
            RunHealthAlerts runHealth = new RunHealthAlerts(pipelineScope, "RunHealth", new RunHealthAlerts.Props(
                    pipeline, metrics, alertTopic.topic(), names, alarmFactory, settings.missedRunGraceFactor()));
            rows.add(new PipelineDashboard.PipelineRow(pipeline, metrics, alarms, runHealth));
            routes.putAll(defaultRoutes(pipeline, names, switches));
        }

        metricsPublisher = new PipelineMetricsPublisher(this, "CustomMetrics", new PipelineMetricsPublisher.Props(
                names.shared(ResourceNames.METRICS_FUNCTION), names.shared(ResourceNames.METRICS_SCHEDULE),
                artifacts.metricsFunction(), settings.pipelines(), settings.metricsSource(), settings.logRetentionDays(),
                settings.missedRunGraceFactor(),
                names.shared(PipelineMetricsPublisher.ERRORS_ALARM), alarmFactory, switches.tracing()));
        responder = new AlarmResponder(this, "AlarmResponse", new AlarmResponder.Props(
                names.shared(ResourceNames.RESPONSE_FUNCTION), artifacts.responseFunction(),
                alertTopics().stream().map(AlertTopic::topic).toList(),
                routes, settings.remediation(), names.shared(AlarmResponder.FAILED_NOTIFICATIONS_ALARM),
                alarmFactory, settings.logRetentionDays(), switches.tracing()));

        eventHistory = switches.eventHistory()
                ? Optional.of(new EventHistory(this, "EventHistory", new EventHistory.Props(
                        names.shared(ResourceNames.EVENT_HISTORY),
                        settings.pipelines().stream().map(MonitoredPipeline::jobName).toList(),
                        AlarmNames.ALL.stream().map(names::shared).toList(),
                        settings.logRetentionDays(),
                        switches.contributorInsights(),
                        names.shared(EventHistory.CONTRIBUTOR_RULE))))
                : Optional.empty();

        dashboard = new PipelineDashboard(this, "Dashboard", new PipelineDashboard.Props(
                names.shared(ResourceNames.DASHBOARD), names, rows, alarmFactory.alarmNames(),
                eventHistory.map(history -> history.logGroup().getLogGroupName())));
        savedQueries = new SavedQueries(this, "SavedQueries",
                new SavedQueries.Props(names, responder.function().getLogGroup()));

        CfnOutput.Builder.create(this, "AlertTopicArn").value(alertTopic.topic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "DashboardName").value(names.shared(ResourceNames.DASHBOARD)).build();
        CfnOutput.Builder.create(this, "AlarmNames")
                .value(String.join(",", alarmFactory.alarmNames()))
                .build();
    }

    /**
     * Each pipeline adds about ten resources, so beyond {@value #PIPELINES_PER_NESTED_STACK} pipelines their
     * alarms and rules go into nested stacks of that many pipelines each: CloudFormation counts a nested
     * stack's resources against its own 500, not the parent's.
     */
    private NestedStack nestedStack(int group) {
        while (nestedStacks.size() <= group) {
            nestedStacks.add(new NestedStack(this, "Pipelines" + (nestedStacks.size() + 1)));
        }
        return nestedStacks.get(group);
    }

    public List<NestedStack> nestedStacks() {
        return List.copyOf(nestedStacks);
    }

    /**
     * The lab's response intent as a table: a failed job run (the state-change event, or the failed-task
     * alarm) restarts the job within the guard rails; everything else notifies only. The run-failed alarm
     * notifies only, because the event it counts already names the exact run to restart.
     */
    static Map<String, ResponseRoute> defaultRoutes(MonitoredPipeline pipeline, ResourceNames names,
                                                    FeatureSwitches switches) {
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        routes.put(JobRunFailureAlerts.ROUTE_KEY_PREFIX + pipeline.jobName(), ResponseRoute.restartJob(pipeline.jobName()));
        routes.put(names.perPipeline(PipelineAlarms.FAILED_TASKS, pipeline), ResponseRoute.restartJob(pipeline.jobName()));
        // A stuck run is not restarted: it may still finish, and a second run would fail on MaxConcurrentRuns.
        List<String> notifyOnly = new ArrayList<>(List.of(PipelineAlarms.DURATION, PipelineAlarms.MEMORY,
                JobRunFailureAlerts.ALARM, RunHealthAlerts.STUCK_ALARM));
        AnomalyDetection anomaly = switches.anomalyDetection();
        for (String custom : List.of(PipelineAlarms.DATA_QUALITY, PipelineAlarms.ERROR_RATE, PipelineAlarms.LATENCY)) {
            if (anomaly != AnomalyDetection.INSTEAD) {
                notifyOnly.add(custom);
            }
            if (anomaly != AnomalyDetection.OFF) {
                notifyOnly.add(custom + AlarmNames.ANOMALY_SUFFIX);
            }
        }
        if (pipeline.expectedSuccessEveryMinutes().isPresent()) {
            notifyOnly.add(RunHealthAlerts.MISSED_ALARM);
        }
        if (switches.minThroughputRecordsPerSecond().isPresent()) {
            notifyOnly.add(AlarmNames.LOW_THROUGHPUT);
        }
        if (switches.pipelineUnhealthyAlarm()) {
            notifyOnly.add(AlarmNames.PIPELINE_UNHEALTHY);
        }
        notifyOnly.forEach(alarm -> routes.put(names.perPipeline(alarm, pipeline), ResponseRoute.notifyOnly()));
        return routes;
    }

    private static List<String> emails(Optional<String>... addresses) {
        return Arrays.stream(addresses).flatMap(Optional::stream).distinct().toList();
    }

    /** The alert topics: one, or the critical and the warning topic. */
    public List<AlertTopic> alertTopics() {
        return alertTopic == warningTopic ? List.of(alertTopic) : List.of(alertTopic, warningTopic);
    }

    /** What this stack costs per month, from what it contains. */
    public MonthlyCostEstimate costEstimate() {
        int pipelines = settings.pipelines().size();
        return MonthlyCostEstimate.of(new MonthlyCostEstimate.Inputs(
                alarmFactory.standardAlarmCount(), alarmFactory.anomalyDetectionAlarmCount(),
                alarmFactory.compositeAlarmCount(),
                settings.pipelines().stream()
                        .mapToInt(pipeline -> PipelineMetricsPublisher.metricsPerPipeline(settings.metricsSource(), pipeline))
                        .sum(),
                pipelines * PipelineMetricSet.GLUE_METRICS_PER_JOB,
                1,
                pipelines,
                PipelineMetricsPublisher.MEMORY_MB,
                AlarmResponder.MEMORY_MB,
                alertTopics().size(),
                eventHistory.flatMap(EventHistory::topFailures).isPresent() ? 1 : 0,
                settings.logRetentionDays()));
    }

    /** Every alarm of the stack, in dashboard order, with its plain name. */
    public List<String> alarmNames() {
        return alarmFactory.alarmNames();
    }

    public MonitoringSettings settings() {
        return settings;
    }

    public AlertTopic alertTopic() {
        return alertTopic;
    }

    public PipelineMetricsPublisher metricsPublisher() {
        return metricsPublisher;
    }

    public AlarmResponder responder() {
        return responder;
    }

    public PipelineDashboard dashboard() {
        return dashboard;
    }

    public Optional<EventHistory> eventHistory() {
        return eventHistory;
    }

    public SavedQueries savedQueries() {
        return savedQueries;
    }

    public SampleGlueJob sampleJob() {
        return sampleJob;
    }
}
