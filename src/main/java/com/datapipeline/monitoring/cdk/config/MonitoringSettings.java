package com.datapipeline.monitoring.cdk.config;

import java.util.List;
import java.util.Optional;

/** Everything a user can configure, validated once at start-up (see {@link SettingsReader}). */
public record MonitoringSettings(
        String prefix,
        Optional<String> alertEmail,
        List<MonitoredPipeline> pipelines,
        AlarmThresholds thresholds,
        MetricsSource metricsSource,
        RemediationSettings remediation,
        int sampleJobTimeoutMinutes,
        int logRetentionDays,
        double missedRunGraceFactor,
        FeatureSwitches switches) {

    public MonitoringSettings {
        pipelines = List.copyOf(pipelines);
    }

    public boolean createsSampleJob() {
        return pipelines.stream().anyMatch(MonitoredPipeline::sampleJob);
    }
}
