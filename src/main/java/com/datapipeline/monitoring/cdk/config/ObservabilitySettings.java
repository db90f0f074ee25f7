package com.datapipeline.monitoring.cdk.config;

import java.util.OptionalDouble;

/**
 * What the monitoring keeps about itself (section "The monitoring's own logs and traces" of the key registry).
 *
 * @param tracing             X-Ray active tracing on both functions
 * @param logRetentionDays    retention of the functions' and the event history's log groups
 * @param contributorInsights a Contributor Insights rule of top failing jobs and messages
 * @param eventHistory        alarm state changes kept beside the Glue job events and shown on the dashboard
 */
public record ObservabilitySettings(
        boolean tracing,
        int logRetentionDays,
        boolean contributorInsights,
        boolean eventHistory,
        OptionalDouble pricePerDpuHour) {}
