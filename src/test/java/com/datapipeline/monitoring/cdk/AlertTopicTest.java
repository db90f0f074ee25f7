package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class AlertTopicTest {
    private static Template template;
    private static Template withEmail;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
        withEmail = TestStacks.synthesize(Map.of("alertEmail", "oncall@example.com"))
                .template();
    }

    @Test
    void topicHasTheLabsNameAndACustomerManagedKey() {
        String keyId =
                template.findResources("AWS::KMS::Key").keySet().iterator().next();
        template.hasResourceProperties(
                "AWS::SNS::Topic",
                Match.objectLike(Map.of(
                        "TopicName",
                        "data-pipeline-alerts",
                        "KmsMasterKeyId",
                        Map.of("Fn::GetAtt", List.of(keyId, "Arn")))));
        template.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true)));
    }

    @Test
    void keyPolicyLetsAlarmsEncrypt() {
        template.hasResourceProperties(
                "AWS::KMS::Key",
                Match.objectLike(Map.of(
                        "KeyPolicy",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Sid",
                                        "AllowAlarmPublishers",
                                        "Effect",
                                        "Allow",
                                        "Action",
                                        List.of("kms:Decrypt", "kms:GenerateDataKey*"),
                                        "Principal",
                                        Map.of("Service", "cloudwatch.amazonaws.com"))))))))));
    }

    @Test
    void theHealthTopicHasAKeyOfItsOwnAndTheRemediationTopicSharesTheAlertKey() {
        Map<String, Map<String, Object>> topics = template.findResources("AWS::SNS::Topic");
        assertThat(topics).hasSize(3);
        assertThat(keyOf("data-pipeline-monitoring-health")).isNotEqualTo(keyOf("data-pipeline-alerts"));
        assertThat(keyOf("data-pipeline-remediation")).isEqualTo(keyOf("data-pipeline-alerts"));
        template.resourceCountIs("AWS::KMS::Key", 2);
    }

    @Test
    void noTopicPolicyLetsTheEventsServicePublishRulesUseARoleOfThisAccountInstead() {
        assertThat(template.findResources("AWS::SNS::TopicPolicy").toString()).doesNotContain("events.amazonaws.com");
        template.hasResourceProperties(
                "AWS::IAM::Role",
                Match.objectLike(Map.of(
                        "AssumeRolePolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                List.of(Match.objectLike(Map.of(
                                        "Principal", Map.of("Service", "events.amazonaws.com"),
                                        "Condition",
                                                Map.of(
                                                        "StringEquals",
                                                        Map.of(
                                                                "aws:SourceAccount",
                                                                Map.of("Ref", "AWS::AccountId")))))))))));
    }

    private static Object keyOf(String topicName) {
        return template.findResources(
                                        "AWS::SNS::Topic",
                                        Map.of("Properties", Match.objectLike(Map.of("TopicName", topicName))))
                                .values()
                                .iterator()
                                .next()
                                .get("Properties")
                        instanceof Map<?, ?> properties
                ? properties.get("KmsMasterKeyId")
                : null;
    }

    @Test
    void topicPolicyDeniesPlainHttpAndAllowsOnlyThisAccountsAlarms() {
        template.hasResourceProperties(
                "AWS::SNS::TopicPolicy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(
                                        Match.objectLike(Map.of(
                                                "Effect",
                                                "Deny",
                                                "Condition",
                                                Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                                        Match.objectLike(Map.of(
                                                "Sid",
                                                "AllowCloudWatchAlarmsOfThisAccount",
                                                "Action",
                                                "sns:Publish",
                                                "Principal",
                                                Map.of("Service", "cloudwatch.amazonaws.com"),
                                                "Condition",
                                                Map.of(
                                                        "StringEquals",
                                                        Map.of(
                                                                "aws:SourceAccount",
                                                                Map.of("Ref", "AWS::AccountId"))))))))))));
    }

    @Test
    void emailSubscriptionOnlyWhenConfigured() {
        template.resourcePropertiesCountIs("AWS::SNS::Subscription", Map.of("Protocol", "email"), 0);
        // On the alert topic and, with no healthEmail of its own, on the monitoring-health topic; both with a DLQ.
        withEmail.resourcePropertiesCountIs(
                "AWS::SNS::Subscription",
                Match.objectLike(Map.of(
                        "Protocol", "email", "Endpoint", "oncall@example.com", "RedrivePolicy", Match.anyValue())),
                2);
        withEmail.hasResourceProperties(
                "AWS::SNS::Subscription",
                Match.objectLike(Map.of(
                        "Protocol", "email",
                        "Endpoint", "oncall@example.com",
                        "TopicArn",
                                Map.of(
                                        "Ref",
                                        withEmail
                                                .findResources("AWS::SNS::Topic")
                                                .keySet()
                                                .iterator()
                                                .next()))));
    }

    @Test
    void alarmResponseFunctionIsSubscribedToTheRemediationTopicOnly() {
        Map<String, Map<String, Object>> subscriptions = template.findResources(
                "AWS::SNS::Subscription", Map.of("Properties", Match.objectLike(Map.of("Protocol", "lambda"))));
        assertThat(subscriptions).hasSize(1);
        assertThat(subscriptions.values().iterator().next().toString())
                .contains("TopicArn={Ref=RemediationTopic")
                .contains("RedrivePolicy");
    }
}
