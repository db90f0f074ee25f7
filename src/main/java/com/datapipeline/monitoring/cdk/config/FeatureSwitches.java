package com.datapipeline.monitoring.cdk.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The switches beyond the lab (its challenge extensions and "Notes and Tips"), validated with the other
 * settings. Defaults are what a team would expect on a first deploy: on where it costs little and needs no
 * outside ids, off where it needs them or changes how alarms page.
 *
 * @param tracing                  X-Ray active tracing on both functions
 * @param anomalyDetection         anomaly-detection alarms on the custom metrics, beside or instead of the static ones
 * @param anomalyBandWidth         the band's width in standard deviations
 * @param minThroughputRecordsPerSecond alarm when throughput (metric math) falls below this; empty for no alarm
 * @param severityTopics           separate critical and warning topics instead of one
 * @param warningAlarms            lab alarm names that page as warnings (the rest are critical)
 * @param criticalEmail            email for the critical topic (with severity topics)
 * @param warningEmail             email for the warning topic (with severity topics)
 * @param healthEmail              email for the monitoring-health topic; empty for the alert email
 * @param slack                    Slack workspace and channels, when set
 * @param teams                    Microsoft Teams team, tenant and channel, when set
 * @param environment              the environment tag
 * @param owner                    the owner tag; empty for none
 * @param contributorInsights      a Contributor Insights rule of top failing jobs and messages
 * @param eventHistory             Glue job and alarm state changes kept in a log group shown on the dashboard
 * @param observability            cross-account observability: a sink for a monitoring account or a link to one
 * @param capacityAlarms           capacity alarms: the account's concurrent-run quota, and the jobs' own capacity
 */
public record FeatureSwitches(
        boolean tracing,
        AnomalyDetection anomalyDetection,
        double anomalyBandWidth,
        OptionalDouble minThroughputRecordsPerSecond,
        boolean severityTopics,
        Set<String> warningAlarms,
        Optional<String> criticalEmail,
        Optional<String> warningEmail,
        Optional<String> healthEmail,
        Optional<ChatChannel> slack,
        Optional<ChatChannel> teams,
        String environment,
        Optional<String> owner,
        boolean contributorInsights,
        boolean eventHistory,
        Observability observability,
        CapacityAlarms capacityAlarms) {

    public FeatureSwitches {
        warningAlarms = Set.copyOf(warningAlarms);
        Objects.requireNonNull(observability, "observability");
        Objects.requireNonNull(capacityAlarms, "capacityAlarms");
    }

    /**
     * Which capacity alarms exist: none; the account's concurrent job runs against their quota (one alarm per stack,
     * on a metric Glue publishes free); or that and, per pipeline, worker utilization, skew, disk and memory from the
     * jobs' observability metrics (five alarms per pipeline).
     */
    public enum CapacityAlarms {
        OFF, QUOTA, ALL;

        public boolean quota() {
            return this != OFF;
        }

        public boolean perPipeline() {
            return this == ALL;
        }
    }

    /** Where anomaly-detection alarms go relative to the static thresholds. */
    public enum AnomalyDetection { OFF, BESIDE, INSTEAD }

    /**
     * A chat destination of AWS Chatbot (Amazon Q Developer in chat applications).
     *
     * @param workspaceOrTeamId Slack workspace id, or Teams team id
     * @param tenantId          Teams tenant id; empty for Slack
     * @param channelId         channel for critical alerts (and warnings, unless a warning channel is set)
     * @param warningChannelId  channel for warnings, when different
     */
    public record ChatChannel(String workspaceOrTeamId, Optional<String> tenantId, String channelId,
                              Optional<String> warningChannelId) {
    }

    /**
     * Cross-account observability (CloudWatch Observability Access Manager).
     *
     * @param sourceAccounts  with a sink: the accounts allowed to link to it
     * @param organizationId  with a sink: an organization whose accounts may link (instead of or besides a list)
     * @param sinkArn         in a source account: the monitoring account's sink to link to
     */
    public record Observability(List<String> sourceAccounts, Optional<String> organizationId, Optional<String> sinkArn) {
        public Observability {
            sourceAccounts = List.copyOf(sourceAccounts);
        }

        public boolean createsSink() {
            return !sourceAccounts.isEmpty() || organizationId.isPresent();
        }

        public boolean createsLink() {
            return sinkArn.isPresent();
        }
    }
}
