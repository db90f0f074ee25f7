package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trigger stages: the metrics function reads the declared triggers (told their names, allowed GetTrigger on those
 * triggers only) and TriggerDeactivated pages as a bit of a one-alarm page or a child alarm of a composite page.
 * Without a trigger stage nothing of it exists.
 */
class TriggerStageTest {
    private static final String ALARM = "GlueTriggerDeactivatedAlarm";
    private static TestStacks.Synthesized oneAlarm;
    private static TestStacks.Synthesized composite;
    private static TestStacks.Synthesized none;

    private static String staged(String job) {
        return ("{\"jobName\": \"%s\", \"stages\": [{\"trigger\": \"%s-nightly\"}, {\"trigger\": \"%s-retry\"},"
                        + " {\"job\": \"%s\"}]}")
                .formatted(job, job, job, job);
    }

    @BeforeAll
    static void synthesize() {
        // billing-etl declares two triggers, orders-etl none.
        StagePollAssertions.Stacks stacks = StagePollAssertions.Stacks.synthesize(staged("billing-etl"));
        oneAlarm = stacks.oneAlarm();
        composite = stacks.composite();
        none = stacks.none();
    }

    @Test
    void theFunctionIsToldTheTriggersOfThatPipelineAlone() {
        Map<String, MetricsConfig.PipelineConfig> pipelines = MonthlyBudgetTest.deployed(composite);
        assertThat(pipelines.get("billing-etl").triggers()).containsExactly("billing-etl-nightly", "billing-etl-retry");
        assertThat(pipelines.get("orders-etl").triggers()).isEmpty();
        assertThat(MonthlyBudgetTest.deployed(none).values())
                .allSatisfy(p -> assertThat(p.triggers()).isEmpty());
    }

    @Test
    void theFunctionMayReadTheDeclaredTriggersOnly() {
        assertThat(StagePollAssertions.policies(composite.template()))
                .contains("ReadDeclaredTriggers", ":trigger/billing-etl-nightly", ":trigger/billing-etl-retry")
                .containsPattern("glue:GetTrigger[^s]");
        assertThat(StagePollAssertions.policies(none.template()))
                .doesNotContain("ReadDeclaredTriggers")
                .doesNotContainPattern("glue:GetTrigger[^s]");
    }

    @Test
    void aCompositePipelinesTriggersAreOneChildAlarmOnTriggerDeactivatedAndCostOneMetric() {
        StagePollAssertions.oneChildAlarmAndOneMetric(composite, none, ALARM, CustomMetric.TRIGGER_DEACTIVATED);
    }

    @Test
    void aOneAlarmPipelinesTriggersAreABitOfItsPageNotAnAlarmNorAMetric() {
        Map<String, MetricsConfig.PipelineConfig> pipelines = MonthlyBudgetTest.deployed(oneAlarm);
        assertThat(pipelines.get("billing-etl").breachThresholds().orElseThrow().triggerDeactivated())
                .isEqualTo(OptionalDouble.of(0));
        assertThat(pipelines.get("billing-etl").detailedMetrics()).isFalse();
        assertThat(pipelines.get("orders-etl").breachThresholds().orElseThrow().triggerDeactivated())
                .isEmpty();
        StagePollAssertions.aBitOfThePageNotAnAlarmNorAMetric(oneAlarm, ALARM, BreachBit.TRIGGER_DEACTIVATED);
    }
}
