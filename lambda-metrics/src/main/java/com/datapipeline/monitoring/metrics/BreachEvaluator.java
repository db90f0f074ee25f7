package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.BreachBit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compares a pipeline's measurement with its thresholds ({@link BreachThresholds}) and gives the Breach value: the sum
 * of the {@link BreachBit}s that breached. The same comparisons the per-metric alarms make (strictly above, or below
 * for data quality and throughput), so a pipeline pages for the same things whether its page is one alarm or a
 * composite over several.
 *
 * <p>Collection failures are counted per pipeline across invocations: the second failure in a row sets
 * {@link BreachBit#COLLECTION_FAILED}, so one throttled call does not page. The count lives in this object, which the
 * handler builds once per container; a new container starts at zero, so a failing pipeline then pages one run later,
 * never not at all (the schedule runs every period, and every failure after the first in a container sets the bit).
 */
public final class BreachEvaluator {
    /** Consecutive failed collections before the bit is set. */
    static final int FAILURES_IN_A_ROW = 2;

    private final Duration interval;
    private final Map<String, Integer> failuresInARow = new ConcurrentHashMap<>();

    /** @param interval the schedule's period, over which RecordsProcessed is counted */
    public BreachEvaluator(Duration interval) {
        this.interval = interval;
    }

    /** The bits a successful measurement breaches; resets the pipeline's failure count. */
    public Set<BreachBit> breached(String pipeline, BreachThresholds thresholds, PipelineMeasurement measurement) {
        failuresInARow.remove(pipeline);
        Map<PipelineMetric, Double> values = measurement.published();
        Set<BreachBit> bits = EnumSet.noneOf(BreachBit.class);
        above(
                bits,
                BreachBit.DURATION,
                values.get(PipelineMetric.LONGEST_RUNNING_SECONDS),
                thresholds.durationSeconds());
        above(bits, BreachBit.STUCK_RUN, values.get(PipelineMetric.LONGEST_RUNNING_SECONDS), thresholds.stuckSeconds());
        if (thresholds.missedRunSeconds().isPresent()) {
            // No success found in the look-back window breaches too (the per-metric alarm's missing data is breaching).
            Double since = values.get(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS);
            if (since == null || since > thresholds.missedRunSeconds().getAsDouble()) {
                bits.add(BreachBit.MISSED_RUN);
            }
        }
        above(bits, BreachBit.ERROR_RATE, values.get(PipelineMetric.ERROR_RATE), thresholds.errorRatePercent());
        above(bits, BreachBit.LATENCY, values.get(PipelineMetric.PROCESSING_LATENCY), thresholds.latencySeconds());
        below(
                bits,
                BreachBit.DATA_QUALITY,
                values.get(PipelineMetric.DATA_QUALITY_SCORE),
                thresholds.dataQualityPercent());
        Double records = values.get(PipelineMetric.RECORDS_PROCESSED);
        below(
                bits,
                BreachBit.LOW_THROUGHPUT,
                records == null ? null : records / interval.toSeconds(),
                thresholds.minRecordsPerSecond());
        above(
                bits,
                BreachBit.OVER_BUDGET,
                values.get(PipelineMetric.PROJECTED_MONTHLY_COST_USD),
                thresholds.monthlyBudgetUsd());
        above(
                bits,
                BreachBit.WORKFLOW_RUN_FAILED,
                values.get(PipelineMetric.WORKFLOW_RUN_FAILED),
                thresholds.workflowRunFailed());
        above(
                bits,
                BreachBit.TRIGGER_DEACTIVATED,
                values.get(PipelineMetric.TRIGGER_DEACTIVATED),
                thresholds.triggerDeactivated());
        return bits;
    }

    /** Counts a failed collection: the collection bit once it is the second in a row, else none. */
    public Set<BreachBit> failed(String pipeline) {
        int count = failuresInARow.merge(pipeline, 1, Integer::sum);
        return count >= FAILURES_IN_A_ROW ? EnumSet.of(BreachBit.COLLECTION_FAILED) : EnumSet.noneOf(BreachBit.class);
    }

    /** The Breach value of a set of bits. */
    public static long sum(Set<BreachBit> bits) {
        return bits.stream().mapToLong(BreachBit::value).sum();
    }

    /** The modes' names, for the log line. */
    public static List<String> modes(Set<BreachBit> bits) {
        List<String> modes = new ArrayList<>();
        bits.forEach(bit -> modes.add(bit.mode()));
        return modes;
    }

    private static void above(Set<BreachBit> bits, BreachBit bit, Double value, OptionalDouble threshold) {
        if (value != null && threshold.isPresent() && value > threshold.getAsDouble()) {
            bits.add(bit);
        }
    }

    private static void below(Set<BreachBit> bits, BreachBit bit, Double value, OptionalDouble threshold) {
        if (value != null && threshold.isPresent() && value < threshold.getAsDouble()) {
            bits.add(bit);
        }
    }
}
