package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate;
import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate.Item;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The estimate's counts are what the synthesized templates (the stack and its nested stacks) make AWS bill, in every
 * configuration the template checks cover: the default, all switches on, and many pipelines in nested stacks.
 */
class CostEstimateTemplateTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.datapipeline.monitoring.cdk.checks.CdkNagTest#configurations")
    @SuppressWarnings("unchecked")
    void estimateCountsWhatTheTemplatesContain(String name, Map<String, Object> context) throws Exception {
        SynthesizedApp app =
                SynthesizedApp.synthesize(context, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
        MonitoringStack stack = app.stack();
        Collection<Object> resources = ((Map<String, Object>) app.template().get("Resources")).values();

        int alarmMetrics = 0;
        int anomalyAlarms = 0;
        for (Object resource : resources) {
            Map<String, Object> r = (Map<String, Object>) resource;
            if (!"AWS::CloudWatch::Alarm".equals(r.get("Type"))) {
                continue;
            }
            Map<String, Object> properties = (Map<String, Object>) r.get("Properties");
            if (properties.containsKey("MetricName")) {
                alarmMetrics++;
                continue;
            }
            List<Map<String, Object>> queries = (List<Map<String, Object>>) properties.get("Metrics");
            if (queries.stream()
                    .anyMatch(q -> String.valueOf(q.get("Expression")).startsWith("ANOMALY_DETECTION_BAND"))) {
                anomalyAlarms++;
            } else {
                alarmMetrics += (int) queries.stream()
                        .filter(q -> q.containsKey("MetricStat"))
                        .count();
            }
        }
        MonthlyCostEstimate estimate = stack.costEstimate();
        assertThat(quantity(estimate, "Standard alarms")).as(name).isEqualTo(alarmMetrics);
        assertThat(quantity(estimate, "Anomaly-detection alarms")).as(name).isEqualTo(anomalyAlarms);
        assertThat(quantity(estimate, "Composite alarms"))
                .as(name)
                .isEqualTo(count(resources, "AWS::CloudWatch::CompositeAlarm"));
        assertThat(quantity(estimate, "Dashboards")).as(name).isEqualTo(count(resources, "AWS::CloudWatch::Dashboard"));
        assertThat(quantity(estimate, "KMS keys")).as(name).isEqualTo(count(resources, "AWS::KMS::Key"));
        assertThat(quantity(estimate, "Contributor Insights rules"))
                .as(name)
                .isEqualTo(count(resources, "AWS::CloudWatch::InsightRule"));
        // The custom metrics: what the metrics function's deployed configuration makes it publish, pipeline by
        // pipeline (read with the function's own parser).
        MetricsConfig config = MetricsConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                new TestStacks.Synthesized(stack, software.amazon.awscdk.assertions.Template.fromStack(stack)),
                stack.settings().prefix() + "DataPipelineMetricsFunction",
                MonitoringFunction.METRICS));
        int published = config.pipelines().stream()
                .mapToInt(pipeline -> (pipeline.breachThresholds().isPresent() ? 1 : 0)
                        + (!pipeline.detailedMetrics()
                                ? 0
                                : pipeline.source() == MetricsSource.SIMULATE
                                        ? 5
                                        : (pipeline.dataQualityRuleset() != null ? 7 : 6)
                                                // OutputAgeSeconds of a declared output
                                                + (pipeline.output() != null ? 1 : 0)
                                                // WorkflowRunFailed of a workflow stage
                                                + (pipeline.workflow() != null ? 1 : 0)
                                                // TriggerDeactivated of trigger stages
                                                + (pipeline.triggers().isEmpty() ? 0 : 1))
                        // DpuHours and RunCostUsd with costPerRun, whatever detailedMetrics says
                        + (pipeline.pricePerDpuHour() != null && pipeline.runCostMetrics() ? 2 : 0)
                        // ProjectedMonthlyCostUsd with a monthly budget
                        + (pipeline.monthlyBudgetUsd() != null ? 1 : 0))
                .sum();
        assertThat(quantity(estimate, "Custom metrics")).as(name).isEqualTo(published);
        // The scheduled runs: the template's one schedule, 730 hours a month.
        String rate = resources.stream()
                .map(r -> (Map<String, Object>) r)
                .filter(r -> "AWS::Events::Rule".equals(r.get("Type")))
                .map(r -> String.valueOf(((Map<String, Object>) r.get("Properties")).get("ScheduleExpression")))
                .filter(expression -> expression.startsWith("rate("))
                .findFirst()
                .orElseThrow();
        int minutes = Integer.parseInt(rate.replaceAll("\\D", ""));
        assertThat(MonthlyCostEstimate.SCHEDULED_INVOCATIONS).as(name).isEqualTo(730 * 60 / minutes);
        assertThat(quantity(estimate, "X-Ray"))
                .as(name)
                .isEqualTo(stack.settings().observability().tracing() ? quantity(estimate, "Lambda requests") : 0);
    }

    @SuppressWarnings("unchecked")
    private static int count(Collection<Object> resources, String type) {
        return (int) resources.stream()
                .filter(r -> type.equals(((Map<String, Object>) r).get("Type")))
                .count();
    }

    private static int quantity(MonthlyCostEstimate estimate, String what) {
        return (int) estimate.items().stream()
                .filter(item -> item.what().startsWith(what))
                .mapToDouble(Item::quantity)
                .sum();
    }
}
