package com.datapipeline.monitoring.cdk.alerting;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The alert topic, encrypted with a customer managed KMS key.
 *
 * <p>Why not the AWS managed key {@code alias/aws/sns}: its key policy cannot be changed to let
 * CloudWatch alarms or EventBridge use it, so their deliveries fail silently (the alarm still changes
 * state, nobody is told). CloudWatch's {@code SnsAction} adds neither a topic-policy statement nor a key
 * grant, so both are added here. See
 * https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns
 */
public final class AlertTopic extends Construct {
    private final Key key;
    private final Topic topic;

    public AlertTopic(Construct scope, String id, Props props) {
        super(scope, id);
        key = Key.Builder.create(this, "Key")
                .description("Encrypts the " + props.topicName() + " alert topic")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowAlarmAndEventPublishers")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com"), new ServicePrincipal("events.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .build());

        topic = Topic.Builder.create(this, "Topic")
                .topicName(props.topicName())
                .displayName("Data pipeline alerts")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsOfThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                .build());
        props.emails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));
    }

    public ITopic topic() {
        return topic;
    }

    public Key key() {
        return key;
    }

    /** @param emails email subscriptions (each recipient must confirm) */
    public record Props(String topicName, List<String> emails) {
        public Props {
            Objects.requireNonNull(topicName, "topicName");
            emails = List.copyOf(emails);
        }
    }
}
