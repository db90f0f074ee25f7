package com.datapipeline.monitoring.cdk.catalog;

import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.contract.CustomMetric;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metrics of a pipeline's stages other than its job, from the event history's metric filters. Events name the
 * crawler, not the pipeline, so a stage's series has the stage's own dimension (Crawler = the crawler's name) and a
 * pipeline's signal combines its stages' series.
 */
public final class StageMetrics {
    /** Count of "Glue Crawler State Change" events in state Failed, per crawler, from the event history. */
    public static final String FAILED_CRAWLS = "FailedCrawls";

    public static final String CRAWLER_DIMENSION = "Crawler";
    /**
     * Count of "Data Quality Evaluation Results Available" events whose evaluation failed or failed a rule, per
     * ruleset (the event's first ruleset name), from the event history.
     */
    public static final String FAILED_EVALUATIONS = "FailedDataQualityEvaluations";

    public static final String RULESET_DIMENSION = "Ruleset";
    /** Count of "Step Functions Execution Status Change" events in FAILED, TIMED_OUT or ABORTED, per state machine. */
    public static final String FAILED_EXECUTIONS = "FailedExecutions";

    public static final String STATE_MACHINE_DIMENSION = "StateMachineArn";

    private StageMetrics() {}

    /** Failed crawls of the given crawlers per period: the one crawler's series, or the largest of theirs. */
    public static IMetric failedCrawls(List<String> crawlers) {
        return largestOf(FAILED_CRAWLS, CRAWLER_DIMENSION, crawlers, "c");
    }

    /** Failed or rule-failing Data Quality evaluations of the given rulesets per period. */
    public static IMetric failedEvaluations(List<String> rulesets) {
        return largestOf(FAILED_EVALUATIONS, RULESET_DIMENSION, rulesets, "r");
    }

    /** Failed, timed-out or aborted executions of the given state machines (by name) per period. */
    public static IMetric failedExecutions(List<String> stateMachines) {
        return largestOf(
                FAILED_EXECUTIONS,
                STATE_MACHINE_DIMENSION,
                stateMachines.stream().map(StageMetrics::stateMachineArn).toList(),
                "s");
    }

    /** A Standard state machine's ARN as its events name it, in this stack's account and Region. */
    public static String stateMachineArn(String name) {
        return "arn:" + Aws.PARTITION + ":states:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":stateMachine:" + name;
    }

    /** The one stage's series, or the largest of the stages' series per period. */
    private static IMetric largestOf(String metricName, String dimension, List<String> values, String idPrefix) {
        if (values.isEmpty() || values.size() > PipelineStages.MAX_STAGES_PER_ALARM) {
            throw new IllegalArgumentException(
                    "1 to " + PipelineStages.MAX_STAGES_PER_ALARM + " stages, not " + values.size());
        }
        if (values.size() == 1) {
            return series(metricName, dimension, values.get(0));
        }
        // FILL: a stage that did not fail in a period has no data point, which would leave MAX without one.
        Map<String, IMetric> byId = IntStream.range(0, values.size())
                .boxed()
                .collect(Collectors.toMap(
                        i -> idPrefix + i,
                        i -> series(metricName, dimension, values.get(i)),
                        (a, b) -> a,
                        TreeMap::new));
        return MathExpression.Builder.create()
                .expression("MAX(["
                        + byId.keySet().stream()
                                .map(id -> "FILL(" + id + ", 0)")
                                .collect(Collectors.joining(", ")) + "])")
                .usingMetrics(byId)
                .label(metricName)
                .period(PipelineMetricSet.PERIOD)
                .build();
    }

    private static Metric series(String metricName, String dimension, String value) {
        return Metric.Builder.create()
                .namespace(CustomMetric.NAMESPACE)
                .metricName(metricName)
                .dimensionsMap(Map.of(dimension, value))
                .statistic("Sum")
                .period(PipelineMetricSet.PERIOD)
                .build();
    }
}
