package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import com.datapipeline.monitoring.cdk.config.ChatChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.chatbot.CfnMicrosoftTeamsChannelConfiguration;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Alerts in Slack and Microsoft Teams through AWS Chatbot (Amazon Q Developer in chat applications).
 * Critical and warning alerts go to one channel, or to two when a warning channel is given. The
 * channels' role and guardrail allow only reading alarms and graphs, so nobody can change anything
 * from chat.
 */
public final class ChatNotifications extends Construct {
    /** What a chat user may see: alarm details and the metric graph Chatbot renders for an alarm. */
    public static final List<String> READ_ONLY_ACTIONS =
            List.of("cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData", "cloudwatch:GetMetricWidgetImage");

    private final List<String> configurationNames = new ArrayList<>();

    public ChatNotifications(Construct scope, String id, Props props) {
        super(scope, id);
        ManagedPolicy readAlarms = ManagedPolicy.Builder.create(this, "ReadAlarmsOnly")
                .description("Chat channels of " + props.namePrefix() + " may read alarms and graphs, nothing more")
                .statements(List.of(PolicyStatement.Builder.create()
                        .actions(READ_ONLY_ACTIONS)
                        .resources(List.of("*"))
                        .build()))
                .build();
        TemplateCheckExceptions.cdkNag(
                readAlarms,
                "AwsSolutions-IAM5",
                "GetMetricData and GetMetricWidgetImage"
                        + " have no resource-level permissions; the policy grants only read actions.",
                List.of("Resource::*"));
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("chatbot.amazonaws.com"))
                .description("Chat channels of " + props.namePrefix() + ": read alarms and graphs only")
                .managedPolicies(List.of(readAlarms))
                .build();

        props.slack()
                .ifPresent(slack -> forEachChannel(slack, props, (suffix, channel, topics) -> {
                    String name = props.namePrefix() + "-slack" + suffix;
                    SlackChannelConfiguration.Builder.create(this, "Slack" + suffix)
                            .slackChannelConfigurationName(name)
                            .slackWorkspaceId(slack.workspaceOrTeamId())
                            .slackChannelId(channel)
                            .notificationTopics(topics)
                            .role(role)
                            .guardrailPolicies(List.of(readAlarms))
                            .build();
                    configurationNames.add(name);
                }));
        props.teams()
                .ifPresent(teams -> forEachChannel(teams, props, (suffix, channel, topics) -> {
                    String name = props.namePrefix() + "-teams" + suffix;
                    CfnMicrosoftTeamsChannelConfiguration.Builder.create(this, "Teams" + suffix)
                            .configurationName(name)
                            .teamId(teams.workspaceOrTeamId())
                            .teamsTenantId(teams.tenantId().orElseThrow())
                            .teamsChannelId(channel)
                            .snsTopicArns(
                                    topics.stream().map(ITopic::getTopicArn).toList())
                            .iamRoleArn(role.getRoleArn())
                            .guardrailPolicies(List.of(readAlarms.getManagedPolicyArn()))
                            .build();
                    configurationNames.add(name);
                }));
    }

    /** One configuration for all topics, or one for critical and one for warning when a warning channel is set. */
    private static void forEachChannel(ChatChannel chat, Props props, ChannelConsumer consumer) {
        Optional<String> warningChannel =
                chat.warningChannelId().filter(c -> !props.warningTopic().equals(props.criticalTopic()));
        if (warningChannel.isPresent()) {
            consumer.accept("-critical", chat.channelId(), List.of(props.criticalTopic(), props.healthTopic()));
            consumer.accept("-warning", warningChannel.get(), List.of(props.warningTopic()));
        } else {
            List<ITopic> topics = props.warningTopic().equals(props.criticalTopic())
                    ? List.of(props.criticalTopic(), props.healthTopic())
                    : List.of(props.criticalTopic(), props.warningTopic(), props.healthTopic());
            consumer.accept("", chat.channelId(), topics);
        }
    }

    @FunctionalInterface
    private interface ChannelConsumer {
        void accept(String suffix, String channelId, List<ITopic> topics);
    }

    public List<String> configurationNames() {
        return List.copyOf(configurationNames);
    }

    /**
     * @param warningTopic the same object as criticalTopic when severity topics are off
     * @param healthTopic  the monitoring-health topic, which goes to the critical channel
     */
    public record Props(
            String namePrefix,
            Optional<ChatChannel> slack,
            Optional<ChatChannel> teams,
            ITopic criticalTopic,
            ITopic warningTopic,
            ITopic healthTopic) {
        public Props {
            Objects.requireNonNull(namePrefix, "namePrefix");
            Objects.requireNonNull(criticalTopic, "criticalTopic");
            Objects.requireNonNull(healthTopic, "healthTopic");
            Objects.requireNonNull(warningTopic, "warningTopic");
        }
    }
}
