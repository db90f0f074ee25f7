package com.datapipeline.monitoring.cdk.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who gets paged, and where (sections "Who gets paged" and "Chat channels" of the key registry).
 *
 * @param emails         the email addresses given
 * @param severityTopics separate critical and warning topics instead of one
 * @param warningAlarms  the pipeline signals that page as warnings with severity topics (the rest are critical)
 * @param slack          Slack workspace and channels, when set
 * @param teams          Microsoft Teams team, tenant and channels, when set
 */
public record AlertingSettings(
        Emails emails,
        boolean severityTopics,
        Set<String> warningAlarms,
        Optional<ChatChannel> slack,
        Optional<ChatChannel> teams) {
    public AlertingSettings {
        Objects.requireNonNull(emails, "emails");
        warningAlarms = Set.copyOf(warningAlarms);
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(teams, "teams");
    }

    /**
     * @param alert    for the alert topic(s), and the health topic when nothing else is given
     * @param critical for the critical topic (with severity topics), besides the alert address
     * @param warning  for the warning topic (with severity topics), besides the alert address
     * @param health   for the monitoring-health topic
     */
    public record Emails(
            Optional<String> alert, Optional<String> critical, Optional<String> warning, Optional<String> health) {
        public Emails {
            Objects.requireNonNull(alert, "alert");
            Objects.requireNonNull(critical, "critical");
            Objects.requireNonNull(warning, "warning");
            Objects.requireNonNull(health, "health");
        }
    }

    /** The signals that page as warnings: none unless severity topics are on (one topic: one page per incident). */
    public Set<String> warningSignals() {
        return severityTopics ? warningAlarms : Set.of();
    }

    /** Who the alert topic emails (the critical topic, with severity topics). */
    public List<String> alertTopicEmails() {
        return severityTopics ? distinct(emails.alert(), emails.critical()) : distinct(emails.alert());
    }

    /** Who the warning topic emails; no one without severity topics, when there is no warning topic. */
    public List<String> warningTopicEmails() {
        return severityTopics ? distinct(emails.alert(), emails.warning()) : List.of();
    }

    /** The alert path's health goes to its own address, or to whoever gets the critical pages. */
    public Optional<String> healthTopicEmail() {
        return emails.health().or(emails::critical).or(emails::alert);
    }

    public boolean hasChat() {
        return slack.isPresent() || teams.isPresent();
    }

    @SafeVarargs
    private static List<String> distinct(Optional<String>... addresses) {
        return Stream.of(addresses).flatMap(Optional::stream).distinct().toList();
    }
}
