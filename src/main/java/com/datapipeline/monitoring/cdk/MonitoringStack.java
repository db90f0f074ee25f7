package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.alarms.BreachPage;
import com.datapipeline.monitoring.cdk.alarms.CrawlerEvents;
import com.datapipeline.monitoring.cdk.alarms.FreshnessSlo;
import com.datapipeline.monitoring.cdk.alarms.GlueJobEvents;
import com.datapipeline.monitoring.cdk.alarms.PipelineAlarms;
import com.datapipeline.monitoring.cdk.alarms.PipelineMuteRules;
import com.datapipeline.monitoring.cdk.alarms.RunSuccessEvents;
import com.datapipeline.monitoring.cdk.alarms.StageEvents;
import com.datapipeline.monitoring.cdk.alerting.AlarmFactory;
import com.datapipeline.monitoring.cdk.alerting.AlarmLinks;
import com.datapipeline.monitoring.cdk.alerting.AlarmRouting;
import com.datapipeline.monitoring.cdk.alerting.AlertDelivery;
import com.datapipeline.monitoring.cdk.alerting.AlertTopic;
import com.datapipeline.monitoring.cdk.alerting.ChatNotifications;
import com.datapipeline.monitoring.cdk.alerting.MonitoringHealth;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Role;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.AlertingSettings;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.config.PipelinePlacement;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.config.SampleChain;
import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate;
import com.datapipeline.monitoring.cdk.cost.PipelineCost;
import com.datapipeline.monitoring.cdk.dashboard.PipelineDashboard;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.datapipeline.monitoring.cdk.insights.EventHistory;
import com.datapipeline.monitoring.cdk.insights.SavedQueries;
import com.datapipeline.monitoring.cdk.metrics.PipelineMetricsPublisher;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.SampleGlueJob;
import com.datapipeline.monitoring.cdk.response.AlarmResponder;
import com.datapipeline.monitoring.cdk.response.ResponseRoute;
import com.datapipeline.monitoring.contract.MetricsSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.Token;
import software.constructs.Construct;

/** Wires the constructs together; every decision lives in a construct or in the settings. */
public final class MonitoringStack extends Stack {
    public static final String PROJECT = "data-pipeline-monitoring";
    public static final String TAG_PROJECT = "project";
    public static final String TAG_PIPELINE = "pipeline";
    public static final String TAG_ENVIRONMENT = "environment";
    public static final String TAG_OWNER = "owner";

    public static final int PIPELINES_PER_NESTED_STACK = PipelinePlacement.PIPELINES_PER_STACK;

    private final MonitoringSettings settings;
    private final java.util.SortedMap<Integer, NestedGroup> nestedGroups = new java.util.TreeMap<>();
    private final AlertTopic alertTopic;
    /** The warning topic; the same as {@link #alertTopic} unless severity topics are on. */
    private final AlertTopic warningTopic;

    private final AlertTopic healthTopic;
    private final AlertTopic remediationTopic;
    private final AlertDelivery delivery;
    private final MonitoringHealth health;
    private final AlarmFactory alarmFactory;
    private final SampleGlueJob sampleJob;
    private final PipelineMetricsPublisher metricsPublisher;
    private final AlarmResponder responder;
    private final PipelineDashboard dashboard;
    private final SavedQueries savedQueries;
    private final EventHistory eventHistory;
    private PipelineCost addedPipelineCost;
    /** The pipelines whose pages are one alarm each over their Breach metric. */
    private final java.util.Set<String> breachPipelines = new java.util.HashSet<>();

    public MonitoringStack(
            Construct scope,
            String id,
            StackProps stackProps,
            MonitoringSettings settings,
            LambdaArtifacts artifacts,
            Path projectRoot) {
        super(scope, id, stackProps);
        this.settings = settings;
        ResourceNames names = new ResourceNames(settings.prefix());
        Tags.of(this).add(TAG_PROJECT, PROJECT);
        Tags.of(this).add(TAG_ENVIRONMENT, settings.tags().environment());
        settings.tags().owner().ifPresent(owner -> Tags.of(this).add(TAG_OWNER, owner));

        sampleJob = settings.pipelines().stream()
                .filter(MonitoredPipeline::sampleJob)
                .findFirst()
                .map(sample -> new SampleGlueJob(
                        this,
                        "SamplePipeline",
                        new SampleGlueJob.Props(
                                new SampleChain(sample.jobName(), names.glueDatabase()),
                                projectRoot.resolve("glue-scripts/sample_etl_job.py"),
                                settings.sampleJobTimeoutMinutes(),
                                sample.stuckRunMinutes())))
                .orElse(null);
        if (sampleJob != null) {
            Tags.of(sampleJob).add(TAG_PIPELINE, sampleJob.jobName());
        }

        AlertingSettings alerting = settings.alerting();
        if (alerting.severityTopics()) {
            alertTopic = new AlertTopic(
                    this,
                    "Alerting",
                    new AlertTopic.Props(
                            names.shared(ResourceNames.ALERT_TOPIC + ResourceNames.CRITICAL_SUFFIX),
                            "Data pipeline alerts (critical)",
                            Optional.empty()));
            warningTopic = new AlertTopic(
                    this,
                    "WarningAlerting",
                    new AlertTopic.Props(
                            names.shared(ResourceNames.ALERT_TOPIC + ResourceNames.WARNING_SUFFIX),
                            "Data pipeline alerts (warning)",
                            Optional.empty()));
        } else {
            alertTopic = new AlertTopic(
                    this,
                    "Alerting",
                    new AlertTopic.Props(
                            names.shared(ResourceNames.ALERT_TOPIC), "Data pipeline alerts", Optional.empty()));
            warningTopic = alertTopic;
        }
        healthTopic = new AlertTopic(
                this,
                "MonitoringHealthTopic",
                new AlertTopic.Props(
                        names.shared(ResourceNames.HEALTH_TOPIC), "Data pipeline monitoring health", Optional.empty()));
        // Nobody subscribes to it but the response function, so it shares the alert key rather than adding one.
        remediationTopic = new AlertTopic(
                this,
                "RemediationTopic",
                new AlertTopic.Props(
                        names.shared(ResourceNames.REMEDIATION_TOPIC),
                        "Data pipeline remediation signals",
                        Optional.of(alertTopic.key())));
        // Severities matter only where they reach different people; on one topic, one page per pipeline incident.
        alarmFactory = new AlarmFactory(new AlarmRouting(
                AlarmKind.signalsNamed(alerting.warningSignals()),
                new AlarmRouting.Topics(
                        alertTopic.topic(), warningTopic.topic(), healthTopic.topic(), remediationTopic.topic())));
        delivery = new AlertDelivery(
                this,
                "Delivery",
                new AlertDelivery.Props(alarmFactory, names.shared(AlarmKind.DEAD_LETTERS.baseName())));
        subscribeEmails(alerting);
        health = new MonitoringHealth(this, "MonitoringHealth", alarmFactory, names);
        for (AlertTopic topic : allTopics()) {
            health.watchTopic(topic.getNode().getId() + "DeliveryAlarm", topic);
        }
        if (alerting.hasChat()) {
            new ChatNotifications(
                    this,
                    "Chat",
                    new ChatNotifications.Props(
                            names.shared(ResourceNames.CHAT),
                            alerting.slack(),
                            alerting.teams(),
                            alertTopic.topic(),
                            warningTopic.topic(),
                            healthTopic.topic()));
        }

        eventHistory = new EventHistory(
                this,
                "EventHistory",
                new EventHistory.Props(
                        names.shared(ResourceNames.EVENT_HISTORY),
                        // With a prefix, it alone matches every alarm this deployment names: one base name per
                        // kind after a 32-character prefix would outgrow an event pattern's 2,048 characters.
                        names.prefix().isEmpty()
                                ? AlarmKind.namePrefixes(settings.pipelines().stream()
                                                .flatMap(pipeline -> pipeline.stages().order().stream()
                                                        .map(PipelineStages.Stage::kind))
                                                .toList())
                                        .stream()
                                        .map(names::shared)
                                        .toList()
                                : List.of(names.prefix()),
                        settings.observability().eventHistory(),
                        settings.observability().logRetentionDays(),
                        settings.observability().contributorInsights(),
                        names.shared(EventHistory.CONTRIBUTOR_RULE),
                        delivery,
                        names.shared(AlarmKind.EVENT_DELIVERY_FAILED.baseName())));

        // Each pipeline's row by where it lives: the main stack (empty) or a nested stack.
        Map<Optional<NestedGroup>, List<PipelineDashboard.PipelineRow>> rowsByGroup = new LinkedHashMap<>();
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        Map<String, AlarmResponder.PipelinePage> responsePages = new LinkedHashMap<>();
        Map<String, Map<String, Object>> breachThresholds = new LinkedHashMap<>();
        for (MonitoredPipeline pipeline : settings.pipelines()) {
            String scopeId = pipeline.sampleJob() ? "SampleJobMonitoring" : "Monitoring-" + pipeline.jobName();
            NestedGroup group = settings.placement()
                    .map(placement -> nestedGroup(placement.stackOf(pipeline.jobName()), names))
                    .orElse(null);
            Construct pipelineScope = new Construct(group != null ? group.stack() : this, scopeId);
            Tags.of(pipelineScope).add(TAG_PIPELINE, pipeline.jobName());
            if (sampleJob != null && pipeline.sampleJob()) {
                pipelineScope.getNode().addDependency(sampleJob);
            }
            PipelineMetricSet metrics = PipelineMetricSet.forJob(pipeline.jobName());
            AlarmKind.Inputs inputs = new AlarmKind.Inputs(pipeline, settings.alarms());
            alarmFactory.linkPipeline(
                    pipeline.jobName(),
                    AlarmLinks.of(
                            pipeline.response().runbookUrl(),
                            settings.remediation().runbookUrl(),
                            Token.isUnresolved(getRegion()) ? Optional.empty() : Optional.of(getRegion()),
                            dashboardName(names, Optional.ofNullable(group))));
            PipelineAlarms alarms =
                    new PipelineAlarms(pipelineScope, new PipelineAlarms.Props(inputs, metrics, names, alarmFactory));
            new PipelineMuteRules(pipelineScope, pipeline.jobName(), pipeline.muteWindows(), alarms.pages());
            FreshnessSlo.of(pipelineScope, pipeline, metrics, names);
            // A one-alarm page is a metric alarm, which SetAlarmState would move back to its computed state within
            // seconds (AWS, SetAlarmState): a page and a "resolved" before the run's own signal pages again. So the
            // function is its pager: its page alarms notify the function, which publishes on their human topics.
            Map<String, AlertTopic> pageTopics = new LinkedHashMap<>();
            if (alarms.breachPages()) {
                alarms.pages()
                        .forEach(page -> pageTopics.put(
                                page.name(),
                                page.kind().severity().orElseThrow() == AlarmKind.Severity.CRITICAL
                                        ? alertTopic
                                        : warningTopic));
            }
            responsePages.put(
                    pipeline.jobName(),
                    new AlarmResponder.PipelinePage(
                            Optional.of(alarms.pageOf(AlarmKind.RUN_FAILED)),
                            dashboardName(names, Optional.ofNullable(group)),
                            pipeline.response(),
                            pageTopics));
            if (alarms.breachPages()) {
                breachThresholds.put(pipeline.jobName(), BreachPage.functionThresholds(inputs));
                breachPipelines.add(pipeline.jobName());
            }
            rowsByGroup
                    .computeIfAbsent(Optional.ofNullable(group), g -> new ArrayList<>())
                    .add(new PipelineDashboard.PipelineRow(
                            pipeline,
                            metrics,
                            alarms.signals(),
                            !alarms.breachPages(),
                            settings.metricsSource() == MetricsSource.GLUE
                                    && settings.observability().costPerRun(),
                            inputs.budgeted()));
            routes.putAll(ResponseRoute.forPipeline(pipeline, alarms.signals()));
            ResponseRoute.forCrawlers(pipeline.jobName(), pipeline.stages().named(PipelineStages.Kind.CRAWLER))
                    .forEach(routes::put);
            addedPipelineCost = PipelineCost.of(
                    pipeline.jobName(),
                    inputs,
                    alarms.signals(),
                    alarms.pages(),
                    alarms.pageModes(),
                    metrics,
                    PipelineMetricsPublisher.metricsPerPipeline(
                            settings.metricsSource(), pipeline, alarms.breachPages(), settings.observability()));
        }

        rowsByGroup.forEach((group, groupRows) -> {
            Construct groupScope = group.<Construct>map(NestedGroup::stack).orElse(this);
            String suffix = group.map(g -> "-" + g.stack().getNode().getId()).orElse("");
            List<MonitoredPipeline> groupPipelines = groupRows.stream()
                    .map(PipelineDashboard.PipelineRow::pipeline)
                    .toList();
            GlueJobEvents.Props events = new GlueJobEvents.Props(
                    groupPipelines,
                    remediationTopic.topic(),
                    group.map(NestedGroup::delivery).orElse(delivery),
                    eventHistory.logGroupArn(),
                    names.shared(AlarmKind.EVENT_DELIVERY_FAILED.baseName()),
                    suffix);
            new GlueJobEvents(groupScope, "GlueJobEvents" + suffix.replace("-", ""), events);
            CrawlerEvents.of(groupScope, "CrawlerEvents" + suffix.replace("-", ""), events);
            StageEvents.of(groupScope, "StageEvents" + suffix.replace("-", ""), events);
            RunSuccessEvents.of(
                    groupScope,
                    "RunSuccessEvents" + suffix.replace("-", ""),
                    groupPipelines.stream()
                            .filter(pipeline -> {
                                AlarmResponder.PipelinePage page = responsePages.get(pipeline.jobName());
                                return page.mayPauseTriggers(settings.remediation()) || page.pagedByFunction();
                            })
                            .map(MonitoredPipeline::jobName)
                            .toList(),
                    events);
        });
        if (!CrawlerEvents.crawlers(settings.pipelines()).isEmpty()) {
            eventHistory.countFailedCrawls();
        }
        if (!breachPipelines.isEmpty()) {
            eventHistory.countAllFailedRuns();
        }
        StageEvents.count(eventHistory, settings.pipelines());

        metricsPublisher = new PipelineMetricsPublisher(
                this,
                "CustomMetrics",
                new PipelineMetricsPublisher.Props(
                        names.shared(ResourceNames.METRICS_FUNCTION),
                        names.shared(ResourceNames.METRICS_SCHEDULE),
                        artifacts.metricsFunction(),
                        settings.pipelines(),
                        settings.metricsSource(),
                        settings.observability().logRetentionDays(),
                        settings.alarms().missedRunGraceFactor(),
                        names,
                        alarmFactory,
                        delivery,
                        settings.observability().tracing(),
                        breachThresholds,
                        settings.observability()));
        responder = new AlarmResponder(
                this,
                "AlarmResponse",
                new AlarmResponder.Props(
                        names.shared(ResourceNames.RESPONSE_FUNCTION),
                        artifacts.responseFunction(),
                        remediationTopic.topic(),
                        delivery,
                        routes,
                        responsePages,
                        settings.remediation(),
                        names,
                        alarmFactory,
                        settings.observability().logRetentionDays(),
                        settings.observability().tracing()));

        if (settings.alarms().capacityAlarms().quota()) {
            alarmFactory.watch(
                    health,
                    "GlueRunQuota",
                    AlarmKind.GLUE_RUN_QUOTA,
                    names.shared(AlarmKind.GLUE_RUN_QUOTA.baseName()),
                    "This account's concurrent Glue job runs reached 80 % of their quota (AWS/Glue ResourceUsage,"
                            + " JobRun): beyond it new runs and restarts fail with ConcurrentRunsExceededException."
                            + " Request a higher quota in Service Quotas or spread the schedules.",
                    PipelineMetricSet::accountQuotaUsagePercent);
        }
        health.page(nestedStacks());

        // Beside the pipelines of a nested stack, a dashboard page of their graphs; the main dashboard then shows
        // every page alarm at a glance and links the pages. CloudWatch allows 500 widgets per dashboard.
        List<String> pageNames = new ArrayList<>();
        rowsByGroup.forEach((group, groupRows) -> group.ifPresent(nested -> {
            String pageName = dashboardName(names, Optional.of(nested));
            new PipelineDashboard(
                    nested.stack(),
                    nested.stack().getNode().getId() + "Dashboard",
                    new PipelineDashboard.Props(
                            pageName, names, groupRows, alarmNamesIn(nested.stack()), List.of(), Optional.empty()));
            pageNames.add(pageName);
        }));
        List<String> overviewAlarms = pageNames.isEmpty()
                ? alarmFactory.alarmNames()
                : alarmFactory.created().stream()
                        .filter(alarm -> alarm.kind().role() == Role.PIPELINE_PAGE || Stack.of(alarm.alarm()) == this)
                        .map(AlarmFactory.CreatedAlarm::name)
                        .toList();
        dashboard = new PipelineDashboard(
                this,
                "Dashboard",
                new PipelineDashboard.Props(
                        names.shared(ResourceNames.DASHBOARD),
                        names,
                        rowsByGroup.getOrDefault(Optional.empty(), List.of()),
                        overviewAlarms,
                        pageNames,
                        settings.observability().eventHistory()
                                ? Optional.of(eventHistory.logGroup().getLogGroupName())
                                : Optional.empty()));
        savedQueries = new SavedQueries(
                this,
                "SavedQueries",
                new SavedQueries.Props(names, responder.function().getLogGroup()));

        CfnOutput.Builder.create(this, "AlertTopicArn")
                .value(alertTopic.topic().getTopicArn())
                .build();
        CfnOutput.Builder.create(this, "HealthTopicArn")
                .value(healthTopic.topic().getTopicArn())
                .build();
        CfnOutput.Builder.create(this, "DashboardName")
                .value(names.shared(ResourceNames.DASHBOARD))
                .build();
        CfnOutput.Builder.create(this, "AlarmNames")
                .value(String.join(",", alarmFactory.alarmNames()))
                .build();
    }

    private void subscribeEmails(AlertingSettings alerting) {
        alerting.alertTopicEmails().forEach(email -> alertTopic.subscribeEmail(email, delivery.deadLetters()));
        alerting.warningTopicEmails().forEach(email -> warningTopic.subscribeEmail(email, delivery.deadLetters()));
        alerting.healthTopicEmail().ifPresent(email -> healthTopic.subscribeEmail(email, delivery.deadLetters()));
    }

    /**
     * The pipelines of a pipelines file live in nested stacks of at most {@value #PIPELINES_PER_NESTED_STACK}, by the
     * file's placement, so a pipeline never changes stack: CloudFormation counts a nested stack's resources against
     * its own 500, not the parent's. Each has its own dead-letter queue, so no queue policy grows with the count.
     */
    private NestedGroup nestedGroup(int number, ResourceNames names) {
        return nestedGroups.computeIfAbsent(number, n -> {
            String id = "Pipelines" + n;
            NestedStack stack = new NestedStack(this, id);
            // Its own id: verify reads all templates as one, so logical ids must differ from the parent's.
            return new NestedGroup(
                    stack,
                    new AlertDelivery(
                            stack,
                            id + "Delivery",
                            new AlertDelivery.Props(
                                    alarmFactory, names.shared(AlarmKind.DEAD_LETTERS.baseName()) + "-" + id)));
        });
    }

    private record NestedGroup(NestedStack stack, AlertDelivery delivery) {}

    /** The dashboard that shows a pipeline: the main one, or its nested stack's page. */
    private static String dashboardName(ResourceNames names, Optional<NestedGroup> group) {
        return names.shared(ResourceNames.DASHBOARD)
                + group.map(g -> "-" + g.stack().getNode().getId()).orElse("");
    }

    private List<String> alarmNamesIn(NestedStack stack) {
        return alarmFactory.created().stream()
                .filter(alarm -> Stack.of(alarm.alarm()).equals(stack))
                .map(AlarmFactory.CreatedAlarm::name)
                .toList();
    }

    public List<NestedStack> nestedStacks() {
        return nestedGroups.values().stream().map(NestedGroup::stack).toList();
    }

    /** The alert topics that page people about pipelines: one, or the critical and the warning topic. */
    public List<AlertTopic> alertTopics() {
        return alertTopic == warningTopic ? List.of(alertTopic) : List.of(alertTopic, warningTopic);
    }

    /** Every topic of the alert path: the alert topics, the monitoring-health topic and the remediation topic. */
    public List<AlertTopic> allTopics() {
        List<AlertTopic> topics = new ArrayList<>(alertTopics());
        topics.add(healthTopic);
        topics.add(remediationTopic);
        return topics;
    }

    public AlertTopic healthTopic() {
        return healthTopic;
    }

    public AlertTopic remediationTopic() {
        return remediationTopic;
    }

    /** What this stack costs per month, from what it contains. */
    public MonthlyCostEstimate costEstimate() {
        int pipelines = settings.pipelines().size();
        return MonthlyCostEstimate.of(new MonthlyCostEstimate.Inputs(
                alarmFactory.standardAlarmMetricCount(),
                alarmFactory.anomalyDetectionAlarmCount(),
                alarmFactory.compositeAlarmCount(),
                settings.pipelines().stream()
                        .mapToInt(pipeline -> PipelineMetricsPublisher.metricsPerPipeline(
                                settings.metricsSource(),
                                pipeline,
                                breachPipelines.contains(pipeline.jobName()),
                                settings.observability()))
                        .sum(),
                (int) settings.pipelines().stream()
                        .filter(MonitoredPipeline::sampleJob)
                        .count(),
                // The main dashboard and a page of graphs per nested stack.
                1 + nestedStacks().size(),
                pipelines,
                PipelineMetricsPublisher.MEMORY_MB,
                AlarmResponder.MEMORY_MB,
                (int) allTopics().stream().filter(AlertTopic::ownsKey).count(),
                eventHistory.topFailures().isPresent() ? 1 : 0,
                settings.observability().logRetentionDays(),
                settings.observability().tracing(),
                settings.observability().eventHistory()));
    }

    /** What one more pipeline like the last configured one adds to the bill, by failure mode. */
    public PipelineCost addedPipelineCost() {
        return addedPipelineCost;
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

    public EventHistory eventHistory() {
        return eventHistory;
    }

    public SavedQueries savedQueries() {
        return savedQueries;
    }

    public SampleGlueJob sampleJob() {
        return sampleJob;
    }
}
