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
                alarms, anomaly, composite, 5 * pipelines, 1, 1, pipelines, 512, 512, 1, 0, 30, false, false);
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
    void lambdaCostFollowsTheOneMinuteScheduleAndMemory() {
        MonthlyCostEstimate estimate = MonthlyCostEstimate.of(inputs(10, 0, 0, 1));
        // 43,800 scheduled runs (one a minute, 730 hours) x 1.0 s x 0.5 GB + 60 responses x 1.0 s x 0.5 GB
        assertThat(MonthlyCostEstimate.SCHEDULED_INVOCATIONS).isEqualTo(43_800);
        double gbSeconds = 43_800 * 1.0 * 0.5 + 60 * 1.0 * 0.5;
        assertThat(usd(estimate, "Lambda compute")).isCloseTo(gbSeconds * 0.0000166667, within(1e-9));
        assertThat(usd(estimate, "Lambda requests")).isCloseTo(43_860 / 1e6 * 0.20, within(1e-12));
    }

    @Test
    void tracingAndTheEventHistoryAreBilledWhenOn() {
        MonthlyCostEstimate off = MonthlyCostEstimate.of(inputs(10, 0, 0, 2));
        MonthlyCostEstimate on = MonthlyCostEstimate.of(
                new MonthlyCostEstimate.Inputs(10, 0, 0, 10, 1, 1, 2, 512, 512, 1, 0, 30, true, true));
        assertThat(usd(off, "X-Ray")).isZero();
        // Every scheduled run and notification is a trace: $5 per million.
        assertThat(usd(on, "X-Ray")).isCloseTo((43_800 + 120) / 1e6 * 5.00, within(1e-9));
        // Two Glue events an hour per pipeline, 1.2 KB each, at $0.50 per GB.
        assertThat(usd(on, "Log ingestion") - usd(off, "Log ingestion"))
                .isCloseTo(2 * 1_460 * 1_200 / (1024.0 * 1024 * 1024) * 0.50, within(1e-9));
    }

    @Test
    void theSampleJobsMetricsAreTheStacksBillAndAMonitoredJobsItsOwn() {
        MonthlyCostEstimate estimate = MonthlyCostEstimate.of(inputs(10, 0, 0, 3));
        assertThat(usd(estimate, "Glue job metrics of the sample job")).isCloseTo(12 * 0.30, within(1e-9));
        assertThat(estimate.jobsOwnBill())
                .singleElement()
                .satisfies(item -> assertThat(item.quantity()).isEqualTo(24.0));
        assertThat(estimate.table()).contains("the jobs' own bill, not in the total");
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
                // 25 for the job and the stack, and the sample chain's: crawler and Data Quality alarms, and the
                // delivery alarms of the crawler history, crawler failures and Data Quality history rules, and its
                // trigger's GlueTriggerDeactivatedAlarm.
                .isEqualTo(31.0);
        // Per job: one page alarm reading four metrics (Breach, FailedRuns, numFailedTasks, heap); shared: fifteen
        // health alarms (with the Glue run quota's, capacityAlarms=quota, the success rule's delivery alarm and the
        // guard of the function's pages), one of them watching four metrics and the guard two (CloudWatch bills each
        // metric of a metric-math alarm).
        assertThat(ten.items())
                .filteredOn(i -> i.what().equals("Standard alarms"))
                .singleElement()
                .extracting(Item::quantity)
                .isEqualTo(59.0);
        assertThat(ten.items())
                .filteredOn(i -> i.what().startsWith("Custom metrics"))
                .singleElement()
                .extracting(Item::quantity)
                .isEqualTo(10.0);
        // More jobs cost more; the sample chain's extra alarms and metric make the default dearer than ten bare jobs.
        MonthlyCostEstimate one =
                TestStacks.synthesize(Map.of("monitoredJobs", "j1")).stack().costEstimate();
        assertThat(ten.totalUsd()).isGreaterThan(one.totalUsd());
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
        // Lambda, logs and traces grow with the notifications and log lines of one more pipeline.
        double usage = 0;
        for (String item : java.util.List.of("Lambda", "Log", "X-Ray")) {
            usage += usd(ten.costEstimate(), item) - usd(nine.costEstimate(), item);
        }
        assertThat(ten.costEstimate().totalUsd() - nine.costEstimate().totalUsd())
                .isCloseTo(added.addedUsd() + usage, within(1e-9));
        // One page alarm (four metrics) and the Breach metric: $0.70, every failure mode of the pipeline a row.
        assertThat(ten.alarmNames().stream().filter(name -> name.endsWith("-j10")))
                .containsExactly("PipelineUnhealthyAlarm-j10");
        assertThat(added.addedUsd()).isCloseTo(0.70, within(1e-9)).isLessThanOrEqualTo(1.00);
        assertThat(added.modes())
                .extracting(PipelineCost.Mode::alarm)
                .containsExactly(
                        "GlueJobDurationAlarm (bit 1, duration)",
                        "GlueJobFailureAlarm (bit 1024, failed tasks)",
                        "GlueJobMemoryAlarm (bit 2048, heap)",
                        "ErrorRateAlarm (bit 8, error rate)",
                        "ProcessingLatencyAlarm (bit 16, latency)",
                        "MetricsCollectionFailedAlarm (bit 128, metrics collection broken)",
                        "GlueJobRunFailedAlarm (bit 256, run failed)",
                        "GlueJobStuckRunAlarm (bit 2, run stuck)");
        assertThat(added.table()).contains("FailedRuns (event metric").contains("per added pipeline");
    }

    @Test
    void beforeTheOneAlarmPageAnAddedPipelineCostMoreThanThreeDollars() {
        MonitoringStack detailed = TestStacks.synthesize(Map.of("monitoredJobs", "j1,j2", "detailedMetrics", "true"))
                .stack();
        // Nine signals ($0.90), the composite ($0.50), six custom metrics ($1.80); no data-quality alarm without a
        // ruleset (it watched a metric nobody published): $3.10, was $3.20.
        assertThat(detailed.addedPipelineCost().addedUsd()).isCloseTo(3.10, within(1e-9));
        // With severity topics: two pages; the warning modes' bits are taken out of Breach by metric math.
        MonitoringStack split = TestStacks.synthesize(Map.of("monitoredJobs", "j1,j2", "severityTopics", "true"))
                .stack();
        assertThat(split.addedPipelineCost().pages()).hasSize(2);
        assertThat(split.addedPipelineCost().addedUsd()).isLessThanOrEqualTo(1.00);
    }
}
