package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.contract.BreachBit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * The metric math of a pipeline's one-alarm page: the sum of the {@link BreachBit}s of the failure modes of one
 * severity that breached in a period. The metrics function's bits come from the pipeline's Breach metric; the others
 * from the metric each mode's signal would watch, compared as that signal would ({@code IF(FILL(m, 0) > t, bit, 0)}),
 * so the page fires for exactly what the signals would fire for, and its state reason's datum names the modes.
 *
 * <p>Why FILL: the event counts and the Glue job metrics exist only while something happens, and a sum over a series
 * without a datum has none. Why not a composite: it costs $0.50 a month per page on top of its children ($0.10 per
 * metric each), where this alarm is billed per metric it reads ($0.10 each, at most 10 metrics per alarm).
 */
public final class BreachPage {
    /** CloudWatch's limit of metrics one alarm's math may read. */
    public static final int MAX_METRICS = 10;

    private static final String BREACH_ID = "breach";

    private BreachPage() {}

    /**
     * The expression over {@code modes} (pipeline signal kinds with a bit), all of one page's severity.
     *
     * @param allFunctionBitsHere whether every function bit the pipeline has is in this page, so the Breach value
     *                            needs no splitting by bit
     */
    public static MathExpression expression(
            List<AlarmKind> modes, AlarmKind.Inputs in, PipelineMetricSet metrics, boolean allFunctionBitsHere) {
        Map<String, IMetric> using = new TreeMap<>();
        List<String> terms = new ArrayList<>();
        List<BreachBit> functionBits = modes.stream()
                .map(kind -> kind.bit().orElseThrow())
                .filter(bit -> bit.source() == BreachBit.Source.METRICS_FUNCTION)
                .toList();
        if (!functionBits.isEmpty()) {
            using.put(BREACH_ID, metrics.breach());
            String breach = "FILL(" + BREACH_ID + ", 0)";
            if (allFunctionBitsHere) {
                terms.add(breach);
            } else {
                // Metric math has no bit operators: bit k of b is FLOOR(b / 2^k) - 2 * FLOOR(b / 2^(k+1)).
                for (BreachBit bit : functionBits) {
                    terms.add("(FLOOR(" + breach + " / " + bit.value() + ") - 2 * FLOOR(" + breach + " / "
                            + 2 * bit.value() + ")) * " + bit.value());
                }
            }
        }
        for (AlarmKind kind : modes) {
            BreachBit bit = kind.bit().orElseThrow();
            if (bit.source() != BreachBit.Source.PAGE_EXPRESSION) {
                continue;
            }
            String id = id(bit);
            using.put(id, singleMetric(kind.metric(in, metrics), kind));
            terms.add("IF(FILL(" + id + ", 0) " + operator(kind) + " " + number(kind.threshold(in)) + ", " + bit.value()
                    + ", 0)");
        }
        if (using.size() > MAX_METRICS) {
            throw new IllegalStateException(
                    "a page alarm may read at most " + MAX_METRICS + " metrics, not " + using.size() + ": " + modes);
        }
        return MathExpression.Builder.create()
                .expression(String.join(" + ", terms))
                .usingMetrics(using)
                .label("Breached modes (sum of bits)")
                .period(PipelineMetricSet.PERIOD)
                .build();
    }

    /**
     * What the metrics function compares for the pipeline's Breach metric ({@code breachThresholds}): each applicable
     * mode's threshold, as its signal alarm would have it, under the contract's key.
     */
    public static Map<String, Object> functionThresholds(AlarmKind.Inputs in) {
        Map<String, Object> thresholds = new TreeMap<>();
        for (AlarmKind kind : AlarmKind.withRole(AlarmKind.Role.PIPELINE_SIGNAL)) {
            if (kind.appliesTo(in)) {
                kind.bit().flatMap(BreachBit::thresholdKey).ifPresent(key -> thresholds.put(key, kind.threshold(in)));
            }
        }
        return thresholds;
    }

    /**
     * The description of a page over {@code modes}: what the value in its reason means, each bit with its mode and the
     * signal alarm it stands for ("256 run failed [GlueJobRunFailedAlarm]"; tools/time-to-page reads it).
     */
    public static String legend(List<AlarmKind> modes) {
        return "The value in the reason is the sum of the modes that breached: "
                + String.join(
                        ", ",
                        modes.stream()
                                .sorted(java.util.Comparator.comparing(
                                        kind -> kind.bit().orElseThrow()))
                                .map(kind -> kind.bit().orElseThrow().value() + " "
                                        + kind.bit().orElseThrow().mode() + " [" + kind.baseName() + "]")
                                .toList())
                + ".";
    }

    private static String id(BreachBit bit) {
        String[] words = bit.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder id = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            id.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return id.toString();
    }

    private static Metric singleMetric(IMetric metric, AlarmKind kind) {
        if (metric instanceof Metric single) {
            return single;
        }
        throw new IllegalStateException(kind + " watches metric math, which a page's bit cannot compare");
    }

    /** Only comparisons a missing datum filled with 0 cannot satisfy: "below a threshold" would always breach. */
    private static String operator(AlarmKind kind) {
        ComparisonOperator comparison = kind.trigger().orElseThrow().comparison();
        return switch (comparison) {
            case GREATER_THAN_THRESHOLD -> ">";
            case GREATER_THAN_OR_EQUAL_TO_THRESHOLD -> ">=";
            default -> throw new IllegalStateException(kind + ": " + comparison + " cannot be a page expression's bit");
        };
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
