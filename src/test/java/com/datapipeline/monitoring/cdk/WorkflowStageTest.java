package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import com.datapipeline.monitoring.metrics.WorkflowWatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A workflow stage: the metrics function polls the declared workflow's runs (told its name and the pipeline's
 * stuck-run minutes, allowed GetWorkflowRuns on that workflow only) and WorkflowRunFailed pages as a bit of a
 * one-alarm page or a child alarm of a composite page. Without a workflow stage nothing of it exists.
 */
class WorkflowStageTest {
    private static final String ALARM = "GlueWorkflowRunFailedAlarm";
    private static TestStacks.Synthesized oneAlarm;
    private static TestStacks.Synthesized composite;
    private static TestStacks.Synthesized none;

    private static String staged(String job) {
        return "{\"jobName\": \"%s\", \"stuckRunMinutes\": 90, \"stages\": [{\"workflow\": \"%s-nightly\"}, {\"job\": \"%s\"}]}"
                .formatted(job, job, job);
    }

    @BeforeAll
    static void synthesize() {
        // billing-etl declares a workflow, orders-etl none; their pages are one alarm each (no detailedMetrics).
        oneAlarm = TestStacks.synthesize(Map.of("monitoredJobs", "[\"orders-etl\", " + staged("billing-etl") + "]"));
        composite = TestStacks.synthesize(
                Map.of("monitoredJobs", "[\"orders-etl\", " + staged("billing-etl") + "]", "detailedMetrics", true));
        none = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl,billing-etl", "detailedMetrics", true));
    }

    private static Map<String, MetricsConfig.PipelineConfig> deployed(TestStacks.Synthesized synthesized) {
        return MonthlyBudgetTest.deployed(synthesized);
    }

    private static List<String> alarmNames(Template template) {
        return MonthlyBudgetTest.alarmNames(template);
    }

    private static String policies(Template template) {
        return String.valueOf(template.findResources("AWS::IAM::Policy"))
                + template.findResources("AWS::IAM::ManagedPolicy");
    }

    @Test
    void theFunctionIsToldTheWorkflowAndTheStuckRunMinutesOfThatPipelineAlone() {
        Map<String, MetricsConfig.PipelineConfig> pipelines = deployed(composite);
        assertThat(pipelines.get("billing-etl").workflow())
                .isEqualTo(new WorkflowWatch("billing-etl-nightly", Duration.ofMinutes(90)));
        assertThat(pipelines.get("orders-etl").workflow()).isNull();
        assertThat(deployed(none).values())
                .allSatisfy(p -> assertThat(p.workflow()).isNull());
    }

    @Test
    void theFunctionMayReadTheRunsOfTheDeclaredWorkflowOnly() {
        assertThat(policies(composite.template()))
                .contains("ReadDeclaredWorkflowRuns", "glue:GetWorkflowRuns", ":workflow/billing-etl-nightly")
                .doesNotContain(":workflow/*", ":workflow/orders");
        assertThat(policies(none.template())).doesNotContain("GetWorkflowRuns", ":workflow/");
    }

    @Test
    void aCompositePipelinesWorkflowIsAChildAlarmOnWorkflowRunFailedAndCostsOneMetric() {
        composite
                .template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                ALARM + "-billing-etl",
                                "MetricName",
                                CustomMetric.WORKFLOW_RUN_FAILED.metricName(),
                                "Namespace",
                                CustomMetric.NAMESPACE,
                                "Dimensions",
                                List.of(Map.of("Name", "Pipeline", "Value", "billing-etl")),
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
                        Match.objectLike(Map.of("AlarmName", "PipelineUnhealthyAlarm-billing-etl", "AlarmRule", rule)));
        assertThat(String.valueOf(rule.asObject())).contains("MonitoringbillingetlStagesWorkflowRunFailed");
        assertThat(alarmNames(composite.template()))
                .filteredOn(name -> name.startsWith(ALARM))
                .containsExactly(ALARM + "-billing-etl");
        assertThat(alarmNames(composite.template()))
                .hasSize(alarmNames(none.template()).size() + 1);
        assertThat(CostPerRunTest.customMetrics(composite) - CostPerRunTest.customMetrics(none))
                .isEqualTo(1.0);
    }

    @Test
    void aOneAlarmPipelinesWorkflowIsABitOfItsPageNotAnAlarmNorAMetric() {
        Map<String, MetricsConfig.PipelineConfig> pipelines = deployed(oneAlarm);
        assertThat(pipelines.get("billing-etl").breachThresholds().orElseThrow().workflowRunFailed())
                .isEqualTo(OptionalDouble.of(0));
        assertThat(pipelines.get("billing-etl").detailedMetrics()).isFalse();
        assertThat(pipelines.get("orders-etl").breachThresholds().orElseThrow().workflowRunFailed())
                .isEmpty();
        assertThat(alarmNames(oneAlarm.template())).noneMatch(name -> name.startsWith(ALARM));
        String bit = BreachBit.WORKFLOW_RUN_FAILED.value() + " " + BreachBit.WORKFLOW_RUN_FAILED.mode() + " \\[" + ALARM
                + "\\]";
        oneAlarm.template()
                .hasResourceProperties(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "AlarmName",
                                "PipelineUnhealthyAlarm-billing-etl",
                                "AlarmDescription",
                                Match.stringLikeRegexp(".*" + bit + ".*"))));
        TestStacks.Synthesized oneAlarmWithout =
                TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl,billing-etl"));
        assertThat(CostPerRunTest.customMetrics(oneAlarm)).isEqualTo(CostPerRunTest.customMetrics(oneAlarmWithout));
    }
}
