package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import com.datapipeline.monitoring.metrics.WorkflowWatch;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        // billing-etl declares a workflow, orders-etl none.
        StagePollAssertions.Stacks stacks = StagePollAssertions.Stacks.synthesize(staged("billing-etl"));
        oneAlarm = stacks.oneAlarm();
        composite = stacks.composite();
        none = stacks.none();
    }

    @Test
    void theFunctionIsToldTheWorkflowAndTheStuckRunMinutesOfThatPipelineAlone() {
        Map<String, MetricsConfig.PipelineConfig> pipelines = MonthlyBudgetTest.deployed(composite);
        assertThat(pipelines.get("billing-etl").workflow())
                .isEqualTo(new WorkflowWatch("billing-etl-nightly", Duration.ofMinutes(90)));
        assertThat(pipelines.get("orders-etl").workflow()).isNull();
        assertThat(MonthlyBudgetTest.deployed(none).values())
                .allSatisfy(p -> assertThat(p.workflow()).isNull());
    }

    @Test
    void theFunctionMayReadTheRunsOfTheDeclaredWorkflowOnly() {
        assertThat(StagePollAssertions.policies(composite.template()))
                .contains("ReadDeclaredWorkflowRuns", "glue:GetWorkflowRuns", ":workflow/billing-etl-nightly")
                .doesNotContain(":workflow/*", ":workflow/orders");
        assertThat(StagePollAssertions.policies(none.template())).doesNotContain("GetWorkflowRuns", ":workflow/");
    }

    @Test
    void aCompositePipelinesWorkflowIsAChildAlarmOnWorkflowRunFailedAndCostsOneMetric() {
        StagePollAssertions.oneChildAlarmAndOneMetric(composite, none, ALARM, CustomMetric.WORKFLOW_RUN_FAILED);
    }

    @Test
    void aOneAlarmPipelinesWorkflowIsABitOfItsPageNotAnAlarmNorAMetric() {
        Map<String, MetricsConfig.PipelineConfig> pipelines = MonthlyBudgetTest.deployed(oneAlarm);
        assertThat(pipelines.get("billing-etl").breachThresholds().orElseThrow().workflowRunFailed())
                .isEqualTo(OptionalDouble.of(0));
        assertThat(pipelines.get("billing-etl").detailedMetrics()).isFalse();
        assertThat(pipelines.get("orders-etl").breachThresholds().orElseThrow().workflowRunFailed())
                .isEmpty();
        StagePollAssertions.aBitOfThePageNotAnAlarmNorAMetric(oneAlarm, ALARM, BreachBit.WORKFLOW_RUN_FAILED);
    }
}
