package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.events.IRuleRef;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.events.CfnRule;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetConfig;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.PrincipalWithConditions;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sqs.IQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * How the signals of one stack (the parent or a nested stack) reach their topic or function without getting
 * lost quietly: every EventBridge target and SNS subscription here retries within a bounded time and then
 * leaves the event in this stack's encrypted dead-letter queue, each rule's failed deliveries and the queue's
 * depth are alarmed on, and rules publish to topics through one role that only EventBridge in this account may
 * assume, so no topic policy lets the events service publish for any rule at all.
 */
public final class AlertDelivery extends Construct {
    /** A signal older than this is no use to act on: it goes to the dead-letter queue instead of arriving late. */
    public static final Duration MAX_EVENT_AGE = Duration.minutes(15);

    public static final int RETRY_ATTEMPTS = 8;

    private final Queue deadLetters;
    private final Role publisher;
    private final AlarmFactory alarmFactory;
    private boolean publisherPolicyExcepted;

    public AlertDelivery(Construct scope, String id, Props props) {
        super(scope, id);
        this.alarmFactory = props.alarmFactory();
        deadLetters = deadLetterQueue(this, "DeadLetters", "EventBridge targets and SNS subscriptions of this stack");
        watchQueue(
                this,
                "DeadLettersAlarm",
                props.alarmFactory(),
                deadLetters,
                AlarmKind.DEAD_LETTERS,
                props.deadLettersAlarmName(),
                "An event or notification of this stack could not be delivered after retries; it waits in the"
                        + " dead-letter queue for inspection (a page or a remediation may be missing).");
        publisher = Role.Builder.create(this, "PublishRole")
                .assumedBy(new PrincipalWithConditions(
                        new ServicePrincipal("events.amazonaws.com"),
                        Map.of(
                                "StringEquals",
                                Map.of("aws:SourceAccount", Stack.of(this).getAccount()))))
                .description("Lets this stack's EventBridge rules publish to its topics")
                .build();
    }

    /** The dead-letter queue for SNS subscriptions of this stack. */
    public IQueue deadLetters() {
        return deadLetters;
    }

    /** Sends a rule's events to a topic, as the given message. */
    public void toTopic(Rule rule, ITopic topic, RuleTargetInput message, String alarmName) {
        rule.addTarget(SnsTopic.Builder.create(topic)
                .message(message)
                .role(publisher)
                .deadLetterQueue(deadLetters)
                .retryAttempts(RETRY_ATTEMPTS)
                .maxEventAge(MAX_EVENT_AGE)
                .build());
        // The grant above creates the role's policy; the exception can only be attached once it exists.
        if (!publisherPolicyExcepted) {
            TemplateCheckExceptions.cdkNag(
                    publisher,
                    "AwsSolutions-IAM5",
                    "Publishing to a KMS-encrypted topic needs"
                            + " kms:GenerateDataKey*, the form SNS documents; only on the topic's own key.",
                    List.of("Action::kms:GenerateDataKey*"));
            publisherPolicyExcepted = true;
        }
        watchRule(rule, alarmName);
    }

    /** Invokes a function, once per event: a schedule's missed invocation is reported, not repeated. */
    public void toFunction(Rule rule, IFunction function, String alarmName) {
        rule.addTarget(LambdaFunction.Builder.create(function)
                .deadLetterQueue(deadLetters)
                .retryAttempts(0)
                .maxEventAge(MAX_EVENT_AGE)
                .build());
        watchRule(rule, alarmName);
    }

    /**
     * Writes a rule's events to a CloudWatch Logs group. aws-events-targets' log-group target would add a custom
     * resource (a Lambda) to write the log resource policy; the caller writes that policy itself.
     */
    public void toLogGroup(Rule rule, String logGroupArn, String alarmName) {
        rule.addTarget(new IRuleTarget() {
            @Override
            public RuleTargetConfig bind(IRuleRef bound, String targetId) {
                return bind(bound);
            }

            @Override
            public RuleTargetConfig bind(IRuleRef bound) {
                return RuleTargetConfig.builder()
                        .arn(logGroupArn)
                        .deadLetterConfig(CfnRule.DeadLetterConfigProperty.builder()
                                .arn(deadLetters.getQueueArn())
                                .build())
                        .retryPolicy(CfnRule.RetryPolicyProperty.builder()
                                .maximumRetryAttempts(RETRY_ATTEMPTS)
                                .maximumEventAgeInSeconds(MAX_EVENT_AGE.toSeconds())
                                .build())
                        .build();
            }
        });
        deadLetters.addToResourcePolicy(PolicyStatement.Builder.create()
                .principals(List.of(new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("sqs:SendMessage"))
                .resources(List.of(deadLetters.getQueueArn()))
                .conditions(Map.of("ArnEquals", Map.of("aws:SourceArn", rule.getRuleArn())))
                .build());
        watchRule(rule, alarmName);
    }

    /** Deliveries to a rule's targets that failed (after retries, or to the dead-letter queue itself). */
    private void watchRule(Rule rule, String alarmName) {
        alarmFactory.watch(
                rule,
                "DeliveryFailedAlarm",
                AlarmKind.EVENT_DELIVERY_FAILED,
                alarmName,
                "EventBridge could not deliver events of the rule "
                        + rule.getNode().getPath() + " to its target.",
                // EventBridge rules have no metric methods of their own.
                (metricName, options) -> Metric.Builder.create()
                        .namespace("AWS/Events")
                        .metricName(metricName)
                        .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
                        .statistic(options.getStatistic())
                        .period(options.getPeriod())
                        .build());
    }

    /** An encrypted queue that keeps what could not be delivered for 14 days. */
    public static Queue deadLetterQueue(Construct scope, String id, String whose) {
        Queue queue = Queue.Builder.create(scope, id)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        TemplateCheckExceptions.cdkNag(
                queue,
                "AwsSolutions-SQS3",
                "This queue is itself the dead-letter destination" + " of " + whose
                        + "; an alarm on its depth reports every message that lands here.",
                List.of());
        TemplateCheckExceptions.checkov(
                queue,
                "CKV_AWS_27",
                "Encrypted at rest with SQS-managed keys"
                        + " (SqsManagedSseEnabled); checkov recognises only KMS keys.");
        return queue;
    }

    /** A health alarm on anything waiting in a dead-letter queue. */
    public static Alarm watchQueue(
            Construct scope,
            String id,
            AlarmFactory factory,
            Queue queue,
            AlarmKind kind,
            String alarmName,
            String description) {
        return factory.watch(scope, id, kind, alarmName, description, queue::metric);
    }

    /** @param deadLettersAlarmName the name of the alarm on this stack's dead-letter queue */
    public record Props(AlarmFactory alarmFactory, String deadLettersAlarmName) {
        public Props {
            Objects.requireNonNull(alarmFactory, "alarmFactory");
            Objects.requireNonNull(deadLettersAlarmName, "deadLettersAlarmName");
        }
    }
}
