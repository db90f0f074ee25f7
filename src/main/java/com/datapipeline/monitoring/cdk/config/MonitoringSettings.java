package com.datapipeline.monitoring.cdk.config;

import com.datapipeline.monitoring.contract.MetricsSource;
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
        FeatureSwitches switches,
        Optional<PipelinePlacement> placement) {

    /** @param placement where each pipeline of a pipelines file lives; empty for pipelines from context keys */
    public MonitoringSettings {
        pipelines = List.copyOf(pipelines);
        java.util.Objects.requireNonNull(placement, "placement");
    }

    public boolean createsSampleJob() {
        return pipelines.stream().anyMatch(MonitoredPipeline::sampleJob);
    }
}
