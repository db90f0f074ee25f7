package com.datapipeline.monitoring.cdk.alerting;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * A topic of the alert path, encrypted with a customer managed KMS key (its own, or one it shares).
 *
 * <p>Why not the AWS managed key {@code alias/aws/sns}: its key policy cannot be changed to let
 * CloudWatch alarms use it, so their deliveries fail silently (the alarm still changes state, nobody is
 * told). CloudWatch's {@code SnsAction} adds neither a topic-policy statement nor a key grant, so both are
 * added here. EventBridge rules publish through a role instead ({@link AlertDelivery}), which its grant lets
 * use the key. See https://repost.aws/knowledge-center/cloudwatch-configure-alarm-sns
 */
public final class AlertTopic extends Construct {
    private final String name;
    private final IKey key;
    private final Topic topic;

    public AlertTopic(Construct scope, String id, Props props) {
        super(scope, id);
        name = props.topicName();
        key = props.sharedKey().orElseGet(() -> {
            Key own = Key.Builder.create(this, "Key")
                    .description("Encrypts the " + props.topicName() + " topic")
                    .enableKeyRotation(true)
                    .pendingWindow(Duration.days(7))
                    .removalPolicy(RemovalPolicy.DESTROY)
                    .build();
            own.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("AllowAlarmPublishers")
                    .effect(Effect.ALLOW)
                    .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                    .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                    .resources(List.of("*"))
                    .build());
            return own;
        });

        topic = Topic.Builder.create(this, "Topic")
                .topicName(props.topicName())
                .displayName(props.displayName())
                .masterKey(key)
                .enforceSsl(true)
                .build();
        topic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarmsOfThisAccount")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(topic.getTopicArn()))
                .conditions(Map.of(
                        "StringEquals",
                        Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                .build());
    }

    /** An email subscription (the recipient must confirm); what SNS cannot deliver goes to {@code deadLetters}. */
    public void subscribeEmail(String email, IQueue deadLetters) {
        topic.addSubscription(EmailSubscription.Builder.create(email)
                .deadLetterQueue(deadLetters)
                .build());
    }

    public ITopic topic() {
        return topic;
    }

    public IKey key() {
        return key;
    }

    public String name() {
        return name;
    }

    /** Whether the key is this topic's own (one more key to pay for) rather than shared. */
    public boolean ownsKey() {
        return key.getNode().getScope() == this;
    }

    /** @param sharedKey the key of another topic to encrypt with; empty for a key of its own */
    public record Props(String topicName, String displayName, Optional<IKey> sharedKey) {
        public Props {
            Objects.requireNonNull(topicName, "topicName");
            Objects.requireNonNull(displayName, "displayName");
            Objects.requireNonNull(sharedKey, "sharedKey");
        }
    }
}
