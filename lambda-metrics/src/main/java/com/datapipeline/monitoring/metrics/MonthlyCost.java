package com.datapipeline.monitoring.metrics;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The month's cost of a pipeline's runs and its projection to the whole month: pure, "now" passed in. The month is the
 * UTC calendar month, as AWS bills.
 *
 * <p>Month-to-date rule: the DPU-hours of the finished runs (SUCCEEDED, FAILED, TIMEOUT, ERROR, as {@link
 * GlueRunMetrics#dpuHoursInInterval} counts them) that started at or after the first of the month, 00:00 UTC, and
 * completed at or before now. A run that started last month is last month's.
 *
 * <p>Projection rule: month-to-date × the month's days / the days begun, where today counts as a whole day (on the 1st,
 * the month-to-date × the month's days). Counting today whole never projects more than the spend so far would reach at
 * a steady daily rate: a job that runs once a day at 00:30 projects exactly its monthly cost right after each run, where
 * dividing by the elapsed hours would project almost twice that on the 2nd. So the first hours of a month raise no
 * alarm from one early run; the price is that a steady hourly job's projection climbs to its true value over each day.
 */
public final class MonthlyCost {

    private MonthlyCost() {}

    /** 00:00 UTC of the first day of {@code now}'s month. */
    public static Instant monthStart(Instant now) {
        return YearMonth.from(now.atZone(ZoneOffset.UTC))
                .atDay(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /** DPU-hours of the month's runs by the month-to-date rule, those that completed in {@code (after, now]}. */
    public static double dpuHours(List<JobRun> runs, Instant after, Instant now) {
        Instant monthStart = monthStart(now);
        return runs.stream()
                .filter(JobRun::isFinished)
                .filter(run -> run.startedOn() != null && !run.startedOn().isBefore(monthStart))
                .filter(run ->
                        run.completedOn().isAfter(after) && !run.completedOn().isAfter(now))
                .map(JobRun::dpuHours)
                .flatMap(Optional::stream)
                .mapToDouble(Double::doubleValue)
                .sum();
    }

    /** DPU-hours of all the month's runs by the month-to-date rule. */
    public static double monthToDateDpuHours(List<JobRun> runs, Instant now) {
        return dpuHours(runs, monthStart(now).minusNanos(1), now);
    }

    /** The projection rule: {@code monthToDateUsd} × the days of {@code now}'s month / the days begun. */
    public static double projectedUsd(double monthToDateUsd, Instant now) {
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        int daysBegun = utc.getDayOfMonth();
        return monthToDateUsd * YearMonth.from(utc).lengthOfMonth() / daysBegun;
    }

    /** Whether {@code a} and {@code b} are in the same UTC month. */
    public static boolean sameMonth(Instant a, Instant b) {
        return monthStart(a).equals(monthStart(b));
    }
}
