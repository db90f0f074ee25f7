package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * The page model: which topic each alarm kind notifies. One incident must give one page and one "resolved"
 * message on the human channels, so:
 * <ul>
 *   <li>a pipeline's signals (failed run, failed tasks, data quality, ...) page nobody themselves; they notify the
 *       remediation topic, which only AlarmResponseFunction reads, and are children of their pipeline's page;</li>
 *   <li>a pipeline's page is a composite over its signals: {@code PipelineUnhealthyAlarm} on the alert topic. With
 *       severity topics, one per severity: {@code PipelineUnhealthyAlarm} over the critical signals on the critical
 *       topic, {@code PipelineDegradedAlarm} over the warning signals on the warning topic (an incident that escalates
 *       from a warning to a critical signal then reaches each topic once);</li>
 *   <li>the alert path's own signals are children of {@code MonitoringHealthAlarm}, which pages on the
 *       monitoring-health topic, with its own key, so a broken alert topic or key still reaches someone.</li>
 * </ul>
 */
public final class AlarmRouting {

    /** How urgent a pipeline signal is; each severity has its own page per pipeline. */
    public enum Severity { CRITICAL, WARNING }

    private final Set<String> warningSignals;
    private final Topics topics;

    /** @param warningSignals the signal kinds that page as warnings; empty for one page per pipeline */
    public AlarmRouting(Set<String> warningSignals, Topics topics) {
        this.warningSignals = Set.copyOf(warningSignals);
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    public Severity severityOf(String signalKind) {
        requirePipelineSignal(signalKind);
        return warningSignals.contains(signalKind) ? Severity.WARNING : Severity.CRITICAL;
    }

    /** The page of one severity. */
    public static String pageOf(Severity severity) {
        return severity == Severity.CRITICAL ? AlarmNames.PIPELINE_UNHEALTHY : AlarmNames.PIPELINE_DEGRADED;
    }

    /** The topic an alarm of this kind notifies on ALARM and on OK, or empty for a child that only its composite reports. */
    public Optional<ITopic> topicFor(String kind) {
        if (AlarmNames.PIPELINE_SIGNALS.contains(kind)) {
            return Optional.of(topics.remediation());
        }
        if (AlarmNames.PIPELINE_UNHEALTHY.equals(kind)) {
            return Optional.of(topics.critical());
        }
        if (AlarmNames.PIPELINE_DEGRADED.equals(kind)) {
            return Optional.of(topics.warning());
        }
        if (AlarmNames.MONITORING_HEALTH.equals(kind)) {
            return Optional.of(topics.health());
        }
        if (AlarmNames.HEALTH_SIGNALS.contains(kind)) {
            return Optional.empty();
        }
        throw new IllegalArgumentException("alarm kind " + kind + " is not in AlarmNames");
    }

    private static void requirePipelineSignal(String kind) {
        if (!AlarmNames.PIPELINE_SIGNALS.contains(kind)) {
            throw new IllegalArgumentException(kind + " is not a pipeline signal");
        }
    }

    /**
     * @param critical    human channel for critical pages
     * @param warning     human channel for warning pages; the same object as critical unless severity topics are on
     * @param health      human channel for the alert path's own health
     * @param remediation machine channel: every pipeline signal, read by AlarmResponseFunction only
     */
    public record Topics(ITopic critical, ITopic warning, ITopic health, ITopic remediation) {
        public Topics {
            Objects.requireNonNull(critical, "critical");
            Objects.requireNonNull(warning, "warning");
            Objects.requireNonNull(health, "health");
            Objects.requireNonNull(remediation, "remediation");
        }
    }
}
