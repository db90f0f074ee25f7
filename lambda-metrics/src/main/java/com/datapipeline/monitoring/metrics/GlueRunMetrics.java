package com.datapipeline.monitoring.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Pure computations over a job's runs. "Now" and the windows are passed in so the edges are testable.
 *
 * <p>Window rule: a run belongs to the look-back window when it completed at or after
 * {@code now - lookback}; it belongs to the interval when it completed after {@code now - interval} and
 * not after {@code now}, so back-to-back invocations never count a run twice.
 */
public final class GlueRunMetrics {

    private GlueRunMetrics() {}

    /**
     * ErrorRate: FAILED, TIMEOUT and ERROR runs as a percent of finished runs (SUCCEEDED, FAILED, TIMEOUT,
     * ERROR) that completed in the window. STOPPED runs count as neither. Empty when no run finished.
     */
    public static OptionalDouble errorRatePercent(List<JobRun> runs, Instant windowStart) {
        List<JobRun> finished = runs.stream()
                .filter(JobRun::isFinished)
                .filter(run -> !run.completedOn().isBefore(windowStart))
                .toList();
        if (finished.isEmpty()) {
            return OptionalDouble.empty();
        }
        long failed = finished.stream().filter(JobRun::isFailed).count();
        return OptionalDouble.of(100.0 * failed / finished.size());
    }

    /**
     * ProcessingLatency: ExecutionTime in seconds of the latest finished run in the window (CompletedOn
     * minus StartedOn when Glue reports no ExecutionTime). Empty when no run finished.
     */
    public static OptionalDouble processingLatencySeconds(List<JobRun> runs, Instant windowStart) {
        return runs.stream()
                .filter(JobRun::isFinished)
                .filter(run -> !run.completedOn().isBefore(windowStart))
                .max(Comparator.comparing(JobRun::completedOn))
                .flatMap(JobRun::durationSeconds)
                .map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }

    /**
     * SecondsSinceLastSuccess: now minus CompletedOn of the newest SUCCEEDED run found. Empty when there is
     * none: the alarm treats the missing data as breaching, so "no success in the window" pages.
     */
    public static OptionalDouble secondsSinceLastSuccess(List<JobRun> runs, Instant now) {
        return newestSuccess(runs)
                .map(run -> OptionalDouble.of(nonNegativeSeconds(run.completedOn(), now)))
                .orElse(OptionalDouble.empty());
    }

    /**
     * LongestRunningSeconds: now minus StartedOn of the oldest run still STARTING, RUNNING, STOPPING or
     * WAITING; a measured 0 when no run is in progress.
     */
    public static double longestRunningSeconds(List<JobRun> runs, Instant now) {
        return runs.stream()
                .filter(JobRun::isInProgress)
                .map(JobRun::startedOn)
                .filter(started -> started != null)
                .min(Comparator.naturalOrder())
                .map(started -> nonNegativeSeconds(started, now))
                .orElse(0.0);
    }

    /** SUCCEEDED runs that completed in (now - interval, now]: the ones whose records this invocation counts. */
    public static List<JobRun> succeededInInterval(List<JobRun> runs, Instant now, Duration interval) {
        Instant intervalStart = now.minus(interval);
        return runs.stream()
                .filter(JobRun::isSucceeded)
                .filter(run -> run.completedOn().isAfter(intervalStart)
                        && !run.completedOn().isAfter(now))
                .toList();
    }

    /**
     * DPU-hours of the finished runs (SUCCEEDED, FAILED, TIMEOUT, ERROR) that completed in the interval, the window
     * of {@link #succeededInInterval}, so consecutive invocations never bill a run twice. Runs whose capacity is
     * unknown add nothing. Empty when no run with a known capacity finished in the interval.
     */
    public static OptionalDouble dpuHoursInInterval(List<JobRun> runs, Instant now, Duration interval) {
        Instant intervalStart = now.minus(interval);
        List<Double> hours = runs.stream()
                .filter(JobRun::isFinished)
                .filter(run -> run.completedOn().isAfter(intervalStart)
                        && !run.completedOn().isAfter(now))
                .map(JobRun::dpuHours)
                .flatMap(Optional::stream)
                .toList();
        return hours.isEmpty()
                ? OptionalDouble.empty()
                : OptionalDouble.of(
                        hours.stream().mapToDouble(Double::doubleValue).sum());
    }

    /** Cost in USD of {@code dpuHours} at {@code pricePerDpuHour}. */
    public static double costUsd(double dpuHours, double pricePerDpuHour) {
        return dpuHours * pricePerDpuHour;
    }

    private static Optional<JobRun> newestSuccess(List<JobRun> runs) {
        return runs.stream().filter(JobRun::isSucceeded).max(Comparator.comparing(JobRun::completedOn));
    }

    // Clock skew between Glue and Lambda can put a timestamp slightly in the future; an age is never negative.
    private static double nonNegativeSeconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
