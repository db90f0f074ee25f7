package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.cxapi.CloudFormationStackArtifact;

/** Every switch of issue "Beyond the lab", on and off. */
class FeatureSwitchesTest {
    /** Every switch on, with the ids the outside services need. */
    static final Map<String, Object> ALL_ON = Map.ofEntries(
            Map.entry("tracing", true),
            Map.entry("anomalyDetection", "beside"),
            Map.entry("healthEmail", "platform@example.com"),
            Map.entry("minThroughputRecordsPerSecond", 5),
            Map.entry("severityTopics", true),
            Map.entry("criticalEmail", "oncall@example.com"),
            Map.entry("warningEmail", "team@example.com"),
            Map.entry("slackWorkspaceId", "T0123ABCD"),
            Map.entry("slackChannelId", "C0CRITICAL"),
            Map.entry("slackWarningChannelId", "C0WARNING"),
            Map.entry("teamsTeamId", "a1b2c3d4-0000-4111-8222-333344445555"),
            Map.entry("teamsTenantId", "f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f"),
            Map.entry("teamsChannelId", "19%3aabc123def456%40thread.tacv2"),
            Map.entry("environment", "prod"),
            Map.entry("owner", "data-platform"),
            Map.entry("contributorInsights", true),
            Map.entry("eventHistory", true),
            Map.entry("observabilitySourceAccounts", "111122223333,444455556666"),
            Map.entry("observabilitySinkArn", "arn:aws:oam:eu-west-1:999988887777:sink/abcd-1234"));
    /** Every switch off. */
    static final Map<String, Object> ALL_OFF = Map.of(
            "tracing", false,
            "anomalyDetection", "off",
            "severityTopics", false,
            "contributorInsights", false,
            "eventHistory", false);

    private static Template on;
    private static Template off;
    private static App onApp;

    @BeforeAll
    static void synthesize() {
        onApp = new App(AppProps.builder().context(ALL_ON).build());
        on = Template.fromStack(MonitoringApp.build(onApp, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT));
        off = TestStacks.synthesize(ALL_OFF).template();
    }

    @Test
    void xrayTracingOnBothFunctionsOnlyWhenOn() {
        on.resourcePropertiesCountIs(
                "AWS::Lambda::Function", Match.objectLike(Map.of("TracingConfig", Map.of("Mode", "Active"))), 2);
        off.resourcePropertiesCountIs(
                "AWS::Lambda::Function", Match.objectLike(Map.of("TracingConfig", Match.anyValue())), 0);
        assertThat(off.toJSON().toString()).doesNotContain("xray:");
    }

    @Test
    void sdkCallsTracedOnBothFunctionsOnlyWhenTracingIsOn() {
        Map<String, Object> switchedOn = Map.of(
                "Environment",
                Map.of("Variables", Match.objectLike(Map.of(MonitoringFunction.SDK_CALL_TRACING_VARIABLE, "true"))));
        on.resourcePropertiesCountIs("AWS::Lambda::Function", Match.objectLike(switchedOn), 2);
        assertThat(off.toJSON().toString()).doesNotContain(MonitoringFunction.SDK_CALL_TRACING_VARIABLE);
    }

    @Test
    void anomalyDetectionBandsBesideTheStaticThresholds() {
        on.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "DataQualityAlarmAnomaly",
                        "ComparisonOperator", "LessThanLowerThreshold",
                        "ThresholdMetricId", "expr_1",
                        "Metrics",
                                Match.arrayWith(List.of(Match.objectLike(
                                        Map.of("Id", "expr_1", "Expression", "ANOMALY_DETECTION_BAND(m0, 2)")))))));
        on.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "ErrorRateAlarmAnomaly", "ComparisonOperator", "GreaterThanUpperThreshold")));
        on.hasResourceProperties("AWS::CloudWatch::Alarm", Match.objectLike(Map.of("AlarmName", "DataQualityAlarm")));
        off.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("ThresholdMetricId", Match.anyValue())), 0);
    }

    @Test
    void anomalyDetectionInsteadReplacesTheStaticCustomMetricAlarms() {
        Template instead = TestStacks.synthesize(Map.of("anomalyDetection", "instead", "anomalyBandWidth", 3))
                .template();
        for (String replaced : List.of("DataQualityAlarm", "ErrorRateAlarm", "ProcessingLatencyAlarm")) {
            instead.resourcePropertiesCountIs(
                    "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("AlarmName", replaced)), 0);
            instead.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of(
                            "AlarmName",
                            replaced + "Anomaly",
                            "Metrics",
                            Match.arrayWith(List.of(
                                    Match.objectLike(Map.of("Expression", "ANOMALY_DETECTION_BAND(m0, 3)")))))));
        }
        assertThat(instead.findResources("AWS::CloudWatch::CompositeAlarm").toString())
                .as("the composite watches the anomaly alarms instead")
                .contains("DataQualityAnomaly");
    }

    @Test
    void aPipelinePagesThroughOneCompositePerSeverityAndItsSignalsPageNobody() {
        on.hasResourceProperties(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of(
                        "AlarmName", "PipelineUnhealthyAlarm",
                        "AlarmActions", List.of(Map.of("Ref", topicId(on, "data-pipeline-alerts-critical"))),
                        "OKActions", List.of(Map.of("Ref", topicId(on, "data-pipeline-alerts-critical"))))));
        on.hasResourceProperties(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "PipelineDegradedAlarm",
                        "AlarmActions",
                        List.of(Map.of("Ref", topicId(on, "data-pipeline-alerts-warning"))))));
        String remediation = topicId(on, "data-pipeline-remediation");
        for (String signal : List.of(
                "GlueJobFailureAlarm",
                "GlueJobRunFailedAlarm",
                "DataQualityAlarm",
                "ErrorRateAlarm",
                "DataQualityAlarmAnomaly",
                "ErrorRateAlarmAnomaly",
                "GlueJobDurationAlarm",
                "LowThroughputAlarm")) {
            on.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of("AlarmName", signal, "AlarmActions", List.of(Map.of("Ref", remediation)))));
        }
        // With one alert topic, one page per pipeline over every signal; the page model is not a switch.
        off.hasResourceProperties(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "PipelineUnhealthyAlarm",
                        "AlarmActions",
                        List.of(Map.of("Ref", topicId(off, "data-pipeline-alerts"))))));
        off.resourcePropertiesCountIs(
                "AWS::CloudWatch::CompositeAlarm", Match.objectLike(Map.of("AlarmName", "PipelineDegradedAlarm")), 0);
        assertThat(composite(off, "PipelineUnhealthyAlarm")).contains("GlueJobDurationAlarm", "GlueJobRunFailedAlarm");
    }

    @Test
    void eachPageWatchesEverySignalOfItsSeverity() {
        // Critical: failed tasks, data quality and error rate (static and anomaly), collection, run failed, stuck run,
        // and the sample chain's crawler, Data Quality evaluation and trigger.
        assertThat(composite(on, "PipelineUnhealthyAlarm").split("ALARM\\(", -1))
                .hasSize(12);
        // Warning: duration, memory, latency (static and anomaly), low throughput.
        assertThat(composite(on, "PipelineDegradedAlarm").split("ALARM\\(", -1)).hasSize(6);
    }

    private static String composite(Template template, String name) {
        return template.findResources(
                        "AWS::CloudWatch::CompositeAlarm",
                        Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("AlarmName", name)))))
                .values()
                .iterator()
                .next()
                .toString();
    }

    @Test
    void throughputIsMetricMathAndAlarmsBelowTheMinimum() {
        on.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "LowThroughputAlarm",
                        "Threshold",
                        5,
                        "ComparisonOperator",
                        "LessThanThreshold",
                        "Metrics",
                        Match.arrayWith(List.of(
                                Match.objectLike(Map.of("Expression", "records / PERIOD(records)")),
                                Match.objectLike(Map.of(
                                        "Id",
                                        "records",
                                        "MetricStat",
                                        Match.objectLike(Map.of(
                                                "Metric",
                                                Match.objectLike(Map.of("MetricName", "RecordsProcessed")),
                                                "Stat",
                                                "Sum")))))))));
        off.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("AlarmName", "LowThroughputAlarm")), 0);
        assertThat(DashboardTest.dashboardBody(off))
                .contains("\"title\":\"Job Success Rate and Throughput\"")
                .contains("100 - errorRate")
                .contains("records / PERIOD(records)");
    }

    @Test
    void severityTopicsAreEncryptedAndEachAlarmGoesToItsSeverity() {
        on.hasResourceProperties(
                "AWS::SNS::Topic",
                Match.objectLike(
                        Map.of("TopicName", "data-pipeline-alerts-critical", "KmsMasterKeyId", Match.anyValue())));
        on.hasResourceProperties(
                "AWS::SNS::Topic",
                Match.objectLike(
                        Map.of("TopicName", "data-pipeline-alerts-warning", "KmsMasterKeyId", Match.anyValue())));
        String critical = topicId(on, "data-pipeline-alerts-critical");
        String warning = topicId(on, "data-pipeline-alerts-warning");
        on.hasResourceProperties(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(
                        Map.of("AlarmName", "PipelineDegradedAlarm", "AlarmActions", List.of(Map.of("Ref", warning)))));
        on.hasResourceProperties(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of(
                        "AlarmName", "PipelineUnhealthyAlarm", "AlarmActions", List.of(Map.of("Ref", critical)))));
        assertThat(composite(on, "PipelineDegradedAlarm")).contains("GlueJobDurationAlarm");
        assertThat(composite(on, "PipelineUnhealthyAlarm")).contains("GlueJobStuckRunAlarm");
        on.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of("Protocol", "email", "Endpoint", "oncall@example.com", "TopicArn", Map.of("Ref", critical)));
        on.hasResourceProperties(
                "AWS::SNS::Subscription",
                Map.of("Protocol", "email", "Endpoint", "team@example.com", "TopicArn", Map.of("Ref", warning)));
        // The response function reads only the remediation topic.
        on.resourcePropertiesCountIs("AWS::SNS::Subscription", Match.objectLike(Map.of("Protocol", "lambda")), 1);
        off.resourceCountIs("AWS::SNS::Topic", 3);
    }

    @Test
    void chatChannelsPerSeverityWithAReadOnlyGuardrail() {
        on.hasResourceProperties(
                "AWS::Chatbot::SlackChannelConfiguration",
                Match.objectLike(Map.of(
                        "ConfigurationName", "data-pipeline-alerts-slack-critical",
                        "SlackWorkspaceId", "T0123ABCD",
                        "SlackChannelId", "C0CRITICAL",
                        "SnsTopicArns",
                                List.of(
                                        Map.of("Ref", topicId(on, "data-pipeline-alerts-critical")),
                                        Map.of("Ref", topicId(on, "data-pipeline-monitoring-health"))))));
        on.hasResourceProperties(
                "AWS::Chatbot::SlackChannelConfiguration",
                Match.objectLike(Map.of(
                        "SlackChannelId",
                        "C0WARNING",
                        "SnsTopicArns",
                        List.of(Map.of("Ref", topicId(on, "data-pipeline-alerts-warning"))))));
        on.hasResourceProperties(
                "AWS::Chatbot::MicrosoftTeamsChannelConfiguration",
                Match.objectLike(Map.of(
                        "TeamId", "a1b2c3d4-0000-4111-8222-333344445555",
                        "TeamsTenantId", "f0e1d2c3-b4a5-4697-8879-6a5b4c3d2e1f",
                        "TeamsChannelId", "19%3aabc123def456%40thread.tacv2",
                        "SnsTopicArns",
                                Match.arrayWith(
                                        List.of(Map.of("Ref", topicId(on, "data-pipeline-alerts-critical")))))));
        on.hasResourceProperties(
                "AWS::IAM::ManagedPolicy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Map.of(
                                "Version",
                                "2012-10-17",
                                "Statement",
                                List.of(Map.of(
                                        "Effect", "Allow",
                                        "Action",
                                                List.of(
                                                        "cloudwatch:DescribeAlarms",
                                                        "cloudwatch:GetMetricData",
                                                        "cloudwatch:GetMetricWidgetImage"),
                                        "Resource", "*"))))));
        off.resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0);
        off.resourceCountIs("AWS::Chatbot::MicrosoftTeamsChannelConfiguration", 0);
    }

    @Test
    void everyResourceCarriesTheTags() {
        on.findResources("AWS::CloudWatch::Alarm")
                .values()
                .forEach(alarm -> assertThat(alarm.toString())
                        .contains("Key=project, Value=data-pipeline-monitoring")
                        .contains("Key=environment, Value=prod")
                        .contains("Key=owner, Value=data-platform"));
        on.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "GlueJobDurationAlarm",
                        "Tags",
                        Match.arrayWith(List.of(Map.of("Key", "pipeline", "Value", "sample-etl-job"))))));
        on.hasResourceProperties(
                "AWS::Glue::Job",
                Match.objectLike(Map.of(
                        "Tags",
                        Match.objectLike(Map.of(
                                "pipeline",
                                "sample-etl-job",
                                "project",
                                "data-pipeline-monitoring",
                                "environment",
                                "prod")))));
        on.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(
                        Map.of("Tags", Match.arrayWith(List.of(Map.of("Key", "owner", "Value", "data-platform"))))));
        assertThat(off.toJSON().toString()).doesNotContain("Key=owner").contains("Key=environment, Value=dev");
    }

    @Test
    void eventHistoryKeepsJobAndAlarmStateChangesForTheDashboard() {
        on.hasResourceProperties(
                "AWS::Logs::LogGroup",
                Match.objectLike(Map.of("LogGroupName", "/aws/events/data-pipeline-events", "RetentionInDays", 30)));
        on.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.cloudwatch"),
                                "detail-type", List.of("CloudWatch Alarm State Change"),
                                "detail",
                                        Map.of(
                                                "alarmName",
                                                Match.arrayWith(List.of(Map.of("prefix", "GlueJobFailureAlarm"))))))));
        on.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.glue"),
                                "detail-type", List.of("Glue Job State Change", "Glue Job Run Status"),
                                "detail", Map.of("jobName", List.of("sample-etl-job"))))));
        assertThat(on.findResources("AWS::Logs::ResourcePolicy").toString())
                .contains("\"Service\":[\"events.amazonaws.com\",\"delivery.logs.amazonaws.com\"]")
                .contains("logs:CreateLogStream")
                .contains("logs:PutLogEvents")
                .contains("EventHistoryLogs");
        assertThat(DashboardTest.dashboardBody(on)).contains("\"title\":\"Job and Alarm History\"");
        assertThat(DashboardTest.dashboardBody(off)).doesNotContain("Job and Alarm History");
        // Off, the Glue events are still kept (their metric filters feed the failed- and stuck-run alarms).
        off.hasResourceProperties(
                "AWS::Logs::LogGroup", Match.objectLike(Map.of("LogGroupName", "/aws/events/data-pipeline-events")));
        off.resourcePropertiesCountIs(
                "AWS::Events::Rule",
                Match.objectLike(Map.of("EventPattern", Match.objectLike(Map.of("source", List.of("aws.cloudwatch"))))),
                0);
    }

    @Test
    void contributorInsightsRanksFailedJobsAndMessages() {
        on.hasResourceProperties(
                "AWS::CloudWatch::InsightRule",
                Match.objectLike(Map.of(
                        "RuleName", "TopGlueJobFailures",
                        "RuleState", "ENABLED",
                        "RuleBody",
                                Match.serializedJson(Match.objectLike(Map.of(
                                        "LogFormat", "JSON",
                                        "LogGroupNames", List.of("/aws/events/data-pipeline-events"),
                                        "Contribution",
                                                Match.objectLike(Map.of(
                                                        "Keys", List.of("$.detail.jobName", "$.detail.message")))))))));
        off.resourceCountIs("AWS::CloudWatch::InsightRule", 0);
        // The Glue events it ranks are kept whatever eventHistory says: the failed-run alarms count them.
        TestStacks.synthesize(Map.of("eventHistory", false, "contributorInsights", true))
                .template()
                .resourceCountIs("AWS::CloudWatch::InsightRule", 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void crossAccountSinkAndLinkAreTheirOwnStacks() {
        CloudFormationStackArtifact sink = onApp.synth().getStackByName("DataPipelineObservabilitySinkStack");
        Template sinkTemplate = Template.fromJSON((Map<String, Object>) sink.getTemplate());
        sinkTemplate.hasResourceProperties(
                "AWS::Oam::Sink",
                Match.objectLike(Map.of(
                        "Name",
                        "data-pipeline-monitoring",
                        "Policy",
                        Match.objectLike(Map.of(
                                "Statement",
                                List.of(Match.objectLike(Map.of(
                                        "Principal", Map.of("AWS", List.of("111122223333", "444455556666")),
                                        "Action", List.of("oam:CreateLink", "oam:UpdateLink")))))))));
        sinkTemplate.resourceCountIs("AWS::CloudWatch::Dashboard", 1);
        Template link = Template.fromJSON((Map<String, Object>) onApp.synth()
                .getStackByName("DataPipelineObservabilityLinkStack")
                .getTemplate());
        link.hasResourceProperties(
                "AWS::Oam::Link",
                Map.of(
                        "LabelTemplate", "$AccountName",
                        "ResourceTypes", List.of("AWS::CloudWatch::Metric", "AWS::Logs::LogGroup", "AWS::XRay::Trace"),
                        "SinkIdentifier", "arn:aws:oam:eu-west-1:999988887777:sink/abcd-1234"));
        App offApp = new App(AppProps.builder().context(ALL_OFF).build());
        MonitoringApp.build(offApp, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
        assertThat(offApp.synth().getStacks()).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void organizationWideSinkUsesThePrincipalOrgCondition() {
        App app = new App(AppProps.builder()
                .context(Map.of("observabilityOrganizationId", "o-abcdefghij"))
                .build());
        MonitoringApp.build(app, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
        Template sink = Template.fromJSON((Map<String, Object>)
                app.synth().getStackByName("DataPipelineObservabilitySinkStack").getTemplate());
        sink.hasResourceProperties(
                "AWS::Oam::Sink",
                Match.objectLike(Map.of(
                        "Policy",
                        Match.objectLike(Map.of(
                                "Statement",
                                List.of(Match.objectLike(Map.of(
                                        "Principal",
                                        "*",
                                        "Condition",
                                        Match.objectLike(Map.of(
                                                "StringEquals", Map.of("aws:PrincipalOrgID", "o-abcdefghij")))))))))));
    }

    @Test
    void switchesReachTheCostEstimate() {
        var estimate = MonitoringApp.build(
                        new App(AppProps.builder().context(ALL_ON).build()),
                        TestStacks.placeholderArtifacts(),
                        TestStacks.PROJECT_ROOT)
                .costEstimate();
        assertThat(estimate.items())
                .extracting(i -> i.what())
                .contains("Anomaly-detection alarms", "Composite alarms", "Contributor Insights rules");
        // Critical, warning and monitoring-health; the remediation topic shares the critical key.
        assertThat(estimate.items())
                .filteredOn(i -> i.what().startsWith("KMS keys"))
                .singleElement()
                .extracting(i -> i.quantity())
                .isEqualTo(3.0);
    }

    private static String topicId(Template template, String topicName) {
        return template.findResources(
                        "AWS::SNS::Topic", Map.of("Properties", Match.objectLike(Map.of("TopicName", topicName))))
                .keySet()
                .iterator()
                .next();
    }
}
