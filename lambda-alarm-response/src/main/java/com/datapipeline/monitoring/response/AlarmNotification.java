package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.DrillMarker;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudWatch alarm notification (the JSON CloudWatch publishes to SNS).
 *
 * @param stateChangeTime as CloudWatch wrote it, e.g. {@code 2026-11-25T01:02:03.536+0000}; with the alarm name it
 *                        identifies one transition
 */
public record AlarmNotification(
        String alarmName,
        AlarmState newState,
        String oldState,
        String reason,
        String stateChangeTime,
        String alarmArn,
        AlarmTrigger trigger)
        implements Notification {

    public AlarmNotification {
        Objects.requireNonNull(alarmName, "alarmName");
        Objects.requireNonNull(newState, "newState");
        Objects.requireNonNull(stateChangeTime, "stateChangeTime");
        Objects.requireNonNull(trigger, "trigger");
        reason = reason == null ? "" : reason;
    }

    /** What made the alarm change: one metric, a metric-math expression, or a composite alarm's rule. */
    public sealed interface AlarmTrigger permits MetricTrigger, MetricMathTrigger, CompositeTrigger {}

    /** A single-metric alarm's {@code Trigger}. Dimensions are name to value. */
    public record MetricTrigger(
            String namespace,
            String metricName,
            String statistic,
            Map<String, String> dimensions,
            String comparisonOperator,
            Double threshold)
            implements AlarmTrigger {
        public MetricTrigger {
            dimensions = Map.copyOf(dimensions);
        }
    }

    /** A metric-math or anomaly alarm's {@code Trigger.Metrics}: one entry per metric-data query. */
    public record MetricMathTrigger(List<MetricQuery> metrics, String comparisonOperator, Double threshold)
            implements AlarmTrigger {
        public MetricMathTrigger {
            metrics = List.copyOf(metrics);
        }
    }

    /** One metric-data query; {@code expression} for math, {@code metricName}/{@code namespace} for a metric. */
    public record MetricQuery(String id, String expression, String namespace, String metricName, boolean returnData) {}

    /** A composite alarm's {@code AlarmRule} and the child alarms that triggered it (may be empty). */
    public record CompositeTrigger(String alarmRule, List<TriggeringChild> triggeringChildren) implements AlarmTrigger {
        public CompositeTrigger {
            triggeringChildren = List.copyOf(triggeringChildren);
        }
    }

    /** A composite alarm's child: its ARN and the state it was in. */
    public record TriggeringChild(String arn, String state) {}

    @Override
    public String routeKey() {
        return alarmName;
    }

    @Override
    public String state() {
        return newState.name();
    }

    @Override
    public boolean isAlarm() {
        return newState == AlarmState.ALARM;
    }

    @Override
    public boolean isDrill() {
        return DrillMarker.isDrill(reason);
    }

    @Override
    public Incident incident() {
        return Incident.ofTransition(alarmName, stateChangeTime);
    }
}
