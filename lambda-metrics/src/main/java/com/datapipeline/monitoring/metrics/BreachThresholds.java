package com.datapipeline.monitoring.metrics;

import static com.datapipeline.monitoring.contract.MetricsConfiguration.DATA_QUALITY_PERCENT;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.DURATION_SECONDS;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.ERROR_RATE_PERCENT;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.LATENCY_SECONDS;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.MIN_RECORDS_PER_SECOND;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.MISSED_RUN_SECONDS;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.MONTHLY_BUDGET_USD;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.STUCK_SECONDS;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.TRIGGER_DEACTIVATED;
import static com.datapipeline.monitoring.contract.MetricsConfiguration.WORKFLOW_RUN_FAILED;

import com.datapipeline.monitoring.contract.MetricsConfiguration;
import com.datapipeline.monitoring.lambda.JsonObject;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A pipeline's thresholds for its Breach metric ({@link MetricsConfiguration#BREACH_THRESHOLDS}), each in the unit of
 * the measurement it is compared with; an empty one is a mode not watched for the pipeline.
 */
public record BreachThresholds(
        OptionalDouble durationSeconds,
        OptionalDouble stuckSeconds,
        OptionalDouble missedRunSeconds,
        OptionalDouble errorRatePercent,
        OptionalDouble latencySeconds,
        OptionalDouble dataQualityPercent,
        OptionalDouble minRecordsPerSecond,
        OptionalDouble monthlyBudgetUsd,
        OptionalDouble workflowRunFailed,
        OptionalDouble triggerDeactivated) {

    static BreachThresholds read(JsonObject raw) {
        raw.refuseUnknown(MetricsConfiguration.THRESHOLD_KEYS);
        return new BreachThresholds(
                number(raw, DURATION_SECONDS),
                number(raw, STUCK_SECONDS),
                number(raw, MISSED_RUN_SECONDS),
                number(raw, ERROR_RATE_PERCENT),
                number(raw, LATENCY_SECONDS),
                number(raw, DATA_QUALITY_PERCENT),
                number(raw, MIN_RECORDS_PER_SECOND),
                number(raw, MONTHLY_BUDGET_USD),
                number(raw, WORKFLOW_RUN_FAILED),
                number(raw, TRIGGER_DEACTIVATED));
    }

    private static OptionalDouble number(JsonObject raw, String name) {
        Optional<Double> value = raw.optionalNumber(name);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (!Double.isFinite(value.get()) || value.get() < 0) {
            throw raw.invalid(name, "must be a number of at least 0, was " + value.get());
        }
        return OptionalDouble.of(value.get());
    }
}
