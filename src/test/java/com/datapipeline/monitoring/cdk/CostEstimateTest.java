package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate;
import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate.Item;
import com.datapipeline.monitoring.cdk.cost.PipelineCost;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostEstimateTest {

    private static MonthlyCostEstimate.Inputs inputs(int alarms, int anomaly, int composite, int pipelines) {
        return new MonthlyCostEstimate.Inputs(
                alarms, anomaly, composite, 5 * pipelines, 5 * pipelines, 1, pipelines, 512, 512, 1, 0, 30);
    }

    private static double usd(MonthlyCostEstimate estimate, String what) {
        return estimate.items().stream()
                .filter(item -> item.what().startsWith(what))
                .mapToDouble(Item::monthlyUsd)
                .sum();
    }

    @Test
    void alarmsMetricsAndDashboardUseTheReferencePrices() {
        MonthlyCostEstimate estimate = MonthlyCostEstimate.of(inputs(10, 2, 1, 1));
        assertThat(usd(estimate, "Standard alarms")).isCloseTo(1.00, within(1e-9));
        assertThat(usd(estimate, "Anomaly-detection alarms")).isCloseTo(0.60, within(1e-9));
        assertThat(usd(estimate, "Composite alarms")).isCloseTo(0.50, within(1e-9));
        assertThat(usd(estimate, "Custom metrics")).isCloseTo(1.50, within(1e-9));
        assertThat(usd(estimate, "Dashboards")).isCloseTo(3.00, within(1e-9));
        assertThat(usd(estimate, "KMS keys")).isCloseTo(1.00, within(1e-9));
    }

    @Test
    void lambdaCostFollowsTheFiveMinuteScheduleAndMemory() {
        MonthlyCostEstimate estimate = MonthlyCostEstimate.of(inputs(10, 0, 0, 1));
        // 8,760 scheduled runs x 1.0 s x 0.5 GB + 60 responses x 1.0 s x 0.5 GB
        double gbSeconds = 8_760 * 1.0 * 0.5 + 60 * 1.0 * 0.5;
        assertThat(usd(estimate, "Lambda compute")).isCloseTo(gbSeconds * 0.0000166667, within(1e-9));
        assertThat(usd(estimate, "Lambda requests")).isCloseTo(8_820 / 1e6 * 0.20, within(1e-12));
    }

    @Test
    void itemsWithNothingToBillAreLeftOutAndTheTotalAddsUp() {
        MonthlyCostEstimate estimate = MonthlyCostEstimate.of(inputs(10, 0, 0, 3));
        assertThat(estimate.items())
                .extracting(Item::what)
                .doesNotContain("Anomaly-detection alarms", "Composite alarms");
        assertThat(estimate.totalUsd())
                .isCloseTo(
                        estimate.items().stream().mapToDouble(Item::monthlyUsd).sum(), within(1e-12));
        assertThat(estimate.table())
                .contains("Total")
                .contains(String.format(java.util.Locale.ROOT, "%.2f", estimate.totalUsd()));
    }

    @Test
    void stackCountsWhatItDeploys() {
        MonthlyCostEstimate single = TestStacks.synthesize(Map.of()).stack().costEstimate();
        MonthlyCostEstimate ten = TestStacks.synthesize(Map.of("monitoredJobs", "j1,j2,j3,j4,j5,j6,j7,j8,j9,j10"))
                .stack()
                .costEstimate();
        assertThat(single.items())
                .filteredOn(i -> i.what().equals("Standard alarms"))
                .singleElement()
                .extracting(Item::quantity)
                .isEqualTo(25.0);
        // Per job: nine signals; shared: thirteen health alarms (with the Glue run quota's, capacityAlarms=quota), one
        // of them watching four metrics (CloudWatch bills each metric of a metric-math alarm).
        assertThat(ten.items())
                .filteredOn(i -> i.what().equals("Standard alarms"))
                .singleElement()
                .extracting(Item::quantity)
                .isEqualTo(106.0);
        assertThat(ten.items())
                .filteredOn(i -> i.what().startsWith("Custom metrics"))
                .singleElement()
                .extracting(Item::quantity)
                .isEqualTo(60.0);
        assertThat(ten.totalUsd()).isGreaterThan(single.totalUsd());
    }

    @Test
    void simulateModePublishesTheLabsFourMetricsAndCollectionErrors() {
        MonthlyCostEstimate simulated = TestStacks.synthesize(Map.of("metricsSource", "simulate"))
                .stack()
                .costEstimate();
        assertThat(simulated.items())
                .filteredOn(i -> i.what().startsWith("Custom metrics"))
                .singleElement()
                .extracting(Item::quantity)
                .isEqualTo(5.0);
    }

    @Test
    void costPerAddedPipelineIsTheDifferenceTheStackTotalShows() {
        MonitoringStack nine = TestStacks.synthesize(Map.of("monitoredJobs", "j1,j2,j3,j4,j5,j6,j7,j8,j9"))
                .stack();
        MonitoringStack ten = TestStacks.synthesize(Map.of("monitoredJobs", "j1,j2,j3,j4,j5,j6,j7,j8,j9,j10"))
                .stack();
        PipelineCost added = ten.addedPipelineCost();
        double glueMetrics = com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet.GLUE_METRICS_PER_JOB * 0.30;
        double lambdaAndLogs = usd(ten.costEstimate(), "Lambda")
                + usd(ten.costEstimate(), "Log")
                - usd(nine.costEstimate(), "Lambda")
                - usd(nine.costEstimate(), "Log");
        assertThat(ten.costEstimate().totalUsd() - nine.costEstimate().totalUsd())
                .isCloseTo(added.addedUsd() + glueMetrics + lambdaAndLogs, within(1e-9));
        // Every signal of the pipeline is a row, and the page is priced once.
        assertThat(added.modes())
                .hasSize(ten.alarmNames().stream()
                                .filter(name -> name.endsWith("-j10"))
                                .toList()
                                .size()
                        - 1);
        assertThat(added.pagesUsd()).isCloseTo(0.50, within(1e-9));
        assertThat(added.table())
                .contains("GlueJobRunFailedAlarm-j10")
                .contains("FailedRuns (event metric")
                .contains("per added pipeline");
    }
}
