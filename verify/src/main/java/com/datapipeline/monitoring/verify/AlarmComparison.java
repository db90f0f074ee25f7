package com.datapipeline.monitoring.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;

/** Expected against deployed: each difference as a phrase a person can act on. */
public final class AlarmComparison {
    /** The part of an alarm ARN before its name, as a composite's rule may hold it. */
    private static final Pattern ALARM_ARN_PREFIX = Pattern.compile("arn:aws[a-z-]*:cloudwatch:[^:\"]*:[0-9]*:alarm:");

    private AlarmComparison() {}

    /**
     * A metric or metric-math alarm against what DescribeAlarms returned for its name.
     *
     * @param topicArns the deployed ARN of each alert topic found, by topic name (a topic not found is absent)
     */
    public static List<String> differences(ExpectedAlarm expected, MetricAlarm actual, Map<String, String> topicArns) {
        List<String> differences = new ArrayList<>();
        switch (expected) {
            case ExpectedAlarm.Metric metric -> metric(differences, metric, actual);
            case ExpectedAlarm.MetricMath math -> metricMath(differences, math, actual);
            case ExpectedAlarm.Composite composite -> {
                differences.add("is a metric alarm, expected a composite alarm (" + describe(composite) + ")");
                return differences;
            }
        }
        actions(
                differences,
                expected.actionTopic(),
                topicArns,
                actual.alarmActions(),
                actual.okActions(),
                actual.actionsEnabled());
        return differences;
    }

    /** A composite alarm against what DescribeAlarms (with the composite alarm type) returned for its name. */
    public static List<String> differences(
            ExpectedAlarm expected, CompositeAlarm actual, Map<String, String> topicArns) {
        List<String> differences = new ArrayList<>();
        if (!(expected instanceof ExpectedAlarm.Composite composite)) {
            differences.add("is a composite alarm, expected a metric alarm (" + describe(expected) + ")");
            return differences;
        }
        String rule = actual.alarmRule();
        if (rule == null || rule.isBlank()) {
            differences.add("has no alarm rule, expected " + composite.rule());
        } else if (!normalizedRule(rule).equals(composite.rule())) {
            differences.add("rule is " + rule + ", expected " + composite.rule());
        }
        actions(
                differences,
                expected.actionTopic(),
                topicArns,
                actual.alarmActions(),
                actual.okActions(),
                actual.actionsEnabled());
        return differences;
    }

    /** A rule with each child alarm's ARN replaced by its name, as {@link ExpectedAlarm.Composite#rule} is written. */
    static String normalizedRule(String rule) {
        return ALARM_ARN_PREFIX.matcher(rule).replaceAll("");
    }

    private static void metric(List<String> differences, ExpectedAlarm.Metric expected, MetricAlarm actual) {
        same(differences, "namespace", expected.namespace(), actual.namespace());
        same(differences, "metric", expected.metricName(), actual.metricName());
        same(differences, "statistic", expected.statistic(), actual.statisticAsString());
        same(differences, "period", expected.period(), actual.period());
        same(differences, "evaluation periods", expected.evaluationPeriods(), actual.evaluationPeriods());
        same(differences, "comparison", expected.comparisonOperator(), actual.comparisonOperatorAsString());
        same(differences, "missing data treatment", expected.treatMissingData(), actual.treatMissingData());
        threshold(differences, expected.threshold(), actual.threshold());
        dimensions(differences, "", expected.dimensions(), actual.dimensions());
        if (!actual.metrics().isEmpty()) {
            differences.add("has metric queries "
                    + actual.metrics().stream().map(MetricDataQuery::id).toList() + ", expected a single metric");
        }
    }

    private static void metricMath(List<String> differences, ExpectedAlarm.MetricMath expected, MetricAlarm actual) {
        if (actual.metricName() != null) {
            differences.add("watches the single metric " + actual.namespace() + " " + actual.metricName()
                    + ", expected metric queries");
        }
        Map<String, MetricDataQuery> deployed = new LinkedHashMap<>();
        actual.metrics().forEach(q -> deployed.put(q.id(), q));
        for (ExpectedAlarm.Query query : expected.queries()) {
            String what = "query " + query.id();
            MetricDataQuery found = deployed.get(query.id());
            if (found == null) {
                differences.add(what + " is missing");
                continue;
            }
            same(differences, what + " expression", query.expression().orElse(null), found.expression());
            boolean returnData = found.returnData() == null || found.returnData();
            if (returnData != query.returnData()) {
                differences.add(what + " returns data " + returnData + ", expected " + query.returnData());
            }
            if (query.metricStat().isPresent()) {
                ExpectedAlarm.MetricStat stat = query.metricStat().get();
                var metricStat = found.metricStat();
                if (metricStat == null || metricStat.metric() == null) {
                    differences.add(what + " has no metric, expected " + stat.namespace() + " " + stat.metricName());
                    continue;
                }
                same(
                        differences,
                        what + " namespace",
                        stat.namespace(),
                        metricStat.metric().namespace());
                same(
                        differences,
                        what + " metric",
                        stat.metricName(),
                        metricStat.metric().metricName());
                same(differences, what + " statistic", stat.stat(), metricStat.stat());
                same(differences, what + " period", stat.period(), metricStat.period());
                dimensions(
                        differences,
                        what + " ",
                        stat.dimensions(),
                        metricStat.metric().dimensions());
            } else if (found.metricStat() != null) {
                differences.add(what + " has a metric, expected only the expression");
            }
        }
        deployed.keySet().stream()
                .filter(id -> expected.queries().stream().noneMatch(q -> q.id().equals(id)))
                .forEach(id -> differences.add("unexpected query " + id));
        same(differences, "threshold metric", expected.thresholdMetricId().orElse(null), actual.thresholdMetricId());
        same(differences, "evaluation periods", expected.evaluationPeriods(), actual.evaluationPeriods());
        same(differences, "comparison", expected.comparisonOperator(), actual.comparisonOperatorAsString());
        same(differences, "missing data treatment", expected.treatMissingData(), actual.treatMissingData());
        if (expected.threshold().isPresent()) {
            threshold(differences, expected.threshold().getAsDouble(), actual.threshold());
        }
    }

    private static void threshold(List<String> differences, double expected, Double actual) {
        if (actual == null || Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
            differences.add("threshold is " + plain(actual) + ", expected " + plain(expected));
        }
    }

    private static void dimensions(
            List<String> differences, String what, Map<String, String> expected, List<Dimension> actual) {
        Map<String, String> deployed = new LinkedHashMap<>();
        for (Dimension dimension : actual) {
            deployed.put(dimension.name(), dimension.value());
        }
        expected.forEach((name, value) -> {
            String actualValue = deployed.get(name);
            if (actualValue == null || actualValue.isEmpty()) {
                differences.add(what + "dimension " + name + " is missing");
            } else if (!ExpectedAlarm.DEPLOY_TIME.equals(value) && !value.equals(actualValue)) {
                differences.add(what + "dimension " + name + " is '" + actualValue + "', expected '" + value + "'");
            }
        });
        deployed.keySet().stream()
                .filter(name -> !expected.containsKey(name))
                .forEach(name -> differences.add(what + "unexpected dimension " + name));
    }

    /**
     * Both actions must be exactly the expected topic's ARN, or both empty for an alarm without actions (a
     * composite's child whose own actions are off: a child that still notifies would page twice).
     */
    private static void actions(
            List<String> differences,
            Optional<String> topic,
            Map<String, String> topicArns,
            List<String> alarmActions,
            List<String> okActions,
            Boolean actionsEnabled) {
        if (topic.isEmpty()) {
            if (!alarmActions.isEmpty()) {
                differences.add("alarm actions are " + alarmActions + ", expected none (its composite alarm notifies)");
            }
            if (!okActions.isEmpty()) {
                differences.add("OK actions are " + okActions + ", expected none (its composite alarm notifies)");
            }
            return;
        }
        String topicArn = topicArns.get(topic.get());
        if (topicArn == null) {
            differences.add("cannot check its actions: the alert topic was not found");
        } else {
            actions(differences, "alarm", alarmActions, topicArn);
            actions(differences, "OK", okActions, topicArn);
        }
        if (Boolean.FALSE.equals(actionsEnabled)) {
            differences.add("actions are disabled");
        }
    }

    private static void actions(List<String> differences, String kind, List<String> actual, String topicArn) {
        if (!actual.equals(List.of(topicArn))) {
            differences.add(kind + " actions are " + actual + ", expected [" + topicArn + "]");
        }
    }

    /**
     * A one-line description of what an alarm watches, e.g. {@code DataPipelineMetrics ErrorRate > 2},
     * {@code DataPipelineMetrics DataQualityScore below ANOMALY_DETECTION_BAND(m0, 2)},
     * {@code records / PERIOD(records) < 5 over DataPipelineMetrics RecordsProcessed} or
     * {@code composite of GlueJobFailureAlarm, DataQualityAlarm}.
     */
    public static String describe(ExpectedAlarm alarm) {
        return switch (alarm) {
            case ExpectedAlarm.Metric m ->
                m.namespace() + " " + m.metricName() + " " + symbol(m.comparisonOperator()) + " "
                        + plain(m.threshold());
            case ExpectedAlarm.MetricMath m -> describe(m);
            case ExpectedAlarm.Composite c -> "composite of " + String.join(", ", c.children());
        };
    }

    private static String describe(ExpectedAlarm.MetricMath alarm) {
        String metrics = String.join(
                ", ",
                alarm.metricStats().stream()
                        .map(s -> s.namespace() + " " + s.metricName())
                        .toList());
        if (alarm.anomalyDetection()) {
            String band = alarm.queries().stream()
                    .filter(q -> q.id().equals(alarm.thresholdMetricId().get()))
                    .flatMap(q -> q.expression().stream())
                    .findFirst()
                    .orElse(alarm.thresholdMetricId().get());
            return metrics + " " + symbol(alarm.comparisonOperator()) + " " + band;
        }
        String expression = alarm.queries().stream()
                .filter(ExpectedAlarm.Query::returnData)
                .flatMap(q -> q.expression().stream())
                .findFirst()
                .orElse("metric math");
        OptionalDouble threshold = alarm.threshold();
        return expression + " " + symbol(alarm.comparisonOperator()) + " "
                + (threshold.isPresent() ? plain(threshold.getAsDouble()) : "?") + " over " + metrics;
    }

    private static void same(List<String> differences, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            differences.add(what + " is " + actual + ", expected " + expected);
        }
    }

    private static String symbol(String operator) {
        return switch (operator) {
            case "GreaterThanThreshold" -> ">";
            case "GreaterThanOrEqualToThreshold" -> ">=";
            case "LessThanThreshold" -> "<";
            case "LessThanOrEqualToThreshold" -> "<=";
            case "LessThanLowerThreshold" -> "below";
            case "GreaterThanUpperThreshold" -> "above";
            case "LessThanLowerOrGreaterThanUpperThreshold" -> "outside";
            default -> operator;
        };
    }

    static String plain(Double value) {
        if (value == null) {
            return "none";
        }
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf(value.longValue())
                : String.valueOf(value);
    }
}
