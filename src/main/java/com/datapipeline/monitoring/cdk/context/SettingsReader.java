package com.datapipeline.monitoring.cdk.context;

import static com.datapipeline.monitoring.cdk.context.ConfigKeys.*;

import com.datapipeline.monitoring.cdk.config.AlarmSettings;
import com.datapipeline.monitoring.cdk.config.AlarmThresholds;
import com.datapipeline.monitoring.cdk.config.AlertingSettings;
import com.datapipeline.monitoring.cdk.config.ChatChannel;
import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.CrossAccountSettings;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.config.ObservabilitySettings;
import com.datapipeline.monitoring.cdk.config.PipelinePlacement;
import com.datapipeline.monitoring.cdk.config.RemediationSettings;
import com.datapipeline.monitoring.cdk.config.TagSettings;
import com.datapipeline.monitoring.contract.MetricsSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Turns CDK context ({@code cdk.json} and {@code -c key=value}) into {@link MonitoringSettings}: the top of the
 * three configuration layers. {@link ConfigKeys} defines each key and {@link ValueType} reads each value; this
 * class only builds the sections from typed values and checks what involves more than one key.
 */
public final class SettingsReader {

    private SettingsReader() {}

    /** Reads and validates; throws {@link ConfigurationException} naming the first bad setting. */
    public static MonitoringSettings read(Map<String, ?> rawContext) {
        ContextValues values = ContextValues.of(rawContext);
        double durationThresholdSeconds = values.get(DURATION_THRESHOLD_SECONDS);
        List<MonitoredPipeline> pipelines = PipelineEntries.read(values, durationThresholdSeconds);
        Optional<PipelinePlacement> placement = PipelineEntries.file(values)
                .map(file -> PipelinePlacement.assign(
                        PipelinePlacement.fileFor(file),
                        pipelines.stream().map(MonitoredPipeline::jobName).toList(),
                        PipelinePlacement.PIPELINES_PER_STACK));
        return new MonitoringSettings(
                values.get(PREFIX),
                pipelines,
                placement,
                values.get(METRICS_SOURCE),
                values.get(JOB_TIMEOUT_MINUTES),
                new TagSettings(values.get(ENVIRONMENT), values.get(OWNER)),
                alarms(values, durationThresholdSeconds),
                alerting(values),
                new RemediationSettings(
                        values.get(REMEDIATION_ENABLED),
                        values.get(MAX_RESTARTS),
                        values.get(RESTART_WINDOW_MINUTES),
                        values.get(ConfigKeys.ERROR_CLASS_ACTIONS),
                        values.get(ConfigKeys.PAUSE_AFTER_FAILURES),
                        values.get(ConfigKeys.RUNBOOK_URL)),
                new ObservabilitySettings(
                        values.get(TRACING),
                        values.get(LOG_RETENTION_DAYS),
                        values.get(CONTRIBUTOR_INSIGHTS),
                        values.get(EVENT_HISTORY),
                        values.get(ConfigKeys.COST_PER_RUN),
                        values.get(ConfigKeys.GLUE_PRICE_PER_DPU_HOUR)),
                new CrossAccountSettings(
                        values.get(OBSERVABILITY_SOURCE_ACCOUNTS),
                        values.get(OBSERVABILITY_ORGANIZATION_ID),
                        values.get(OBSERVABILITY_SINK_ARN)));
    }

    private static AlarmSettings alarms(ContextValues values, double durationThresholdSeconds) {
        return new AlarmSettings(
                new AlarmThresholds(
                        durationThresholdSeconds,
                        values.get(FAILED_TASKS_THRESHOLD),
                        values.get(MEMORY_THRESHOLD_PERCENT),
                        values.get(DATA_QUALITY_THRESHOLD_PERCENT),
                        values.get(ERROR_RATE_THRESHOLD_PERCENT),
                        values.get(LATENCY_THRESHOLD_SECONDS)),
                values.get(MIN_THROUGHPUT).map(OptionalDouble::of).orElse(OptionalDouble.empty()),
                values.get(ANOMALY_DETECTION),
                values.get(ANOMALY_BAND_WIDTH),
                values.get(MISSED_RUN_GRACE_FACTOR),
                values.get(ConfigKeys.CAPACITY_ALARMS),
                // The lab's random values are the point of metricsSource=simulate: it publishes them all.
                values.get(ConfigKeys.DETAILED_METRICS) || values.get(METRICS_SOURCE) == MetricsSource.SIMULATE,
                values.get(METRICS_SOURCE) == MetricsSource.SIMULATE);
    }

    private static AlertingSettings alerting(ContextValues values) {
        return new AlertingSettings(
                new AlertingSettings.Emails(
                        values.get(ALERT_EMAIL),
                        values.get(CRITICAL_EMAIL),
                        values.get(WARNING_EMAIL),
                        values.get(HEALTH_EMAIL)),
                values.get(SEVERITY_TOPICS),
                new TreeSet<>(values.get(WARNING_ALARMS)),
                chat(values, List.of(SLACK_WORKSPACE_ID, SLACK_CHANNEL_ID), SLACK_WARNING_CHANNEL_ID),
                chat(values, List.of(TEAMS_TEAM_ID, TEAMS_TENANT_ID, TEAMS_CHANNEL_ID), TEAMS_WARNING_CHANNEL_ID));
    }

    /**
     * A chat channel needs all of its ids, or none.
     *
     * @param ids the workspace (or team), for Teams the tenant, and last the channel
     */
    private static Optional<ChatChannel> chat(
            ContextValues values, List<ConfigKey<Optional<String>>> ids, ConfigKey<Optional<String>> warningChannel) {
        List<Optional<String>> given = ids.stream().map(values::get).toList();
        Optional<String> warning = values.get(warningChannel);
        if (given.stream().allMatch(Optional::isEmpty)) {
            if (warning.isPresent()) {
                throw ValueTypes.invalid(
                        warningChannel.name(),
                        warning.get(),
                        "a value only together with "
                                + ids.stream().map(ConfigKey::name).toList());
            }
            return Optional.empty();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (given.get(i).isEmpty()) {
                throw ValueTypes.invalid(
                        ids.get(i).name(), "", ids.get(i).type().allowed());
            }
        }
        return Optional.of(new ChatChannel(
                given.get(0).orElseThrow(),
                ids.size() == 3 ? given.get(1) : Optional.empty(),
                given.get(ids.size() - 1).orElseThrow(),
                warning));
    }
}
