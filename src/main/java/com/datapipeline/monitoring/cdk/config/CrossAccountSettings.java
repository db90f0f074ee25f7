package com.datapipeline.monitoring.cdk.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Cross-account observability (CloudWatch Observability Access Manager).
 *
 * @param sourceAccounts with a sink: the accounts allowed to link to it
 * @param organizationId with a sink: an organization whose accounts may link (instead of or besides a list)
 * @param sinkArn        in a source account: the monitoring account's sink to link to
 */
public record CrossAccountSettings(
        List<String> sourceAccounts, Optional<String> organizationId, Optional<String> sinkArn) {
    public CrossAccountSettings {
        sourceAccounts = List.copyOf(sourceAccounts);
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(sinkArn, "sinkArn");
    }

    public boolean createsSink() {
        return !sourceAccounts.isEmpty() || organizationId.isPresent();
    }

    public boolean createsLink() {
        return sinkArn.isPresent();
    }
}
