package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.CustomMetric;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * What every stage the metrics function polls (a workflow, triggers) must synthesize to, for pipeline billing-etl
 * beside orders-etl: under a composite page one child alarm on the stage's 0-or-1 metric and one more custom metric;
 * under a one-alarm page a bit of that page, no alarm and no metric.
 */
final class StagePollAssertions {
    static final String PIPELINE = "billing-etl";

    private StagePollAssertions() {}

    /**
     * The three stacks a stage's tests compare: billing-etl (entry {@code billingEtl}, declaring the stage) beside
     * orders-etl, as one-alarm pages (no detailedMetrics) and as composite pages, and both without the stage.
     */
    record Stacks(TestStacks.Synthesized oneAlarm, TestStacks.Synthesized composite, TestStacks.Synthesized none) {
        static Stacks synthesize(String billingEtl) {
            String jobs = "[\"orders-etl\", " + billingEtl + "]";
            return new Stacks(
                    TestStacks.synthesize(Map.of("monitoredJobs", jobs)),
                    TestStacks.synthesize(Map.of("monitoredJobs", jobs, "detailedMetrics", true)),
                    TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl," + PIPELINE, "detailedMetrics", true)));
        }
    }

    /** The stack's IAM policies as text, to look for an action or a resource. */
    static String policies(Template template) {
        return String.valueOf(template.findResources("AWS::IAM::Policy"))
                + template.findResources("AWS::IAM::ManagedPolicy");
    }

    /** {@code composite} declares the stage for billing-etl, {@code none} the same pipelines without it. */
    static void oneChildAlarmAndOneMetric(
            TestStacks.Synthesized composite, TestStacks.Synthesized none, String alarm, CustomMetric metric) {
        composite
                .template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                alarm + "-" + PIPELINE,
                                "MetricName",
                                metric.metricName(),
                                "Namespace",
                                CustomMetric.NAMESPACE,
                                "Dimensions",
                                List.of(Map.of("Name", "Pipeline", "Value", PIPELINE)),
                                "Statistic",
                                "Maximum",
                                "ComparisonOperator",
                                "GreaterThanThreshold",
                                "Threshold",
                                0)));
        Capture rule = new Capture();
        composite
                .template()
                .hasResourceProperties(
                        "AWS::CloudWatch::CompositeAlarm",
                        Match.objectLike(Map.of("AlarmName", "PipelineUnhealthyAlarm-" + PIPELINE, "AlarmRule", rule)));
        assertThat(String.valueOf(rule.asObject())).contains("MonitoringbillingetlStages" + metric.metricName());
        assertThat(MonthlyBudgetTest.alarmNames(composite.template()))
                .filteredOn(name -> name.startsWith(alarm))
                .containsExactly(alarm + "-" + PIPELINE);
        assertThat(MonthlyBudgetTest.alarmNames(composite.template()))
                .hasSize(MonthlyBudgetTest.alarmNames(none.template()).size() + 1);
        assertThat(CostPerRunTest.customMetrics(composite) - CostPerRunTest.customMetrics(none))
                .isEqualTo(1.0);
    }

    /** {@code oneAlarm} declares the stage for billing-etl, and no pipeline has detailed metrics. */
    static void aBitOfThePageNotAnAlarmNorAMetric(TestStacks.Synthesized oneAlarm, String alarm, BreachBit bit) {
        assertThat(MonthlyBudgetTest.alarmNames(oneAlarm.template())).noneMatch(name -> name.startsWith(alarm));
        String described = bit.value() + " " + bit.mode() + " \\[" + alarm + "\\]";
        oneAlarm.template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "PipelineUnhealthyAlarm-" + PIPELINE,
                                "AlarmDescription",
                                Match.stringLikeRegexp(".*" + described + ".*"))));
        TestStacks.Synthesized oneAlarmWithout =
                TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl," + PIPELINE));
        assertThat(CostPerRunTest.customMetrics(oneAlarm)).isEqualTo(CostPerRunTest.customMetrics(oneAlarmWithout));
    }
}
