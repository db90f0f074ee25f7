package com.datapipeline.monitoring.cdk.config;

/**
 * Alarm thresholds as a user states them. Conversions into each metric's real unit happen in the
 * metric catalog, next to the metric they belong to.
 */
public record AlarmThresholds(
        double jobDurationSeconds,
        double failedTasks,
        double heapUsagePercent,
        double dataQualityPercent,
        double errorRatePercent,
        double processingLatencySeconds) {}
