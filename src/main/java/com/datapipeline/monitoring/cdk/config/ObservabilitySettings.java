package com.datapipeline.monitoring.cdk.config;

import java.util.OptionalDouble;

/**
 * What the monitoring keeps about itself (section "The monitoring's own logs and traces" of the key registry).
 *
 * @param tracing             X-Ray active tracing on both functions
 * @param logRetentionDays    retention of the functions' and the event history's log groups
 * @param contributorInsights a Contributor Insights rule of top failing jobs and messages
 * @param eventHistory        alarm state changes kept beside the Glue job events and shown on the dashboard
 * @param costPerRun          DpuHours and RunCostUsd of every pipeline's runs
 * @param gluePricePerDpuHour USD per DPU-hour the runs are priced at
 */
public record ObservabilitySettings(
        boolean tracing,
        int logRetentionDays,
        boolean contributorInsights,
        boolean eventHistory,
        boolean costPerRun,
        double gluePricePerDpuHour) {

    /**
     * The price the metrics function prices a pipeline's runs at: with costPerRun, and for a pipeline with a monthly
     * budget whatever costPerRun says (a budget needs the runs' cost, and a user who sets one expects it to work; the
     * function then publishes only the projection, not the per-run metrics); empty: the pipeline's runs are not
     * priced.
     */
    public OptionalDouble pricePerDpuHour(MonitoredPipeline pipeline) {
        return costPerRun || pipeline.monthlyBudgetUsd().isPresent()
                ? OptionalDouble.of(gluePricePerDpuHour)
                : OptionalDouble.empty();
    }
}
