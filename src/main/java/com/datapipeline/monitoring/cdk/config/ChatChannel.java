package com.datapipeline.monitoring.cdk.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A chat destination of AWS Chatbot (Amazon Q Developer in chat applications).
 *
 * @param workspaceOrTeamId Slack workspace id, or Teams team id
 * @param tenantId          Teams tenant id; empty for Slack
 * @param channelId         channel for critical alerts (and warnings, unless a warning channel is set)
 * @param warningChannelId  channel for warnings, when different
 */
public record ChatChannel(
        String workspaceOrTeamId, Optional<String> tenantId, String channelId, Optional<String> warningChannelId) {
    public ChatChannel {
        Objects.requireNonNull(workspaceOrTeamId, "workspaceOrTeamId");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(warningChannelId, "warningChannelId");
    }
}
