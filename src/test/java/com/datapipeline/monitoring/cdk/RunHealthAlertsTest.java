package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RunHealthAlertsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Template sample;
    private static Template existing;
    private static TestStacks.Synthesized existingJobs;

    @BeforeAll
    static void synthesize() {
        sample =
                TestStacks.synthesize(Map.of("expectedSuccessEveryMinutes", 60)).template();
        existingJobs = TestStacks.synthesize(Map.of(
                "monitoredJobs",
                "[\"orders-etl\", {\"jobName\": \"billing-etl\", \"stuckRunMinutes\": 45, \"expectedSuccessEveryMinutes\": 1440}]",
                "detailedMetrics",
                true));
        existing = existingJobs.template();
    }

    @Test
    void sampleJobNotifiesAfterTwiceTheDurationThreshold() {
        sample.hasResourceProperties(
                "AWS::Glue::Job", Match.objectLike(Map.of("NotificationProperty", Map.of("NotifyDelayAfter", 10))));
    }

    @Test
    void runStatusEventsOfTheSampleJobAreKeptAndCountedForAnAlarm() {
        sample.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.glue"),
                                "detail-type", List.of("Glue Job State Change", "Glue Job Run Status"),
                                "detail", Map.of("jobName", List.of("sample-etl-job"))))));
        sample.hasResourceProperties(
                "AWS::Logs::MetricFilter",
                Match.objectLike(Map.of(
                        "FilterPattern",
                        "{ $.detail.notificationCondition.NotifyDelayAfter > 0 }",
                        "MetricTransformations",
                        List.of(Match.objectLike(Map.of(
                                "MetricNamespace",
                                "DataPipelineMetrics",
                                "MetricName",
                                "StuckRuns",
                                "MetricValue",
                                "1",
                                "Dimensions",
                                List.of(Map.of("Key", "Pipeline", "Value", "$.detail.jobName"))))))));
        sample.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "GlueJobStuckRunAlarm",
                        "Namespace", "DataPipelineMetrics",
                        "MetricName", "StuckRuns",
                        "Dimensions", List.of(Map.of("Name", "Pipeline", "Value", "sample-etl-job")),
                        "Statistic", "Sum",
                        "Threshold", 1,
                        "TreatMissingData", "notBreaching")));
    }

    @Test
    void theMetricFiltersReadFieldsTheDocumentedEventsHave() throws Exception {
        JsonNode runStatus = JSON.readTree(new File("src/test/resources/glue-events/job-run-status-running.json"));
        JsonNode failed = JSON.readTree(new File("src/test/resources/glue-events/job-state-change-failed.json"));
        assertThat(runStatus
                        .at("/detail/notificationCondition/NotifyDelayAfter")
                        .asDouble())
                .isPositive();
        assertThat(failed.at("/detail/notificationCondition").isMissingNode())
                .as("a state change is never counted stuck")
                .isTrue();
        assertThat(failed.at("/detail/state").asText()).isEqualTo("FAILED");
        assertThat(runStatus.at("/detail/state").asText())
                .as("a run status is never counted failed")
                .isNotIn("FAILED", "TIMEOUT");
        assertThat(failed.at("/detail/jobName").asText()).isNotEmpty();
        assertThat(runStatus.at("/detail/jobName").asText()).isNotEmpty();
    }

    @Test
    void rulesFitTheEventShapesAwsDocuments() throws Exception {
        assertRuleFits(sample, List.of("Glue Job State Change", "Glue Job Run Status"), "job-run-status-running.json");
        assertRuleFits(sample, List.of("Glue Job State Change", "Glue Job Run Status"), "job-state-change-failed.json");
        assertRuleFits(sample, List.of("Glue Job State Change"), "job-state-change-failed.json");
    }

    @Test
    void existingJobsDetectStuckRunsFromTheirRunHistory() {
        existing.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "GlueJobStuckRunAlarm-orders-etl",
                        "Namespace", "DataPipelineMetrics",
                        "MetricName", "LongestRunningSeconds",
                        "Dimensions", List.of(Map.of("Name", "Pipeline", "Value", "orders-etl")),
                        "Statistic", "Maximum",
                        "Threshold", 600,
                        "TreatMissingData", "notBreaching")));
        existing.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("AlarmName", "GlueJobStuckRunAlarm-billing-etl", "Threshold", 2700)));
    }

    @Test
    void missedRunsAlarmWithGraceAndTreatMissingDataAsNoSuccess() {
        sample.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "GlueJobMissedRunAlarm",
                        "MetricName", "SecondsSinceLastSuccess",
                        "Statistic", "Maximum",
                        "Threshold", 5400,
                        "ComparisonOperator", "GreaterThanThreshold",
                        "TreatMissingData", "breaching")));
        existing.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("AlarmName", "GlueJobMissedRunAlarm-billing-etl", "Threshold", 129600)));
        existing.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("AlarmName", "GlueJobMissedRunAlarm-orders-etl")), 0);
    }

    @Test
    void noMissedRunAlarmUnlessAnExpectationIsDeclared() {
        TestStacks.synthesize(Map.of())
                .template()
                .resourcePropertiesCountIs(
                        "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "SecondsSinceLastSuccess")), 0);
    }

    @Test
    void metricsFunctionLooksBackFarEnoughToSeeTheLastSuccess() throws Exception {
        JsonNode config = JSON.readTree(MetricsFunctionContractTest.deployedConfiguration(
                existingJobs, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
        assertThat(config.get("lookbackMinutes").asInt()).isEqualTo(2160 + 60);
        assertThat(config.get("pipelines")
                        .get(1)
                        .get("expectedSuccessEveryMinutes")
                        .asInt())
                .isEqualTo(1440);
        assertThat(config.get("pipelines").get(0).has("expectedSuccessEveryMinutes"))
                .isFalse();
    }

    /** The rule with these detail types matches the documented event, and its input paths exist in it. */
    @SuppressWarnings("unchecked")
    private static void assertRuleFits(Template template, List<String> detailTypes, String eventFile) throws Exception {
        String detailType = String.join(", ", detailTypes);
        JsonNode event = JSON.readTree(new File("src/test/resources/glue-events/" + eventFile));
        Map<String, Object> rule = template.findResources("AWS::Events::Rule").values().stream()
                .map(resource -> (Map<String, Object>) resource.get("Properties"))
                .filter(properties -> properties.containsKey("EventPattern")
                        && ((Map<String, Object>) properties.get("EventPattern"))
                                .get("detail-type")
                                .equals(detailTypes))
                .findFirst()
                .orElseThrow();
        JsonNode pattern = JSON.valueToTree(rule.get("EventPattern"));
        assertMatches(pattern, event, detailType);
        Map<String, Object> target = ((List<Map<String, Object>>) rule.get("Targets")).get(0);
        if (!target.containsKey("InputTransformer")) {
            return;
        }
        Map<String, String> paths =
                (Map<String, String>) ((Map<String, Object>) target.get("InputTransformer")).get("InputPathsMap");
        paths.forEach((name, path) -> assertThat(
                        event.at(path.substring(1).replace('.', '/')).isMissingNode())
                .as("%s input path %s exists in the documented %s event", name, path, detailType)
                .isFalse());
    }

    private static void assertMatches(JsonNode pattern, JsonNode event, String what) {
        pattern.fields().forEachRemaining(field -> {
            JsonNode value = event.get(field.getKey());
            assertThat(value).as("%s has %s", what, field.getKey()).isNotNull();
            if (field.getValue().isArray()) {
                assertThat(field.getValue()).as("%s.%s", what, field.getKey()).contains(value);
            } else {
                assertMatches(field.getValue(), value, what + "." + field.getKey());
            }
        });
    }
}
