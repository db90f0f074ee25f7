package com.datapipeline.monitoring.verify;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One alarm as the app would deploy it, read from the synthesized template: a classic metric alarm, a metric-math
 * alarm (an expression or an anomaly-detection band over metric queries), or a composite alarm over other alarms.
 * Every kind has a name and the topic its ALARM and OK actions notify, or none (a composite's silent child).
 */
public sealed interface ExpectedAlarm permits ExpectedAlarm.Metric, ExpectedAlarm.MetricMath, ExpectedAlarm.Composite {

    /** Stands for a dimension value only known after deployment; any non-empty value matches it. */
    String DEPLOY_TIME = "<assigned at deploy time>";

    String name();

    /** The name of the topic both the ALARM and the OK action notify; empty when the alarm has no actions. */
    Optional<String> actionTopic();

    /**
     * A classic alarm on one metric.
     *
     * @param dimensions name → value; {@link #DEPLOY_TIME} for a value CloudFormation assigns (a rule, queue or function name)
     */
    record Metric(
            String name,
            String namespace,
            String metricName,
            Map<String, String> dimensions,
            String statistic,
            int period,
            int evaluationPeriods,
            double threshold,
            String comparisonOperator,
            String treatMissingData,
            Optional<String> actionTopic)
            implements ExpectedAlarm {

        public Metric {
            Objects.requireNonNull(name, "name");
            dimensions = Map.copyOf(dimensions);
            Objects.requireNonNull(actionTopic, "actionTopic");
        }
    }

    /**
     * An alarm on metric queries: metric math ({@code records / PERIOD(records)} against a threshold) or an
     * anomaly-detection band ({@code ANOMALY_DETECTION_BAND(m0, 2)}, named by {@code thresholdMetricId}).
     *
     * @param threshold empty for an anomaly-detection alarm, whose threshold is the band
     */
    record MetricMath(
            String name,
            List<Query> queries,
            Optional<String> thresholdMetricId,
            OptionalDouble threshold,
            int evaluationPeriods,
            String comparisonOperator,
            String treatMissingData,
            Optional<String> actionTopic)
            implements ExpectedAlarm {

        public MetricMath {
            Objects.requireNonNull(name, "name");
            queries = List.copyOf(queries);
            Objects.requireNonNull(thresholdMetricId, "thresholdMetricId");
            Objects.requireNonNull(threshold, "threshold");
            Objects.requireNonNull(actionTopic, "actionTopic");
        }

        /** True for an anomaly-detection alarm: its threshold is a band query, not a number. */
        public boolean anomalyDetection() {
            return thresholdMetricId.isPresent();
        }

        /** The metric queries' stats, in order (the metrics the alarm reads). */
        public List<MetricStat> metricStats() {
            return queries.stream().flatMap(q -> q.metricStat().stream()).toList();
        }
    }

    /**
     * One entry of a metric-math alarm's {@code Metrics}: either an expression or a metric stat.
     *
     * @param returnData whether the query's result is returned (AWS's default, when absent, is true)
     */
    record Query(String id, Optional<String> expression, Optional<MetricStat> metricStat, boolean returnData) {
        public Query {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(metricStat, "metricStat");
        }
    }

    /** A metric with its statistic and period, as inside a metric query. */
    record MetricStat(String namespace, String metricName, Map<String, String> dimensions, String stat, int period) {
        public MetricStat {
            dimensions = Map.copyOf(dimensions);
        }
    }

    /**
     * A composite alarm.
     *
     * @param rule     the alarm rule with each child alarm's name in place of its ARN (or name), e.g.
     *                 {@code (ALARM("GlueJobFailureAlarm") OR ALARM("DataQualityAlarm"))}; see {@link #children}
     * @param children the alarms the rule refers to, by name, in order
     */
    record Composite(String name, String rule, List<String> children, Optional<String> actionTopic)
            implements ExpectedAlarm {
        public Composite {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(rule, "rule");
            children = List.copyOf(children);
            Objects.requireNonNull(actionTopic, "actionTopic");
        }
    }
}
