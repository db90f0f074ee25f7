package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.context.SettingsReader;
import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * monthlyBudgetUsd: per pipeline (or for all), an over-budget warning on the month's projected cost of its runs; a bit
 * of a one-alarm page, a child alarm of a composite page. Without a budget nothing of it exists.
 */
class MonthlyBudgetTest {
    private static final String ALARM = "PipelineOverBudgetAlarm";
    private static TestStacks.Synthesized oneAlarm;
    private static TestStacks.Synthesized composite;
    private static TestStacks.Synthesized none;

    @BeforeAll
    static void synthesize() {
        // billing-etl has a budget; orders-etl none. Their pages are one alarm each (no detailedMetrics).
        oneAlarm = TestStacks.synthesize(Map.of(
                "monitoredJobs",
                "[\"orders-etl\", {\"jobName\": \"billing-etl\", \"monthlyBudgetUsd\": 200}]",
                "severityTopics",
                true));
        // The global budget for every pipeline; the sample job's pages are composites.
        composite = TestStacks.synthesize(Map.of("monthlyBudgetUsd", 50, "severityTopics", true));
        none = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl,billing-etl"));
    }

    /** The metrics function's deployed configuration of each pipeline, by name (read with its own parser). */
    static Map<String, MetricsConfig.PipelineConfig> deployed(TestStacks.Synthesized synthesized) {
        Map<String, MetricsConfig.PipelineConfig> byName = new java.util.TreeMap<>();
        MetricsConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                        synthesized, "DataPipelineMetricsFunction", MonitoringFunction.METRICS))
                .pipelines()
                .forEach(pipeline -> byName.put(pipeline.name(), pipeline));
        return byName;
    }

    static List<String> alarmNames(Template template) {
        return template.findResources("AWS::CloudWatch::Alarm").values().stream()
                .map(resource -> String.valueOf(((Map<?, ?>) resource.get("Properties")).get("AlarmName")))
                .toList();
    }

    @Test
    void aBudgetTurnsCostCollectionOnForThatPipelineAloneWithoutCostPerRun() {
        Map<String, MetricsConfig.PipelineConfig> pipelines = deployed(oneAlarm);
        assertThat(pipelines.get("billing-etl").monthlyBudgetUsd()).isEqualTo(200.0);
        assertThat(pipelines.get("billing-etl").pricePerDpuHour()).isEqualTo(0.44);
        assertThat(pipelines.get("orders-etl").monthlyBudgetUsd()).isNull();
        assertThat(pipelines.get("orders-etl").pricePerDpuHour()).isNull();
        // Only the projection: the per-run metrics stay the costPerRun switch's.
        assertThat(pipelines.get("billing-etl").runCostMetrics()).isFalse();
        assertThat(CostPerRunTest.customMetrics(oneAlarm) - CostPerRunTest.customMetrics(none))
                .isEqualTo(1.0);
    }

    @Test
    void aOneAlarmPipelinesBudgetIsABitOfItsWarningPageNotAnAlarm() {
        MetricsConfig.PipelineConfig billing = deployed(oneAlarm).get("billing-etl");
        assertThat(billing.breachThresholds().orElseThrow().monthlyBudgetUsd()).isEqualTo(OptionalDouble.of(200));
        assertThat(deployed(oneAlarm)
                        .get("orders-etl")
                        .breachThresholds()
                        .orElseThrow()
                        .monthlyBudgetUsd())
                .isEmpty();
        assertThat(alarmNames(oneAlarm.template())).noneMatch(name -> name.startsWith(ALARM));
        String bit = BreachBit.OVER_BUDGET.value() + " " + BreachBit.OVER_BUDGET.mode() + " \\[" + ALARM + "\\]";
        oneAlarm.template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "PipelineDegradedAlarm-billing-etl",
                                "AlarmDescription",
                                Match.stringLikeRegexp(".*" + bit + ".*"))));
        oneAlarm.template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "PipelineDegradedAlarm-orders-etl",
                                "AlarmDescription",
                                Match.not(Match.stringLikeRegexp(".*over budget.*")))));
    }

    @Test
    void aCompositePipelinesBudgetIsAWarningChildAlarmOnTheProjection() {
        composite
                .template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                ALARM,
                                "MetricName",
                                "ProjectedMonthlyCostUsd",
                                "Namespace",
                                "DataPipelineMetrics",
                                "Statistic",
                                "Maximum",
                                "ComparisonOperator",
                                "GreaterThanThreshold",
                                "Threshold",
                                50)));
        composite
                .template()
                .hasResourceProperties(
                        "AWS::CloudWatch::CompositeAlarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "PipelineDegradedAlarm",
                                "AlarmDescription",
                                Match.stringLikeRegexp(".*signals fired first.*" + ALARM + ".*"))));
        composite
                .template()
                .hasResourceProperties(
                        "AWS::CloudWatch::CompositeAlarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "PipelineUnhealthyAlarm",
                                "AlarmDescription",
                                Match.not(Match.stringLikeRegexp(".*" + ALARM + ".*")))));
        assertThat(alarmNames(none.template())).noneMatch(name -> name.startsWith(ALARM));
    }

    @Test
    void theDashboardDrawsTheCostOfPricedPipelinesOnly() {
        String budgeted = dashboardBody(oneAlarm.template());
        assertThat(budgeted).contains("Run Cost (USD) - billing-etl").doesNotContain("Run Cost (USD) - orders-etl");
        assertThat(budgeted)
                .contains("ProjectedMonthlyCostUsd")
                .contains("Monthly budget (USD)")
                .doesNotContain("RunCostUsd");
        assertThat(dashboardBody(none.template())).doesNotContain("Run Cost (USD)");
        // A composite pipeline draws its alarm's threshold, the budget.
        assertThat(dashboardBody(composite.template()))
                .contains("Run Cost (USD)")
                .contains(ALARM);
    }

    private static String dashboardBody(Template template) {
        return template.findResources("AWS::CloudWatch::Dashboard").values().toString();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|context key 'monthlyBudgetUsd' is '0'; allowed: a number from 0.01 to 1000000",
                "-5|context key 'monthlyBudgetUsd' is '-5'; allowed: a number from 0.01",
                "lots|context key 'monthlyBudgetUsd' is 'lots'; allowed: a number from 0.01",
            })
    void aBadGlobalBudgetStopsSynthWithOneLine(String value, String message) {
        assertThatThrownBy(() -> SettingsReader.read(Map.of("monthlyBudgetUsd", value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|context key 'monitoredJobs[a].monthlyBudgetUsd' is '0'; allowed: a number from 0.01",
                "-1|context key 'monitoredJobs[a].monthlyBudgetUsd' is '-1'; allowed: a number from 0.01",
                "\"cheap\"|context key 'monitoredJobs[a].monthlyBudgetUsd' is 'cheap'; allowed: a number from 0.01",
            })
    void aBadBudgetOfAnEntryNamesTheEntry(String value, String message) {
        assertThatThrownBy(() -> SettingsReader.read(
                        Map.of("monitoredJobs", "[{\"jobName\": \"a\", \"monthlyBudgetUsd\": " + value + "}]")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(message)
                .hasMessageNotContaining("\n");
    }

    @Test
    void anEntrysNullBudgetOverridesTheGlobalOne() {
        var settings = SettingsReader.read(
                Map.of(
                        "monthlyBudgetUsd",
                        "75",
                        "monitoredJobs",
                        "[\"a\", {\"jobName\": \"b\", \"monthlyBudgetUsd\": null}, {\"jobName\": \"c\", \"monthlyBudgetUsd\": 9}]"));
        assertThat(settings.pipelines())
                .extracting(pipeline -> pipeline.monthlyBudgetUsd())
                .containsExactly(OptionalDouble.of(75), OptionalDouble.empty(), OptionalDouble.of(9));
    }
}
