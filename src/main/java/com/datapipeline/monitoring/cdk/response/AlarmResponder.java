package com.datapipeline.monitoring.cdk.response;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory;
import com.datapipeline.monitoring.cdk.alerting.AlertDelivery;
import com.datapipeline.monitoring.cdk.alerting.AlertTopic;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import com.datapipeline.monitoring.cdk.config.PipelineResponse;
import com.datapipeline.monitoring.cdk.config.RemediationSettings;
import com.datapipeline.monitoring.cdk.functions.ConfigurationJson;
import com.datapipeline.monitoring.cdk.functions.JavaFunction;
import com.datapipeline.monitoring.cdk.functions.ScopedGrant;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.GlueArns;
import com.datapipeline.monitoring.cdk.pipeline.GlueLogGroups;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sqs.Queue;
import software.constructs.Construct;

/**
 * AlarmResponseFunction, subscribed to the remediation topic, which carries every pipeline signal and pages
 * nobody. It acts by a route table declared here, not by alarm-name substrings, may start only the Glue jobs
 * that table names, and records each incident and restart in a ledger table with conditional writes, so
 * concurrent or repeated deliveries start at most one run per incident and never exceed the budget. SNS invokes
 * it asynchronously: after Lambda's two retries, or once a notification is older than
 * {@link AlertDelivery#MAX_EVENT_AGE}, it lands in an encrypted queue, and a health alarm on that queue says so.
 */
public final class AlarmResponder extends Construct {
    /** One full vCPU, so remediation starts ~3x sooner on a cold start than at 512 MB (see README, "Performance"). */
    public static final int MEMORY_MB = 1769;
    /** Where job run insights write a failed run's root cause: Glue 5.0, then Glue 4.0 and earlier. */
    static final List<String> INSIGHTS_LOG_GROUPS = List.of(GlueLogGroups.ERROR, GlueLogGroups.CONTINUOUS);
    /** Where a Glue 5.0 run writes its logs, for the page's Logs Insights link. */
    static final List<String> JOB_LOG_GROUPS = List.of(GlueLogGroups.ERROR, GlueLogGroups.OUTPUT);

    private final Function function;
    private final Queue failedNotifications;
    private final Table ledger;

    public AlarmResponder(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        failedNotifications = AlertDelivery.deadLetterQueue(this, "FailedNotifications", "AlarmResponseFunction");

        function = JavaFunction.create(
                this,
                "Function",
                JavaFunction.Spec.builder(props.functionName(), props.code(), MonitoringFunction.ALARM_RESPONSE)
                        .description("Reacts to pipeline alarms with guarded remediation (route table in "
                                + MonitoringFunction.ALARM_RESPONSE.configVariable() + ")")
                        .memoryMb(MEMORY_MB)
                        .timeout(Duration.seconds(60))
                        .configuration(configJson(props))
                        .logRetentionDays(props.logRetentionDays())
                        .tracing(props.tracing())
                        // A notification older than this is no use to act on; it goes to the failure queue instead.
                        .onFailure(new SqsDestination(failedNotifications), AlertDelivery.MAX_EVENT_AGE)
                        .build());

        ledger = Table.Builder.create(this, "Ledger")
                .partitionKey(Attribute.builder()
                        .name(ResponseConfiguration.LEDGER_KEY)
                        .type(AttributeType.STRING)
                        .build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .timeToLiveAttribute(ResponseConfiguration.LEDGER_EXPIRES_AT)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        TemplateCheckExceptions.checkov(
                ledger,
                "CKV_AWS_119",
                "Holds incident ids, job names and expiry times only;"
                        + " encrypted at rest with the DynamoDB-owned key.");
        ledger.grant(function, "dynamodb:PutItem", "dynamodb:DeleteItem");
        function.addEnvironment(ResponseConfiguration.LEDGER_TABLE_VARIABLE, ledger.getTableName());
        function.addEnvironment(
                ResponseConfiguration.SOURCE_TOPICS_VARIABLE,
                props.remediationTopic().getTopicArn());

        List<String> startableJobs = props.routes().values().stream()
                .flatMap(route -> route.targetJob().stream())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .stream()
                .toList();
        if (!startableJobs.isEmpty()) {
            ScopedGrant.grant(
                    this,
                    "GuardedRestartOfRoutedJobs",
                    function.getRole(),
                    List.of("glue:GetJobRuns", "glue:StartJobRun"),
                    startableJobs,
                    startableJobs.stream().map(job -> GlueArns.job(stack, job)).toList());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("ReadJobRunInsights")
                    .actions(List.of("logs:FilterLogEvents"))
                    .resources(INSIGHTS_LOG_GROUPS.stream()
                            .map(group -> GlueLogGroups.arn(stack, group))
                            .toList())
                    .build());
            TemplateCheckExceptions.cdkNag(
                    function.getRole(),
                    "AwsSolutions-IAM5",
                    "FilterLogEvents reads a failed"
                            + " run's job run insights stream, which Glue names after the run id; ':*' covers the streams of"
                            + " the two Glue log groups that hold them and nothing else.",
                    INSIGHTS_LOG_GROUPS.stream()
                            .map(GlueLogGroups::arnAsNagFinding)
                            .toList());
        }
        List<String> pausable = props.pages().entrySet().stream()
                .filter(page -> page.getValue().mayPauseTriggers(props.remediation()))
                .map(Map.Entry::getKey)
                .toList();
        if (!pausable.isEmpty()) {
            // GetTriggers finds the triggers that start a job (DependentJobName); Stop and Start pause and resume them.
            // Their names are the account's, not this app's, so the statement names the account's triggers.
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("FindTriggersOfFailingJobs")
                    .actions(List.of(GlueArns.FIND_TRIGGERS_ACTION))
                    .resources(List.of("*"))
                    .build());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("PauseAndResumeTriggersOfFailingJobs")
                    .actions(GlueArns.TRIGGER_STOP_START_ACTIONS)
                    .resources(List.of(GlueArns.allTriggers(stack)))
                    .build());
            TemplateCheckExceptions.cdkNag(
                    function.getRole(),
                    "AwsSolutions-IAM5",
                    "Pausing a failing job stops its own"
                            + " triggers, whose names the account chooses, and GetTriggers, which finds them, is"
                            + " authorized on no resource type, so only '*' allows it; only with a class routed to"
                            + " pause-trigger, and the function stops only triggers that start nothing but the failing job"
                            + " (TriggerPause).",
                    List.of(GlueArns.allTriggersAsNagFinding(), "Resource::*"));
        }
        List<AlertTopic> pageTopics = props.pages().values().stream()
                .flatMap(page -> page.pageTopics().values().stream())
                .distinct()
                .sorted(java.util.Comparator.comparing(AlertTopic::name))
                .toList();
        if (!pageTopics.isEmpty()) {
            // The pager of one-alarm pipelines publishes their pages on these topics, and on nothing else; its alarm's
            // ALARM marks an open page confirmed (UpdateItem on the page's ledger item).
            pageTopics.forEach(topic -> topic.topic().grantPublish(function));
            ledger.grant(function, "dynamodb:UpdateItem");
            TemplateCheckExceptions.cdkNag(
                    function.getRole(),
                    "AwsSolutions-IAM5",
                    "Publishing a page on a KMS-encrypted topic needs"
                            + " kms:GenerateDataKey*, the form SNS documents; only on the page topics' own key.",
                    List.of("Action::kms:GenerateDataKey*"));
            function.addEnvironment(
                    ResponseConfiguration.PAGE_TOPICS_VARIABLE,
                    String.join(
                            ",",
                            pageTopics.stream()
                                    .map(topic -> topic.topic().getTopicArn())
                                    .toList()));
        }
        List<String> pageAlarms = props.pages().values().stream()
                .filter(page -> !page.pagedByFunction())
                .flatMap(page -> page.pageAlarm().stream())
                .distinct()
                .sorted()
                .toList();
        if (!pageAlarms.isEmpty()) {
            // The function moves a pipeline's page to ALARM with the failed run's text (AlarmStatePage).
            ScopedGrant.grant(
                    this,
                    "PageOfFailedRuns",
                    function.getRole(),
                    List.of("cloudwatch:SetAlarmState"),
                    pageAlarms,
                    pageAlarms.stream()
                            .map(alarm -> stack.formatArn(ArnComponents.builder()
                                    .service("cloudwatch")
                                    .resource("alarm")
                                    .resourceName(alarm)
                                    .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                                    .build()))
                            .toList());
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("ReadPageAlarmState")
                    .actions(List.of("cloudwatch:DescribeAlarms"))
                    .resources(List.of("*"))
                    .build());
            TemplateCheckExceptions.cdkNag(
                    function.getRole(),
                    "AwsSolutions-IAM5",
                    "DescribeAlarms returns composite"
                            + " alarms only with a '*' scope (CloudWatch permissions reference); the function reads a page"
                            + " alarm's state before it sets it, and the statement allows nothing but that read.",
                    List.of("Resource::*"));
        }
        TemplateCheckExceptions.checkov(
                function,
                "CKV_AWS_116",
                "A notification that fails after Lambda's retries"
                        + " goes to the on-failure destination (an EventInvokeConfig to the FailedNotifications queue), which"
                        + " checkov does not recognise as a dead-letter queue.");
        Subscription.Builder.create(this, "Subscription")
                .topic(props.remediationTopic())
                .protocol(SubscriptionProtocol.LAMBDA)
                .endpoint(function.getFunctionArn())
                .deadLetterQueue(props.delivery().deadLetters())
                .build();
        function.addPermission(
                "InvokedBySubscription",
                Permission.builder()
                        .principal(new ServicePrincipal("sns.amazonaws.com"))
                        .sourceArn(props.remediationTopic().getTopicArn())
                        .build());

        AlertDelivery.watchQueue(
                this,
                "FailedNotificationsAlarm",
                props.alarmFactory(),
                failedNotifications,
                AlarmKind.RESPONSE_FAILED,
                props.names().shared(AlarmKind.RESPONSE_FAILED.baseName()),
                "AlarmResponseFunction could not handle a notification after retries, or it was older than "
                        + AlertDelivery.MAX_EVENT_AGE.toMinutes() + " minutes; it waits in the queue for inspection.");
        if (!pageTopics.isEmpty()) {
            props.alarmFactory()
                    .watch(
                            this,
                            "UnpagedRunFailuresAlarm",
                            AlarmKind.UNPAGED_RUN_FAILURES,
                            props.names().shared(AlarmKind.UNPAGED_RUN_FAILURES.baseName()),
                            "More runs failed (the event history's FailedRuns) than AlarmResponseFunction put into a page"
                                    + " (its RunFailuresPaged): as the pager of the one-alarm pipelines it missed one"
                                    + " without failing, so a page may not have gone out. The Alarm Response Audit query"
                                    + " shows its decisions; the pipeline's dashboard shows its page alarm.",
                            (metricName, options) -> Metric.Builder.create()
                                    .namespace(CustomMetric.NAMESPACE)
                                    .metricName(metricName)
                                    .statistic(options.getStatistic())
                                    .period(options.getPeriod())
                                    .build());
        }
        props.alarmFactory()
                .watch(
                        this,
                        "HealthAlarm",
                        AlarmKind.RESPONSE_FUNCTION_HEALTH,
                        props.names().shared(AlarmKind.RESPONSE_FUNCTION_HEALTH.baseName()),
                        "AlarmResponseFunction failed, was throttled, dropped an event or could not deliver one to its"
                                + " failure queue: a remediation may be missing or late. Its log and the Alarm Response Audit"
                                + " query say which.",
                        function::metric);
    }

    /** The configuration the function reads ({@link ResponseConfiguration}); its parser is tested against this. */
    static String configJson(Props props) {
        Map<String, Object> routes = new LinkedHashMap<>();
        props.routes().forEach((key, route) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put(ResponseConfiguration.ACTION, route.action().configName());
            route.targetJob().ifPresent(job -> entry.put(ResponseConfiguration.JOB_NAME, job));
            routes.put(key, entry);
        });
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(
                ResponseConfiguration.REMEDIATION_ENABLED, props.remediation().enabled());
        config.put(
                ResponseConfiguration.RESTART_BUDGET,
                new TreeMap<>(Map.of(
                        ResponseConfiguration.MAX_RESTARTS, props.remediation().maxRestarts(),
                        ResponseConfiguration.WINDOW_MINUTES,
                                props.remediation().windowMinutes())));
        Map<String, String> classActions = new TreeMap<>(ResponseRoute.ERROR_CLASS_ACTIONS);
        classActions.putAll(PipelineResponse.configNames(props.remediation().errorClassActions()));
        config.put(ResponseConfiguration.ERROR_CLASS_ACTIONS, classActions);
        props.remediation().runbookUrl().ifPresent(url -> config.put(ResponseConfiguration.RUNBOOK_URL, url));
        if (props.pages().values().stream().anyMatch(page -> page.mayPauseTriggers(props.remediation()))) {
            config.put(
                    ResponseConfiguration.PAUSE_AFTER_FAILURES,
                    props.remediation().pauseAfterFailures());
        }
        config.put(ResponseConfiguration.JOB_RUN_INSIGHTS_LOG_GROUPS, INSIGHTS_LOG_GROUPS);
        config.put(ResponseConfiguration.JOB_LOG_GROUPS, JOB_LOG_GROUPS);
        Map<String, Object> pipelines = new LinkedHashMap<>();
        props.pages().forEach((job, page) -> {
            Map<String, Object> pipeline = new TreeMap<>(Map.of(ResponseConfiguration.DASHBOARD, page.dashboard()));
            page.pageAlarm().ifPresent(alarm -> pipeline.put(ResponseConfiguration.PAGE_ALARM, alarm));
            if (page.pagedByFunction()) {
                Map<String, String> topics = new TreeMap<>();
                page.pageTopics().forEach((alarm, topic) -> topics.put(alarm, topic.name()));
                pipeline.put(ResponseConfiguration.PAGE_TOPICS, topics);
            }
            if (!page.response().errorClassActions().isEmpty()) {
                pipeline.put(
                        ResponseConfiguration.ERROR_CLASS_ACTIONS,
                        PipelineResponse.configNames(page.response().errorClassActions()));
            }
            page.response().runbookUrl().ifPresent(url -> pipeline.put(ResponseConfiguration.RUNBOOK_URL, url));
            pipelines.put(job, pipeline);
        });
        config.put(ResponseConfiguration.PIPELINES, pipelines);
        config.put(ResponseConfiguration.ROUTES, routes);
        return ConfigurationJson.of(config);
    }

    public Function function() {
        return function;
    }

    public Queue failedNotifications() {
        return failedNotifications;
    }

    public Table ledger() {
        return ledger;
    }

    /**
     * Where the function puts the page text of a pipeline's failed run, the dashboard the page links to, and what the
     * pipeline's failed runs get beyond the global settings.
     *
     * @param pageAlarm  the pipeline's page alarm that its failed runs raise: its composite, or for a one-alarm
     *                   pipeline the page alarm that holds the run-failed bit
     * @param pageTopics for a one-alarm pipeline, each of its page alarms to the human topic of the page's severity:
     *                   the function is their pager (a metric alarm set by SetAlarmState returns to its computed state
     *                   within seconds, which would page twice); empty for composite pages, whose state it sets
     */
    public record PipelinePage(
            Optional<String> pageAlarm,
            String dashboard,
            PipelineResponse response,
            Map<String, AlertTopic> pageTopics) {
        public PipelinePage {
            Objects.requireNonNull(pageAlarm, "pageAlarm");
            Objects.requireNonNull(dashboard, "dashboard");
            Objects.requireNonNull(response, "response");
            pageTopics = java.util.Collections.unmodifiableMap(new TreeMap<>(pageTopics));
        }

        /** Whether the function publishes this pipeline's pages (its pages are one alarm each). */
        public boolean pagedByFunction() {
            return !pageTopics.isEmpty();
        }

        /** Whether a failed run of the pipeline may pause its triggers, with the global settings. */
        public boolean mayPauseTriggers(RemediationSettings remediation) {
            return remediation.enabled() && response.mayPauseTriggers(remediation.errorClassActions());
        }
    }

    /**
     * @param routes route key (an alarm name, or glue-job-state:JOB) to what to do
     * @param pages  job name to its page alarm and dashboard
     */
    public record Props(
            String functionName,
            Code code,
            ITopic remediationTopic,
            AlertDelivery delivery,
            Map<String, ResponseRoute> routes,
            Map<String, PipelinePage> pages,
            RemediationSettings remediation,
            ResourceNames names,
            AlarmFactory alarmFactory,
            int logRetentionDays,
            boolean tracing) {
        public Props {
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(remediationTopic, "remediationTopic");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(remediation, "remediation");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
            routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
            pages = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(pages));
        }
    }
}
