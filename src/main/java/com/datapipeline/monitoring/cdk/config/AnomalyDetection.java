package com.datapipeline.monitoring.cdk.config;

import java.util.Locale;

/** Where anomaly-detection alarms go relative to the static thresholds. */
public enum AnomalyDetection {
    OFF,
    BESIDE,
    INSTEAD;

    /** As the context key {@code anomalyDetection} spells it. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
