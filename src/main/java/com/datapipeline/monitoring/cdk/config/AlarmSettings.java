package com.datapipeline.monitoring.cdk.config;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a pipeline's alarms decide (sections "Alarm thresholds" and "Stuck and missed runs" of the key registry).
 *
 * @param thresholds                    the lab's six thresholds, as the user states them
 * @param minThroughputRecordsPerSecond LowThroughputAlarm below this; empty for no alarm
 * @param anomalyDetection              anomaly-detection alarms on the custom metrics, beside or instead of the
 *                                      static ones
 * @param anomalyBandWidth              the band's width in standard deviations
 * @param missedRunGraceFactor          the missed-run alarm fires after a job's expected interval times this
 * @param capacityAlarms                the account's run quota alarm, and the jobs' own capacity signals
 * @param detailedMetrics               an added pipeline's detailed custom metrics, each with its own alarm under a
 *                                      composite page; off: its page is one alarm over its Breach metric
 * @param simulatedMetrics              metricsSource=simulate: every pipeline gets the lab's random values, a data
 *                                      quality score among them, with or without a ruleset
 */
public record AlarmSettings(
        AlarmThresholds thresholds,
        OptionalDouble minThroughputRecordsPerSecond,
        AnomalyDetection anomalyDetection,
        double anomalyBandWidth,
        double missedRunGraceFactor,
        CapacityAlarms capacityAlarms,
        boolean detailedMetrics,
        boolean simulatedMetrics) {
    public AlarmSettings {
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(minThroughputRecordsPerSecond, "minThroughputRecordsPerSecond");
        Objects.requireNonNull(anomalyDetection, "anomalyDetection");
        Objects.requireNonNull(capacityAlarms, "capacityAlarms");
    }
}
