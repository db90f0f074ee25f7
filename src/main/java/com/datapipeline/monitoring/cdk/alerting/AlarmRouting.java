package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Role;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Severity;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * The page model: which topic each alarm kind notifies, by its role ({@link AlarmKind#role()}). One incident must
 * give one page and one "resolved" message on the human channels, so:
 * <ul>
 *   <li>a pipeline's signals (failed run, failed tasks, data quality, ...) page nobody themselves; they notify the
 *       remediation topic, which only AlarmResponseFunction reads, and are children of their pipeline's page;</li>
 *   <li>a pipeline's page is a composite over its signals: {@code PipelineUnhealthyAlarm} on the alert topic. A
 *       one-alarm page (one metric-math alarm over the pipeline's breach bits) notifies the remediation topic instead:
 *       AlarmResponseFunction is its pager and publishes its page and resolution on the human topic. With
 *       severity topics, one per severity: {@code PipelineUnhealthyAlarm} over the critical signals on the critical
 *       topic, {@code PipelineDegradedAlarm} over the warning signals on the warning topic (an incident that escalates
 *       from a warning to a critical signal then reaches each topic once);</li>
 *   <li>the alert path's own signals are children of {@code MonitoringHealthAlarm}, which pages on the
 *       monitoring-health topic, with its own key, so a broken alert topic or key still reaches someone.</li>
 * </ul>
 */
public final class AlarmRouting {
    private final Set<AlarmKind> warningSignals;
    private final Topics topics;

    /** @param warningSignals the signal kinds that page as warnings; empty for one page per pipeline */
    public AlarmRouting(Set<AlarmKind> warningSignals, Topics topics) {
        this.warningSignals = Set.copyOf(warningSignals);
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    /** The severity of a pipeline signal: the page it belongs to. */
    public Severity severityOf(AlarmKind signal) {
        if (signal.role() != Role.PIPELINE_SIGNAL) {
            throw new IllegalArgumentException(signal + " is not a pipeline signal");
        }
        return warningSignals.contains(signal.severityKind()) ? Severity.WARNING : Severity.CRITICAL;
    }

    /** The topic an alarm of this kind notifies on ALARM and on OK, or empty for a child that only its composite reports. */
    public Optional<ITopic> topicFor(AlarmKind kind) {
        return switch (kind.role()) {
            case PIPELINE_SIGNAL -> Optional.of(topics.remediation());
            // A one-alarm page is a signal of the response function, which publishes its page (it is the pager).
            case PIPELINE_PAGE ->
                Optional.of(
                        kind.breachPage()
                                ? topics.remediation()
                                : kind.severity().orElseThrow() == Severity.CRITICAL
                                        ? topics.critical()
                                        : topics.warning());
            case HEALTH_PAGE -> Optional.of(topics.health());
            case HEALTH_SIGNAL, HEALTH_GROUP -> Optional.empty();
        };
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
