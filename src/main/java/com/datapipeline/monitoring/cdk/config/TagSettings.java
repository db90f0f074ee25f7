package com.datapipeline.monitoring.cdk.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The tags on every resource (section "Names and tags" of the key registry).
 *
 * @param environment the environment tag
 * @param owner       the owner tag; empty for none
 */
public record TagSettings(String environment, Optional<String> owner) {
    public TagSettings {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(owner, "owner");
    }
}
