package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class PipelineAlarmsTest {
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        // alarm,                 namespace,           metric,                                 statistic, threshold,
        // operator,                Type
        "GlueJobFailureAlarm,     Glue,                glue.driver.aggregate.numFailedTasks,   Sum,       0,         GreaterThanThreshold,    count",
        "GlueJobMemoryAlarm,      Glue,                glue.driver.jvm.heap.usage,             Maximum,   0.8,       GreaterThanThreshold,    gauge",
    })
    void glueAlarmsUseTheMetricsRealUnitsAndDimensions(
            String name,
            String namespace,
            String metric,
            String statistic,
            double threshold,
            String operator,
            String type) {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectEquals(Map.ofEntries(
                        Map.entry("AlarmName", name),
                        Map.entry("AlarmDescription", Match.anyValue()),
                        Map.entry("Namespace", namespace),
                        Map.entry("MetricName", metric),
                        Map.entry(
                                "Dimensions",
                                Match.arrayWith(List.of(
                                        Map.of("Name", "JobName", "Value", "sample-etl-job"),
                                        Map.of("Name", "JobRunId", "Value", "ALL"),
                                        Map.of("Name", "Type", "Value", type)))),
                        Map.entry("Statistic", statistic),
                        Map.entry("Period", 60),
                        Map.entry("EvaluationPeriods", 1),
                        Map.entry("DatapointsToAlarm", 1),
                        Map.entry("Threshold", threshold),
                        Map.entry("ComparisonOperator", operator),
                        Map.entry("TreatMissingData", "notBreaching"),
                        Map.entry("AlarmActions", List.of(Map.of("Ref", remediationTopic()))),
                        Map.entry("OKActions", List.of(Map.of("Ref", remediationTopic()))),
                        Map.entry(
                                "Tags",
                                Match.arrayWith(List.of(Map.of("Key", "pipeline", "Value", "sample-etl-job")))))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "DataQualityAlarm,       DataQualityScore,  90,  LessThanThreshold",
        "ErrorRateAlarm,         ErrorRate,         2,   GreaterThanThreshold",
        "ProcessingLatencyAlarm, ProcessingLatency, 180, GreaterThanThreshold",
    })
    void customMetricAlarmsWatchWhatTheMetricsFunctionPublishes(
            String name, String metric, double threshold, String operator) {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        name,
                        "Namespace",
                        "DataPipelineMetrics",
                        "MetricName",
                        metric,
                        "Dimensions",
                        List.of(Map.of("Name", "Pipeline", "Value", "sample-etl-job")),
                        "Statistic",
                        "Average",
                        "Period",
                        60,
                        "Threshold",
                        threshold,
                        "ComparisonOperator",
                        operator,
                        "TreatMissingData",
                        "notBreaching",
                        "AlarmActions",
                        List.of(Map.of("Ref", remediationTopic())))));
    }

    @Test
    void durationWatchesTheAgeOfTheOldestActiveRunInSeconds() {
        // Not glue.driver.aggregate.elapsedTime: AWS documents it as a delta, which a 5-minute statistic never lifts
        // past 300,000 ms.
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "GlueJobDurationAlarm",
                        "Namespace", "DataPipelineMetrics",
                        "MetricName", "LongestRunningSeconds",
                        "Dimensions", List.of(Map.of("Name", "Pipeline", "Value", "sample-etl-job")),
                        "Statistic", "Maximum",
                        "Threshold", 300,
                        "ComparisonOperator", "GreaterThanThreshold",
                        "AlarmDescription", Match.stringLikeRegexp(".*running for more than 300 s.*"))));
    }

    @Test
    void collectionFailurePagesAfterTwoFailedRunsOfTheMetricsFunction() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "MetricsCollectionFailedAlarm",
                        "MetricName",
                        "CollectionErrors",
                        "Dimensions",
                        List.of(Map.of("Name", "Pipeline", "Value", "sample-etl-job")),
                        "Statistic",
                        "Maximum",
                        "Period",
                        60,
                        "EvaluationPeriods",
                        2,
                        "DatapointsToAlarm",
                        2,
                        "Threshold",
                        1,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold",
                        "TreatMissingData",
                        "notBreaching")));
    }

    @Test
    void everyAlarmHasAnExplicitMissingDataTreatmentAndOnlyTheResponseFunctionIsToldDirectly() {
        Map<String, Map<String, Object>> alarms = template.findResources("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSize(28);
        alarms.values().forEach(alarm -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) alarm.get("Properties");
            assertThat(properties).containsKey("TreatMissingData");
            assertThat(properties.getOrDefault("AlarmActions", List.of()))
                    .as("%s pages nobody by itself", properties.get("AlarmName"))
                    .isIn(List.of(), List.of(Map.of("Ref", remediationTopic())));
        });
    }

    private static String remediationTopic() {
        return template.findResources(
                        "AWS::SNS::Topic", Map.of("Properties", Map.of("TopicName", "data-pipeline-remediation")))
                .keySet()
                .iterator()
                .next();
    }
}
