package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.MuteWindow;
import com.datapipeline.monitoring.cdk.context.SettingsReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Template;

/** Mute windows: configuration, validation, and the mute rules over the pipelines' pages (never the health page). */
class MuteWindowsTest {
    private static final String MUTE_RULE = "AWS::CloudWatch::AlarmMuteRule";
    private static Template perPipeline;
    private static Template global;

    @BeforeAll
    static void synthesize() {
        perPipeline = TestStacks.synthesize(Map.of(
                        "severityTopics",
                        true,
                        "monitoredJobs",
                        "[\"orders-etl\","
                                + " {\"jobName\": \"billing-etl\", \"muteWindows\": [{\"schedule\": \"cron(0 2 * * SUN)\","
                                + " \"duration\": \"PT4H\", \"timeZone\": \"Europe/Berlin\"}, {\"schedule\": \"at(2026-12-24T18:00)\","
                                + " \"duration\": \"P2DT12H\"}]}]"))
                .template();
        global = TestStacks.synthesize(Map.of(
                        "monitoredJobs",
                        "[\"orders-etl\", {\"jobName\": \"billing-etl\"," + " \"muteWindows\": null}]",
                        "muteWindows",
                        "[{\"schedule\": \"cron(30 1 * * *)\", \"duration\": \"PT1H\"}]"))
                .template();
    }

    @Test
    void noMuteRuleByDefault() {
        TestStacks.synthesize(Map.of()).template().resourceCountIs(MUTE_RULE, 0);
    }

    @Test
    void aPipelinesWindowsMuteItsPagesOnly() {
        perPipeline.resourceCountIs(MUTE_RULE, 2);
        List<Map<String, Object>> rules = properties(perPipeline);
        assertThat(rules)
                .extracting(rule -> schedule(rule).get("Expression"))
                .containsExactlyInAnyOrder("cron(0 2 * * SUN)", "at(2026-12-24T18:00)");
        Map<String, Object> weekly = rules.stream()
                .filter(rule -> "PT4H".equals(schedule(rule).get("Duration")))
                .findFirst()
                .orElseThrow();
        assertThat(schedule(weekly)).containsEntry("Timezone", "Europe/Berlin");
        for (Map<String, Object> rule : rules) {
            // Both of billing-etl's pages (severity topics: critical and warning), nothing else.
            assertThat(targets(rule))
                    .containsExactlyInAnyOrder(
                            "PipelineUnhealthyAlarm-billing-etl", "PipelineDegradedAlarm-billing-etl");
        }
        assertThat(rules).anySatisfy(rule -> assertThat(schedule(rule)).containsEntry("Timezone", "UTC"));
    }

    @Test
    void theGlobalWindowMutesEveryPipelineThatDoesNotTurnItOff() {
        List<Map<String, Object>> rules = properties(global);
        assertThat(rules).hasSize(1);
        assertThat(targets(rules.get(0))).containsExactly("PipelineUnhealthyAlarm-orders-etl");
        assertThat(schedule(rules.get(0)))
                .containsEntry("Expression", "cron(30 1 * * *)")
                .containsEntry("Duration", "PT1H");
    }

    @Test
    void theAlertPathsHealthIsNeverMuted() {
        for (Template template : List.of(perPipeline, global)) {
            assertThat(properties(template))
                    .allSatisfy(rule -> assertThat(targets(rule))
                            .allSatisfy(name ->
                                    assertThat(name).startsWith("Pipeline").doesNotContain("Health")));
        }
    }

    @Test
    void aMuteRuleWaitsForThePagesItNames() {
        Map<String, Map<String, Object>> resources = perPipeline.findResources(MUTE_RULE);
        // A page is a composite, or for a pipeline without detailed metrics one metric-math alarm.
        Map<String, Map<String, Object>> pages =
                new java.util.HashMap<>(perPipeline.findResources("AWS::CloudWatch::CompositeAlarm"));
        perPipeline.findResources("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
            String name = String.valueOf(((Map<?, ?>) alarm.get("Properties")).get("AlarmName"));
            if (name.startsWith("PipelineUnhealthyAlarm") || name.startsWith("PipelineDegradedAlarm")) {
                pages.put(id, alarm);
            }
        });
        resources
                .values()
                .forEach(rule -> assertThat((List<?>) rule.get("DependsOn"))
                        .anySatisfy(id -> assertThat(pages).containsKey(String.valueOf(id))));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "[{\"schedule\": \"cron(0 2 * * ? *)\", \"duration\": \"PT1H\"}]|cron(0 2 * * ? *)|cron(minute hour",
                "[{\"schedule\": \"rate(1 day)\", \"duration\": \"PT1H\"}]|rate(1 day)|cron(minute hour",
                "[{\"schedule\": \"at(2026-02-30T10:00)\", \"duration\": \"PT1H\"}]|at(2026-02-30T10:00)|at(yyyy-mm-ddThh:mm)",
                "[{\"schedule\": \"cron(0 2 * * *)\", \"duration\": \"P16D\"}]|P16D|PT1M to P15D",
                "[{\"schedule\": \"cron(0 2 * * *)\", \"duration\": \"PT30S\"}]|PT30S|PT1M to P15D",
                "[{\"schedule\": \"cron(0 2 * * *)\", \"duration\": \"4 hours\"}]|4 hours|ISO 8601",
                "[{\"schedule\": \"cron(0 2 * * *)\", \"duration\": \"PT1H\", \"timeZone\": \"CEST\"}]|CEST|IANA time zone",
                "[{\"schedule\": \"cron(0 2 * * *)\", \"duration\": \"PT1H\", \"zone\": \"UTC\"}]|zone=UTC|only the fields",
                "not json|not json|a JSON list",
            })
    void aBadWindowStopsSynthWithOneLine(String value, String shown, String allowed) {
        assertThatThrownBy(() -> SettingsReader.read(Map.of("muteWindows", value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("context key 'muteWindows' is '")
                .hasMessageContaining(shown)
                .hasMessageContaining(allowed)
                .hasMessageNotContaining("\n");
    }

    @Test
    void aBadWindowOfAPipelineNamesThePipeline() {
        assertThatThrownBy(
                        () -> SettingsReader.read(
                                Map.of(
                                        "monitoredJobs",
                                        "[{\"jobName\": \"orders-etl\","
                                                + " \"muteWindows\": [{\"schedule\": \"cron(0 2 * * *)\", \"duration\": \"PT99999H\"}]}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("context key 'monitoredJobs[orders-etl].muteWindows' is 'PT99999H'; allowed: a duration in"
                        + " ISO 8601 from PT1M to P15D, e.g. PT4H or P2DT12H");
    }

    @Test
    void aWindowReadsAsCloudWatchTakesIt() {
        assertThat(MuteWindow.read(
                        List.of(Map.of(
                                "schedule", "at(2026-12-24T18:00)", "duration", "P7D", "timeZone", "Asia/Tokyo")),
                        (value, allowed) -> new ConfigurationException(value)))
                .containsExactly(new MuteWindow("at(2026-12-24T18:00)", "P7D", "Asia/Tokyo"));
        assertThat(new MuteWindow("at(2026-12-24T18:00)", "P7D", "UTC").oneOff())
                .isTrue();
    }

    @Test
    void theSummaryShowsEachPipelinesWindows() {
        assertThat(DeploymentSummary.muteWindows(SettingsReader.read(Map.of(
                        "monitoredJobs",
                        "orders-etl,billing-etl",
                        "muteWindows",
                        "[{\"schedule\": \"cron(0 2 * * SUN)\", \"duration\": \"PT4H\", \"timeZone\":"
                                + " \"Europe/Berlin\"}]"))))
                .containsExactly(
                        "orders-etl: cron(0 2 * * SUN) for PT4H (Europe/Berlin)",
                        "billing-etl: cron(0 2 * * SUN) for PT4H (Europe/Berlin)");
        assertThat(DeploymentSummary.muteWindows(SettingsReader.read(Map.of()))).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> properties(Template template) {
        return template.findResources(MUTE_RULE).values().stream()
                .map(resource -> (Map<String, Object>) resource.get("Properties"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schedule(Map<String, Object> rule) {
        return (Map<String, Object>) ((Map<String, Object>) rule.get("Rule")).get("Schedule");
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> rule) {
        return (List<String>) ((Map<String, Object>) rule.get("MuteTargets")).get("AlarmNames");
    }
}
