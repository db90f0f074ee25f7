package com.datapipeline.monitoring.cdk.config;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
import java.util.Map;
import java.util.Optional;

/**
 * How far AlarmResponseFunction may act on its own.
 *
 * @param errorClassActions  the classes whose action differs from their default, for every pipeline
 * @param pauseAfterFailures failed runs in a row before a {@code pause-trigger} class pauses the job's triggers
 * @param runbookUrl         the runbook of the pipelines without their own; empty: this repository's
 */
public record RemediationSettings(
        boolean enabled,
        int maxRestarts,
        int windowMinutes,
        Map<ErrorClass, RouteAction> errorClassActions,
        int pauseAfterFailures,
        Optional<String> runbookUrl) {

    public RemediationSettings {
        errorClassActions = Map.copyOf(errorClassActions);
    }
}
