package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class JobRunFailureAlertsTest {
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
    }

    @Test
    void ruleMatchesFailedAndTimedOutRunsOfTheMonitoredJob() {
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.glue"),
                                "detail-type", List.of("Glue Job State Change"),
                                "detail",
                                        Map.of(
                                                "jobName",
                                                List.of("sample-etl-job"),
                                                "state",
                                                List.of("FAILED", "TIMEOUT"))))));
    }

    @Test
    void ruleSendsTheEventToTheResponseFunctionOnlyWithRetriesAndADeadLetterQueue() {
        Capture target = new Capture();
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern", Match.objectLike(Map.of("source", List.of("aws.glue"))),
                        "Targets", List.of(target))));
        String transformer = target.asObject().get("InputTransformer").toString();
        assertThat(transformer)
                .contains(
                        "\"notice\":\"AWS Glue job <detail-jobName> run <detail-jobRunId> ended in state <detail-state>")
                .contains("\"detailType\":\"Glue Job State Change\"")
                .contains("$.detail.jobName");
        // The event never pages by itself: its alarm is a child of the pipeline's page.
        assertThat(target.asObject().get("Arn"))
                .isEqualTo(Map.of(
                        "Ref",
                        template.findResources(
                                        "AWS::SNS::Topic",
                                        Map.of("Properties", Map.of("TopicName", "data-pipeline-remediation")))
                                .keySet()
                                .iterator()
                                .next()));
        assertThat(target.asObject().get("RetryPolicy"))
                .isEqualTo(Map.of("MaximumEventAgeInSeconds", 900, "MaximumRetryAttempts", 8));
        assertThat(target.asObject()).containsKeys("DeadLetterConfig", "RoleArn");
    }

    @Test
    void alarmCountsThisPipelinesFailedRunsFromTheEventHistory() {
        template.hasResourceProperties(
                "AWS::Logs::MetricFilter",
                Match.objectLike(Map.of(
                        "FilterPattern",
                        "{ ($.detail.state = \"FAILED\") || ($.detail.state = \"TIMEOUT\") }",
                        "MetricTransformations",
                        List.of(Match.objectLike(Map.of(
                                "MetricNamespace",
                                "DataPipelineMetrics",
                                "MetricName",
                                "FailedRuns",
                                "MetricValue",
                                "1",
                                "Unit",
                                "Count",
                                "Dimensions",
                                List.of(Map.of("Key", "Pipeline", "Value", "$.detail.jobName"))))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "GlueJobRunFailedAlarm",
                        "Namespace", "DataPipelineMetrics",
                        "MetricName", "FailedRuns",
                        "Dimensions", List.of(Map.of("Name", "Pipeline", "Value", "sample-etl-job")),
                        "Statistic", "Sum",
                        "Threshold", 1,
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                        "TreatMissingData", "notBreaching")));
    }
}
