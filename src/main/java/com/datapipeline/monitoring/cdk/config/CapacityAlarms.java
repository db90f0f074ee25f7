package com.datapipeline.monitoring.cdk.config;

import java.util.Locale;

/**
 * Which capacity alarms exist: none; the account's concurrent Glue job runs against their quota (one alarm per
 * deployment, on a metric Glue publishes free); or that and, per pipeline, worker utilization, skew, disk and memory
 * from the jobs' observability metrics (five alarms per pipeline).
 */
public enum CapacityAlarms {
    OFF,
    QUOTA,
    ALL;

    /** As the context key {@code capacityAlarms} spells it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean quota() {
        return this != OFF;
    }

    public boolean perPipeline() {
        return this == ALL;
    }
}
