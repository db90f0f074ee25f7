package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.alerting.AlarmLinks;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.context.SettingsReader;
import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.response.ResponseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A pipeline's own error class actions, runbook and validation job, and the global ones, reach AlarmResponseFunction
 * as the function reads them; a class routed to pause-trigger gets the trigger grant and the success rule that resumes
 * the triggers, and nothing else does.
 */
class PipelineResponseOptionsTest {
    private static final String ORDERS = "orders-etl";
    private static final String BILLING = "billing-etl";

    private static TestStacks.Synthesized routed;
    private static ResponseConfig config;

    @TempDir
    Path dir;

    @BeforeAll
    static void synthesize() {
        routed = TestStacks.synthesize(Map.of(
                "monitoredJobs",
                "[\"" + ORDERS + "\", {\"jobName\": \"" + BILLING + "\", \"dataQualityRuleset\": \"billing-checks\","
                        + " \"errorClassActions\": {\"code\": \"pause-trigger\", \"transient\": \"notify-only\"},"
                        + " \"runbookUrl\": \"https://wiki.example.com/billing\","
                        + " \"validationJob\": \"billing-validation\"}]",
                "errorClassActions",
                "{\"resources\": \"restart-job\"}",
                "pauseAfterFailures",
                4,
                "runbookUrl",
                "https://github.com/example/pipelines/blob/main/docs/runbook.md"));
        config = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                routed, "AlarmResponseFunction", MonitoringFunction.ALARM_RESPONSE));
    }

    @Test
    void eachPipelinesClassActionsOverrideTheGlobalOnesWhichOverrideTheDefaults() {
        assertThat(config.errorClassActions().actionFor(BILLING, ErrorClass.CODE))
                .isEqualTo(RouteAction.PAUSE_TRIGGER);
        assertThat(config.errorClassActions().actionFor(BILLING, ErrorClass.TRANSIENT))
                .isEqualTo(RouteAction.NOTIFY_ONLY);
        assertThat(config.errorClassActions().actionFor(BILLING, ErrorClass.RESOURCES))
                .isEqualTo(RouteAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor(ORDERS, ErrorClass.CODE))
                .isEqualTo(RouteAction.NOTIFY_ONLY);
        assertThat(config.errorClassActions().actionFor(ORDERS, ErrorClass.TRANSIENT))
                .isEqualTo(RouteAction.RESTART_JOB);
        assertThat(config.errorClassActions().actionFor(ORDERS, ErrorClass.RESOURCES))
                .isEqualTo(RouteAction.RESTART_JOB);
        assertThat(config.errorClassActions().pauseAfterFailures()).isEqualTo(4);
    }

    @Test
    void eachPipelinesRunbookOrTheGlobalOneIsWhatItsPagesLinkTo() {
        assertThat(config.pages().pipeline(BILLING).runbookUrl()).contains("https://wiki.example.com/billing");
        assertThat(config.pages().pipeline(ORDERS).runbookUrl()).isEmpty();
        assertThat(config.pages().runbookUrl())
                .isEqualTo("https://github.com/example/pipelines/blob/main/docs/runbook.md");
    }

    @Test
    void aDataQualityAlarmStartsThePipelinesValidationJobWhichAloneItMayStartBesideTheJobs() {
        assertThat(config.routes().get("DataQualityAlarm-" + BILLING))
                .isEqualTo(new ResponseConfig.Route(RouteAction.START_VALIDATION_JOB, "billing-validation"));
        // Orders has no ruleset, so no data-quality alarm (nothing would publish its score) and no route; its page is
        // one alarm (it has no validation job), billing's the composite its data-quality alarm's route needs.
        assertThat(config.routes()).doesNotContainKey("DataQualityAlarm-" + ORDERS);
        assertThat(config.pages().pipeline(ORDERS).pagedByFunction()).isTrue();
        assertThat(config.pages().pipeline(BILLING).pageAlarm()).contains("PipelineUnhealthyAlarm-" + BILLING);
        assertThat(config.pages().pipeline(BILLING).pagedByFunction()).isFalse();
        assertThat(routed.template().findResources("AWS::IAM::Policy").toString())
                .contains("glue:StartJobRun")
                .contains(":job/billing-validation");
    }

    @Test
    void aClassRoutedToPauseTriggerGrantsExactlyTheTriggerCallsAndRoutesThatPipelinesSuccesses() {
        Template template = routed.template();
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Sid", "PauseAndResumeTriggersOfFailingJobs",
                                        "Action", List.of("glue:StartTrigger", "glue:StopTrigger"),
                                        "Resource",
                                                Map.of(
                                                        "Fn::Join",
                                                        List.of(
                                                                "",
                                                                List.of(
                                                                        "arn:",
                                                                        Map.of("Ref", "AWS::Partition"),
                                                                        ":glue:",
                                                                        Map.of("Ref", "AWS::Region"),
                                                                        ":",
                                                                        Map.of("Ref", "AWS::AccountId"),
                                                                        ":trigger/*"))))))))))));
        // GetTriggers is authorized on no resource type (Glue's API permissions reference): '*', and nothing else.
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                Match.arrayWith(List.of(Match.objectLike(Map.of(
                                        "Sid", "FindTriggersOfFailingJobs",
                                        "Action", "glue:GetTriggers",
                                        "Resource", "*")))))))));
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.glue"),
                                "detail-type", List.of("Glue Job State Change"),
                                // Orders' page is one alarm: its successes resolve the pages the function opened.
                                "detail",
                                        Map.of("jobName", List.of(ORDERS, BILLING), "state", List.of("SUCCEEDED"))))));
        // The history rule keeps every state change as before; its metric filters count failed and stuck runs only.
        assertThat(template.findResources("AWS::Logs::MetricFilter").toString()).doesNotContain("SUCCEEDED");
    }

    @Test
    void theReadmesRoutingExampleIsAPipelinesFileThatRoutesAsItSays() throws IOException {
        String file = Files.readString(Path.of("pipelines/routing-example.json"));
        assertThat(Files.readString(Path.of("README.md"))).contains(file.strip());
        ResponseConfig example = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                TestStacks.synthesize(Map.of("pipelinesFile", "pipelines/routing-example.json")),
                "AlarmResponseFunction",
                MonitoringFunction.ALARM_RESPONSE));

        assertThat(example.errorClassActions().actionFor(BILLING, ErrorClass.CODE))
                .isEqualTo(RouteAction.PAUSE_TRIGGER);
        assertThat(example.errorClassActions().actionFor(BILLING, ErrorClass.DATA))
                .isEqualTo(RouteAction.PAUSE_TRIGGER);
        assertThat(example.errorClassActions().actionFor(BILLING, ErrorClass.RESOURCES))
                .isEqualTo(RouteAction.RESTART_JOB);
        assertThat(example.errorClassActions().actionFor(ORDERS, ErrorClass.CODE))
                .isEqualTo(RouteAction.NOTIFY_ONLY);
        assertThat(example.routes().get("DataQualityAlarm-" + BILLING))
                .isEqualTo(new ResponseConfig.Route(RouteAction.START_VALIDATION_JOB, "billing-validation"));
        assertThat(example.pages().pipeline(BILLING).runbookUrl())
                .contains("https://wiki.example.com/pipelines/billing");
    }

    @Test
    void withoutAPausingClassThereIsNoTriggerGrantAndNoSuccessRule() {
        Template defaults = TestStacks.synthesize(Map.of()).template();
        // The metrics function may read the sample chain's declared trigger (GetTrigger), never stop or start one.
        assertThat(defaults.findResources("AWS::IAM::Policy").toString())
                .doesNotContain("StopTrigger", "StartTrigger", "GetTriggers");
        assertThat(defaults.findResources("AWS::Events::Rule").toString()).doesNotContain("SUCCEEDED");
        assertThat(MetricsFunctionContractTest.deployedConfiguration(
                        TestStacks.synthesize(Map.of()), "AlarmResponseFunction", MonitoringFunction.ALARM_RESPONSE))
                .doesNotContain(ResponseConfiguration.PAUSE_AFTER_FAILURES)
                .doesNotContain("\"" + ResponseConfiguration.RUNBOOK_URL + "\"");
    }

    @Test
    void everyPipelineAlarmDescriptionLinksItsRunbookSectionAndDashboardWithinCloudWatchsLimit() {
        Map<String, Map<String, Object>> alarms = new java.util.LinkedHashMap<>();
        alarms.putAll(routed.template().findResources("AWS::CloudWatch::Alarm"));
        alarms.putAll(routed.template().findResources("AWS::CloudWatch::CompositeAlarm"));
        Map<String, String> descriptions = new java.util.TreeMap<>();
        alarms.values().forEach(alarm -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> properties = (Map<String, Object>) alarm.get("Properties");
            String name = String.valueOf(properties.getOrDefault("AlarmName", properties.get("CompositeAlarmName")));
            descriptions.put(name, String.valueOf(properties.get("AlarmDescription")));
        });
        assertThat(descriptions.values())
                .allSatisfy(description ->
                        assertThat(description.length()).isLessThanOrEqualTo(AlarmLinks.DESCRIPTION_LIMIT));
        assertThat(descriptions.get("DataQualityAlarm-" + BILLING))
                .startsWith("Data quality score of pipeline " + BILLING + " below 90 %.")
                .endsWith(" Runbook: https://wiki.example.com/billing#DataQualityAlarm Dashboard:"
                        + " https://console.aws.amazon.com/cloudwatch/home#dashboards:name=DataPipelineMonitoring");
        assertThat(descriptions.get("PipelineUnhealthyAlarm-" + ORDERS))
                .contains(" Runbook: https://github.com/example/pipelines/blob/main/docs/runbook.md"
                        + "#PipelineUnhealthyAlarm Dashboard: ");
        assertThat(TestStacks.synthesize(Map.of())
                        .template()
                        .findResources(
                                "AWS::CloudWatch::Alarm",
                                Map.of("Properties", Map.of("AlarmName", "GlueJobRunFailedAlarm")))
                        .toString())
                .contains("Runbook: docs/runbook.md#GlueJobRunFailedAlarm Dashboard: ");
    }

    @Test
    void aLongDescriptionIsCutSoThatTheLinksStay() {
        AlarmLinks links = new AlarmLinks(
                "https://wiki.example.com/" + "x".repeat(180), Optional.of("ap-southeast-4"), "d".repeat(255));
        String described = links.describe("signal, ".repeat(400), "PipelineUnhealthyAlarm");

        assertThat(described).hasSize(AlarmLinks.DESCRIPTION_LIMIT);
        assertThat(described)
                .contains("signal,... Runbook: https://wiki.example.com/")
                .endsWith("#PipelineUnhealthyAlarm Dashboard: https://console.aws.amazon.com/cloudwatch/home?region="
                        + "ap-southeast-4#dashboards:name=" + "d".repeat(255));
    }

    @Test
    void theRunbookHasASectionForEveryPipelineAlarmKind() throws IOException {
        String runbook = Files.readString(Path.of(ResponseConfiguration.DEFAULT_RUNBOOK));
        assertThat(Arrays.stream(AlarmKind.values())
                        .filter(kind -> kind.role() == AlarmKind.Role.PIPELINE_SIGNAL
                                || kind.role() == AlarmKind.Role.PIPELINE_PAGE)
                        .map(AlarmKind::baseName))
                .allSatisfy(name -> assertThat(runbook).contains("<a id=\"" + name + "\"></a>"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"code\": \"retry\"}|code: retry",
                "{\"flaky\": \"restart-job\"}|flaky: restart-job",
                "{\"data\": \"start-validation-job\"}|data: start-validation-job",
                "restart everything|restart everything"
            })
    void aBadGlobalClassActionStopsSynthWithOneLine(String value, String shown) {
        assertThatThrownBy(() -> SettingsReader.read(Map.of("errorClassActions", value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("context key 'errorClassActions' is '" + shown + "'; allowed: a JSON object of error class"
                        + " (transient, resources, permissions, code, data, unknown) to restart-job, notify-only or"
                        + " pause-trigger, e.g. {\"resources\": \"pause-trigger\"}");
    }

    @Test
    void badPipelineOptionsNameThePipelineAndTheField() {
        assertThatThrownBy(() -> SettingsReader.read(
                        Map.of("monitoredJobs", "[{\"jobName\": \"orders-etl\", \"runbookUrl\": \"wiki/orders\"}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("context key 'monitoredJobs[orders-etl].runbookUrl' is 'wiki/orders'; allowed: an http(s)"
                        + " address of at most 200 characters without spaces");
        assertThatThrownBy(() -> SettingsReader.read(Map.of(
                        "monitoredJobs",
                        "[{\"jobName\": \"orders-etl\", \"errorClassActions\": {\"data\": \"page\"}}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("context key 'monitoredJobs[orders-etl].errorClassActions' is 'data: page';");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("runbookUrl", "ftp://example.com/runbook")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("context key 'runbookUrl' is 'ftp://example.com/runbook'; allowed: an http(s)");
    }

    @Test
    void badPipelinesFileOptionsNameTheFileTheEntryAndTheField() throws IOException {
        Path file = dir.resolve("pipelines.json");
        Files.writeString(
                file, "{\"pipelines\": [\"a\", {\"jobName\": \"b\", \"validationJob\": \"not a job name\"}]}");

        assertThatThrownBy(() -> SettingsReader.read(Map.of("pipelinesFile", file.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("pipelines file " + file + ", entry 2 (b), field 'validationJob' is 'not a job name';"
                        + " allowed: a Glue job name of 1-255 letters, digits, '.', '-' or '_'");
    }
}
