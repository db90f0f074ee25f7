package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The costPerRun switch: the metrics function is given the price per DPU-hour only when it is on. */
class CostPerRunTest {

    private static MetricsConfig deployed(TestStacks.Synthesized synthesized) {
        return MetricsConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                synthesized, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
    }

    /** The custom metrics the cost estimate counts for a synthesized stack. */
    static double customMetrics(TestStacks.Synthesized synthesized) {
        return synthesized.stack().costEstimate().items().stream()
                .filter(item -> item.what().startsWith("Custom metrics"))
                .mapToDouble(MonthlyCostEstimate.Item::quantity)
                .sum();
    }

    @Test
    void onEveryGluePipelineGetsThePricePerDpuHourAndTwoMoreCustomMetrics() {
        TestStacks.Synthesized on = TestStacks.synthesize(
                Map.of("monitoredJobs", "orders-etl,billing-etl", "costPerRun", true, "gluePricePerDpuHour", 0.29));
        TestStacks.Synthesized off = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl,billing-etl"));

        assertThat(deployed(on).pipelines())
                .hasSize(2)
                .extracting(MetricsConfig.PipelineConfig::pricePerDpuHour)
                .containsOnly(0.29);
        assertThat(deployed(off).pipelines())
                .extracting(MetricsConfig.PipelineConfig::pricePerDpuHour)
                .containsOnlyNulls();
        assertThat(customMetrics(on) - customMetrics(off)).isEqualTo(2.0 * 2);
    }

    @Test
    void theDefaultPriceIsGluesPerDpuHourPrice() {
        TestStacks.Synthesized on = TestStacks.synthesize(Map.of("costPerRun", true));
        assertThat(deployed(on).pipelines())
                .extracting(MetricsConfig.PipelineConfig::pricePerDpuHour)
                .containsOnly(0.44);
    }

    @Test
    void theSimulatedLabPublishesNoCost() {
        TestStacks.Synthesized simulated =
                TestStacks.synthesize(Map.of("costPerRun", true, "metricsSource", "simulate"));
        assertThat(deployed(simulated).pipelines())
                .extracting(MetricsConfig.PipelineConfig::pricePerDpuHour)
                .containsOnlyNulls();
    }
}
