package com.datapipeline.monitoring.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The month-to-date DPU-hours of each pipeline with a budget ({@link MonthlyCost}'s rule), kept per container so the
 * month's run history is read at most once an hour per pipeline, not on every run of the schedule.
 *
 * <p>A full read ({@code GetJobRuns} from the first of the month, 200 runs a call, stopping at the first page that
 * reaches last month) happens when the container has none for the pipeline, when the month changed, and when the last
 * one is {@link #FULL_READ_EVERY} old. In between, each run of the schedule adds the runs that finished in
 * its counting interval, from the runs the collector read anyway; the hourly read repairs what a missed run of the
 * schedule left out. So a job with N runs this month costs N / 200 + 1 (rounded down) extra calls an hour (README,
 * "Cost per run").
 */
public final class MonthToDateCost {

    /** How old a container's full read of a month may get before it is read again. */
    static final Duration FULL_READ_EVERY = Duration.ofHours(1);

    private record Cached(Instant readAt, Instant countedUntil, double dpuHours) {}

    private final JobRunSource runs;
    private final Duration fullReadEvery;
    private final Map<String, Cached> byJob = new ConcurrentHashMap<>();

    public MonthToDateCost(JobRunSource runs) {
        this(runs, FULL_READ_EVERY);
    }

    MonthToDateCost(JobRunSource runs, Duration fullReadEvery) {
        this.runs = runs;
        this.fullReadEvery = fullReadEvery;
    }

    /**
     * The month-to-date DPU-hours of {@code jobName} at {@code now}.
     *
     * @param recentRuns the runs the collector read for this run of the schedule, newest first
     */
    public double dpuHours(String jobName, List<JobRun> recentRuns, Instant now) {
        Cached cached = byJob.get(jobName);
        Cached next;
        if (cached == null
                || !MonthlyCost.sameMonth(cached.countedUntil(), now)
                || !now.isBefore(cached.readAt().plus(fullReadEvery))
                || now.isBefore(cached.countedUntil())) {
            List<JobRun> month = runs.recentRuns(jobName, MonthlyCost.monthStart(now));
            next = new Cached(now, now, MonthlyCost.monthToDateDpuHours(month, now));
        } else {
            next = new Cached(
                    cached.readAt(),
                    now,
                    cached.dpuHours() + MonthlyCost.dpuHours(recentRuns, cached.countedUntil(), now));
        }
        byJob.put(jobName, next);
        return next.dpuHours();
    }
}
