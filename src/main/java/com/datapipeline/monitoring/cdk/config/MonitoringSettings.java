package com.datapipeline.monitoring.cdk.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a user can configure, validated once at start-up (see {@link SettingsReader}), one small record per
 * concern.
 *
 * @param prefix                  starts every name
 * @param pipelines               the jobs to monitor: the sample job, or the listed ones
 * @param placement               where each pipeline of a pipelines file lives; empty for pipelines from context keys
 * @param metricsSource           where the metrics function takes its values from
 * @param sampleJobTimeoutMinutes timeout of the sample job
 */
public record MonitoringSettings(
        String prefix,
        List<MonitoredPipeline> pipelines,
        Optional<PipelinePlacement> placement,
        MetricsSource metricsSource,
        int sampleJobTimeoutMinutes,
        TagSettings tags,
        AlarmSettings alarms,
        AlertingSettings alerting,
        RemediationSettings remediation,
        ObservabilitySettings observability,
        CrossAccountSettings crossAccount) {

    public MonitoringSettings {
        Objects.requireNonNull(prefix, "prefix");
        pipelines = List.copyOf(pipelines);
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(metricsSource, "metricsSource");
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(alarms, "alarms");
        Objects.requireNonNull(alerting, "alerting");
        Objects.requireNonNull(remediation, "remediation");
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(crossAccount, "crossAccount");
    }

    public boolean createsSampleJob() {
        return pipelines.stream().anyMatch(MonitoredPipeline::sampleJob);
    }
}
