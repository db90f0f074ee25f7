package com.datapipeline.monitoring.cdk.response;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.TreatMissingData.NOT_BREACHING;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory;
import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.AlarmSpec;
import com.datapipeline.monitoring.cdk.config.RemediationSettings;
import com.datapipeline.monitoring.cdk.functions.ConfigurationJson;
import com.datapipeline.monitoring.cdk.functions.JavaFunction;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.pipeline.GlueArns;
import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.sns.Subscription;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * AlarmResponseFunction, subscribed to the alert topic. It acts by a route table declared here, not by
 * alarm-name substrings, and may start only the Glue jobs that table names. SNS invokes it
 * asynchronously: after Lambda's two retries a notification it could not handle lands in an encrypted
 * queue, and an alarm on that queue says so, so nothing is lost silently.
 */
public final class AlarmResponder extends Construct {
    public static final String HANDLER = "com.datapipeline.monitoring.response.AlarmResponseHandler::handleRequest";
    public static final String CONFIG_VARIABLE = "RESPONSE_CONFIG";
    public static final String FAILED_NOTIFICATIONS_ALARM = AlarmNames.RESPONSE_FAILED;
    /** One full vCPU, so remediation starts ~3x sooner on a cold start than at 512 MB (see README, "Performance"). */
    public static final int MEMORY_MB = 1769;

    private final Function function;
    private final Queue failedNotifications;
    private final Alarm failedNotificationsAlarm;

    public AlarmResponder(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        failedNotifications = Queue.Builder.create(this, "FailedNotifications")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        TemplateCheckExceptions.cdkNag(failedNotifications, "AwsSolutions-SQS3", "This queue is itself the"
                + " dead-letter destination of AlarmResponseFunction; an alarm on its depth reports every message"
                + " that lands here.", List.of());
        TemplateCheckExceptions.checkov(failedNotifications, "CKV_AWS_27", "Encrypted at rest with SQS-managed"
                + " keys (SqsManagedSseEnabled); checkov recognises only KMS keys.");

        function = JavaFunction.create(this, "Function", new JavaFunction.Spec(
                props.functionName(),
                "Reacts to pipeline alarms with guarded remediation (route table in " + CONFIG_VARIABLE + ")",
                HANDLER,
                props.code(),
                MEMORY_MB,
                Duration.seconds(60),
                CONFIG_VARIABLE,
                configJson(props),
                props.logRetentionDays(),
                new SqsDestination(failedNotifications),
                props.tracing()));

        List<String> startableJobs = props.routes().values().stream()
                .flatMap(route -> route.targetJob().stream())
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new))
                .stream().toList();
        if (!startableJobs.isEmpty()) {
            function.addToRolePolicy(PolicyStatement.Builder.create()
                    .sid("GuardedRestartOfRoutedJobs")
                    .actions(List.of("glue:GetJobRuns", "glue:StartJobRun"))
                    .resources(startableJobs.stream().map(job -> GlueArns.job(stack, job)).toList())
                    .build());
        }
        TemplateCheckExceptions.checkov(function, "CKV_AWS_116", "A notification that fails after Lambda's retries"
                + " goes to the on-failure destination (an EventInvokeConfig to the FailedNotifications queue), which"
                + " checkov does not recognise as a dead-letter queue.");
        // Explicit subscriptions: LambdaSubscription names its construct after the topic's id, which
        // collides when the function subscribes to the critical and the warning topic alike.
        for (int i = 0; i < props.alertTopics().size(); i++) {
            ITopic topic = props.alertTopics().get(i);
            Subscription.Builder.create(this, "Subscription" + i)
                    .topic(topic)
                    .protocol(SubscriptionProtocol.LAMBDA)
                    .endpoint(function.getFunctionArn())
                    .build();
            function.addPermission("InvokedBySubscription" + i, Permission.builder()
                    .principal(new ServicePrincipal("sns.amazonaws.com"))
                    .sourceArn(topic.getTopicArn())
                    .build());
        }

        failedNotificationsAlarm = props.alarmFactory().create(this, "FailedNotificationsAlarm", new AlarmSpec(
                props.failedNotificationsAlarmName(),
                "AlarmResponseFunction could not handle a notification after retries; it waits in queue "
                        + "for inspection.",
                failedNotifications.metricApproximateNumberOfMessagesVisible(
                        software.amazon.awscdk.services.cloudwatch.MetricOptions.builder()
                                .statistic("Maximum").period(Duration.minutes(5)).build()),
                0, GREATER_THAN_THRESHOLD, NOT_BREACHING));
    }

    /** The JSON the function reads from {@value #CONFIG_VARIABLE}; its parser is tested against this. */
    static String configJson(Props props) {
        Map<String, Object> routes = new LinkedHashMap<>();
        props.routes().forEach((key, route) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("action", route.action());
            route.targetJob().ifPresent(job -> entry.put("jobName", job));
            routes.put(key, entry);
        });
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("remediationEnabled", props.remediation().enabled());
        config.put("restartBudget", new TreeMap<>(Map.of(
                "maxRestarts", props.remediation().maxRestarts(),
                "windowMinutes", props.remediation().windowMinutes())));
        config.put("routes", routes);
        return ConfigurationJson.of(config);
    }

    public Function function() {
        return function;
    }

    public Queue failedNotifications() {
        return failedNotifications;
    }

    public Alarm failedNotificationsAlarm() {
        return failedNotificationsAlarm;
    }

    /** @param routes route key (an alarm name, or glue-job-state:JOB) to what to do */
    public record Props(
            String functionName,
            Code code,
            List<ITopic> alertTopics,
            Map<String, ResponseRoute> routes,
            RemediationSettings remediation,
            String failedNotificationsAlarmName,
            AlarmFactory alarmFactory,
            int logRetentionDays,
            boolean tracing) {
        public Props {
            Objects.requireNonNull(functionName, "functionName");
            Objects.requireNonNull(code, "code");
            alertTopics = List.copyOf(alertTopics);
            Objects.requireNonNull(remediation, "remediation");
            Objects.requireNonNull(failedNotificationsAlarmName, "failedNotificationsAlarmName");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
            routes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(routes));
        }
    }
}
