package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.JobRunState;

/** The month's cost: {@link MonthlyCost}'s month-to-date and projection rules, and {@link MonthToDateCost}'s reads. */
class MonthlyCostTest {

    private static final RunCapacity TEN_DPUS = new RunCapacity(null, 10.0, "G.1X", 10, "4.0");

    private static JobRun run(String id, String state, Instant started, Duration took) {
        return new JobRun(id, state, started, started.plus(took), (int) took.toSeconds(), TEN_DPUS);
    }

    @Test
    void theMonthStartsAtMidnightUtcOfItsFirstDay() {
        assertThat(MonthlyCost.monthStart(Instant.parse("2026-11-30T23:59:59Z")))
                .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(MonthlyCost.monthStart(Instant.parse("2026-12-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    }

    @Test
    void theProjectionIsMonthToDateTimesTheMonthsDaysOverTheDaysBegun() {
        // 15 days begun of 30: twice the month-to-date.
        assertThat(MonthlyCost.projectedUsd(50, Instant.parse("2026-11-15T08:00:00Z")))
                .isCloseTo(100, within(1e-9));
        // The last day: the month-to-date itself.
        assertThat(MonthlyCost.projectedUsd(50, Instant.parse("2026-11-30T23:00:00Z")))
                .isCloseTo(50, within(1e-9));
        // A leap February has 29 days.
        assertThat(MonthlyCost.projectedUsd(10, Instant.parse("2028-02-01T12:00:00Z")))
                .isCloseTo(290, within(1e-9));
        assertThat(MonthlyCost.projectedUsd(0, Instant.parse("2026-11-15T08:00:00Z")))
                .isZero();
    }

    @Test
    void inTheFirstHoursOfAMonthTodayCountsAsAWholeDay() {
        // A daily job's $10 run at 00:30 of the 1st projects a 31-day month of it, not 10 / (35 min / 31 days).
        assertThat(MonthlyCost.projectedUsd(10, Instant.parse("2026-12-01T00:35:00Z")))
                .isCloseTo(310, within(1e-9));
        // The same job right after its run of the 2nd: still its monthly cost, not nearly twice it.
        assertThat(MonthlyCost.projectedUsd(20, Instant.parse("2026-12-02T00:35:00Z")))
                .isCloseTo(310, within(1e-9));
    }

    @Test
    void monthToDateCountsFinishedRunsThatStartedThisMonthAndCompletedByNow() {
        Instant now = Instant.parse("2026-11-10T12:00:00Z");
        List<JobRun> runs = List.of(
                run("a", "SUCCEEDED", Instant.parse("2026-11-01T00:00:00Z"), Duration.ofMinutes(30)), // 5 DPU-hours
                run("b", "FAILED", Instant.parse("2026-11-09T10:00:00Z"), Duration.ofMinutes(6)), // 1 DPU-hour
                run("c", "SUCCEEDED", Instant.parse("2026-10-31T23:50:00Z"), Duration.ofMinutes(30)), // last month's
                run("d", "SUCCEEDED", Instant.parse("2026-11-10T11:50:00Z"), Duration.ofMinutes(30)), // completes later
                new JobRun("e", "RUNNING", Instant.parse("2026-11-10T11:00:00Z"), null, null, TEN_DPUS));
        assertThat(MonthlyCost.monthToDateDpuHours(runs, now)).isCloseTo(6.0, within(1e-9));
    }

    @Test
    void theMinimumBillingDurationIsCountedIntoEachRun() {
        Instant now = Instant.parse("2026-11-10T12:00:00Z");
        JobRun tenSeconds = run("a", "SUCCEEDED", Instant.parse("2026-11-02T00:00:00Z"), Duration.ofSeconds(10));
        // 10 DPUs × the 1-minute minimum of Glue 2.0+ = 1/6 DPU-hour.
        assertThat(MonthlyCost.monthToDateDpuHours(List.of(tenSeconds), now)).isCloseTo(10.0 / 60, within(1e-9));
    }

    /** A Glue client that pages a fixed run history newest first, {@code pageSize} runs a call, and counts calls. */
    private static final class PagedHistory implements GlueClient {
        final List<software.amazon.awssdk.services.glue.model.JobRun> runs = new ArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        /** One 6-minute run of 10 DPUs (1 DPU-hour) every {@code every}, from {@code first} to {@code last}. */
        PagedHistory(Instant first, Instant last, Duration every) {
            for (Instant start = last; !start.isBefore(first); start = start.minus(every)) {
                runs.add(software.amazon.awssdk.services.glue.model.JobRun.builder()
                        .id("jr_" + start.getEpochSecond())
                        .jobRunState(JobRunState.SUCCEEDED)
                        .startedOn(start)
                        .completedOn(start.plus(Duration.ofMinutes(6)))
                        .executionTime(360)
                        .maxCapacity(10.0)
                        .glueVersion("4.0")
                        .build());
            }
        }

        @Override
        public GetJobRunsResponse getJobRuns(GetJobRunsRequest request) {
            calls.incrementAndGet();
            int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
            int to = Math.min(from + request.maxResults(), runs.size());
            return GetJobRunsResponse.builder()
                    .jobRuns(runs.subList(from, to))
                    .nextToken(to < runs.size() ? Integer.toString(to) : null)
                    .build();
        }

        @Override
        public String serviceName() {
            return "glue";
        }

        @Override
        public void close() {}
    }

    @Test
    void aFullReadPagesBackToTheMonthsStartAndNoFurther() {
        // Hourly runs from mid-October to 10 November 11:00: 9 days and 12 hours of November, 228 runs of 1 DPU-hour.
        PagedHistory glue = new PagedHistory(
                Instant.parse("2026-10-15T00:00:00Z"), Instant.parse("2026-11-10T11:00:00Z"), Duration.ofHours(1));
        MonthToDateCost monthToDate = new MonthToDateCost(new GlueJobRunSource(glue, 100));
        Instant now = Instant.parse("2026-11-10T12:00:00Z");

        assertThat(monthToDate.dpuHours("orders-etl", List.of(), now)).isCloseTo(228.0, within(1e-9));
        // 228 November runs: pages of 100, the third reaches October, so no fourth call of the 627 runs.
        assertThat(glue.calls).hasValue(3);
    }

    @Test
    void betweenHourlyReadsTheIntervalsRunsAreAddedWithoutACall() {
        PagedHistory glue = new PagedHistory(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-10T11:00:00Z"), Duration.ofHours(1));
        MonthToDateCost monthToDate = new MonthToDateCost(new GlueJobRunSource(glue, 200));
        Instant now = Instant.parse("2026-11-10T12:00:00Z");
        assertThat(monthToDate.dpuHours("orders-etl", List.of(), now)).isCloseTo(228.0, within(1e-9));
        int afterFullRead = glue.calls.get();

        // The next run of the schedule: one run finished in its interval (the collector read it anyway).
        Instant next = now.plus(Duration.ofMinutes(1));
        JobRun justFinished = run("new", "SUCCEEDED", next.minus(Duration.ofMinutes(7)), Duration.ofSeconds(390));
        assertThat(monthToDate.dpuHours("orders-etl", List.of(justFinished), next))
                .isCloseTo(228.0 + 10 * 390 / 3600.0, within(1e-9));
        // Counted once: the following interval does not add it again.
        assertThat(monthToDate.dpuHours("orders-etl", List.of(justFinished), next.plus(Duration.ofMinutes(1))))
                .isCloseTo(228.0 + 10 * 390 / 3600.0, within(1e-9));
        assertThat(glue.calls).hasValue(afterFullRead);

        // An hour after the full read, the history is read again.
        monthToDate.dpuHours("orders-etl", List.of(), now.plus(MonthToDateCost.FULL_READ_EVERY));
        assertThat(glue.calls.get()).isGreaterThan(afterFullRead);
    }

    @Test
    void aNewMonthStartsFromZeroWithAFullRead() {
        PagedHistory glue = new PagedHistory(
                Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-11-30T23:00:00Z"), Duration.ofHours(1));
        MonthToDateCost monthToDate = new MonthToDateCost(new GlueJobRunSource(glue, 200));
        assertThat(monthToDate.dpuHours("orders-etl", List.of(), Instant.parse("2026-11-30T23:59:00Z")))
                .isCloseTo(720.0, within(1e-9));
        int calls = glue.calls.get();

        assertThat(monthToDate.dpuHours("orders-etl", List.of(), Instant.parse("2026-12-01T00:00:30Z")))
                .isZero();
        // December has no run: the first page already holds November's, so one call.
        assertThat(glue.calls).hasValue(calls + 1);
    }
}
