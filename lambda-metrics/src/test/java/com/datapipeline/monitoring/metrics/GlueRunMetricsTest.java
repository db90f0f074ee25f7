package com.datapipeline.monitoring.metrics;

import static com.datapipeline.monitoring.metrics.Runs.NOW;
import static com.datapipeline.monitoring.metrics.Runs.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlueRunMetricsTest {

    private static final Instant WINDOW_START = NOW.minus(Duration.ofMinutes(1440));

    @Test
    void emptyWindowHasNoErrorRateLatencyOrSuccessAndZeroRunning() {
        List<JobRun> none = List.of();
        assertThat(GlueRunMetrics.errorRatePercent(none, WINDOW_START)).isEmpty();
        assertThat(GlueRunMetrics.processingLatencySeconds(none, WINDOW_START)).isEmpty();
        assertThat(GlueRunMetrics.secondsSinceLastSuccess(none, NOW)).isEmpty();
        assertThat(GlueRunMetrics.longestRunningSeconds(none, NOW)).isZero();
    }

    @Test
    void allFailedRunsGiveHundredPercentErrorRate() {
        List<JobRun> runs = List.of(
                Runs.failed(minutes(5)),
                Runs.finished("TIMEOUT", minutes(100), minutes(60), 2400),
                Runs.finished("ERROR", minutes(200), minutes(199), 60));
        assertThat(GlueRunMetrics.errorRatePercent(runs, WINDOW_START)).hasValue(100.0);
        assertThat(GlueRunMetrics.secondsSinceLastSuccess(runs, NOW)).isEmpty();
    }

    @Test
    void errorRateIsFailedShareOfFinishedRunsIgnoringStopped() {
        List<JobRun> runs = List.of(
                Runs.failed(minutes(5)),
                Runs.succeeded(minutes(65)),
                Runs.succeeded(minutes(125)),
                Runs.succeeded(minutes(185)),
                Runs.finished("STOPPED", minutes(300), minutes(290), 600));
        assertThat(GlueRunMetrics.errorRatePercent(runs, WINDOW_START)).hasValue(25.0);
    }

    @Test
    void stoppedOnlyRunsHaveNoErrorRateAndNoLatency() {
        List<JobRun> runs = List.of(Runs.finished("STOPPED", minutes(30), minutes(20), 600));
        assertThat(GlueRunMetrics.errorRatePercent(runs, WINDOW_START)).isEmpty();
        assertThat(GlueRunMetrics.processingLatencySeconds(runs, WINDOW_START)).isEmpty();
    }

    @Test
    void runningOnlyRunsReportTheOldestAgeAndNothingElse() {
        List<JobRun> runs = List.of(
                Runs.inProgress("RUNNING", minutes(3)),
                Runs.inProgress("STARTING", minutes(1)),
                Runs.inProgress("WAITING", minutes(42)),
                Runs.inProgress("STOPPING", minutes(7)));
        assertThat(GlueRunMetrics.longestRunningSeconds(runs, NOW)).isEqualTo(42 * 60.0);
        assertThat(GlueRunMetrics.errorRatePercent(runs, WINDOW_START)).isEmpty();
        assertThat(GlueRunMetrics.processingLatencySeconds(runs, WINDOW_START)).isEmpty();
        assertThat(GlueRunMetrics.secondsSinceLastSuccess(runs, NOW)).isEmpty();
    }

    @Test
    void noRunInProgressIsAMeasuredZero() {
        assertThat(GlueRunMetrics.longestRunningSeconds(List.of(Runs.succeeded(minutes(5))), NOW))
                .isZero();
    }

    @Test
    void runCompletedExactlyAtWindowStartCountsAndOneMillisecondEarlierDoesNot() {
        JobRun atEdge = new JobRun("jr_edge", "FAILED", WINDOW_START.minusSeconds(60), WINDOW_START, 60);
        JobRun justOutside =
                new JobRun("jr_out", "SUCCEEDED", WINDOW_START.minusSeconds(120), WINDOW_START.minusMillis(1), 60);
        assertThat(GlueRunMetrics.errorRatePercent(List.of(atEdge, justOutside), WINDOW_START))
                .hasValue(100.0);
        assertThat(GlueRunMetrics.errorRatePercent(List.of(justOutside), WINDOW_START))
                .isEmpty();
    }

    @Test
    void latencyIsExecutionTimeOfTheLatestFinishedRun() {
        List<JobRun> runs = List.of(
                Runs.finished("SUCCEEDED", minutes(20), minutes(15), 290),
                Runs.finished("FAILED", minutes(80), minutes(60), 1200),
                Runs.finished("STOPPED", minutes(5), minutes(1), 240));
        assertThat(GlueRunMetrics.processingLatencySeconds(runs, WINDOW_START)).hasValue(290.0);
    }

    @Test
    void latencyFallsBackToWallClockWhenExecutionTimeIsMissingOrZero() {
        JobRun missing = Runs.finished("SUCCEEDED", minutes(20), minutes(15), null);
        JobRun zero = Runs.finished("SUCCEEDED", Duration.ofSeconds(90), Duration.ofSeconds(30), 0);
        assertThat(GlueRunMetrics.processingLatencySeconds(List.of(missing), WINDOW_START))
                .hasValue(300.0);
        assertThat(GlueRunMetrics.processingLatencySeconds(List.of(zero, missing), WINDOW_START))
                .hasValue(60.0);
    }

    @Test
    void secondsSinceLastSuccessUsesTheNewestSuccessfulCompletion() {
        List<JobRun> runs = List.of(Runs.failed(minutes(1)), Runs.succeeded(minutes(30)), Runs.succeeded(minutes(90)));
        assertThat(GlueRunMetrics.secondsSinceLastSuccess(runs, NOW)).hasValue(1800.0);
    }

    @Test
    void completionSlightlyInTheFutureGivesZeroNotANegativeAge() {
        JobRun skewed = new JobRun("jr_skew", "SUCCEEDED", NOW.minusSeconds(60), NOW.plusSeconds(2), 62);
        assertThat(GlueRunMetrics.secondsSinceLastSuccess(List.of(skewed), NOW)).hasValue(0.0);
    }

    @Test
    void intervalIncludesItsEndAndExcludesItsStartSoRunsAreNotCountedTwice() {
        JobRun atNow = Runs.succeeded(Duration.ZERO);
        JobRun atIntervalStart = Runs.succeeded(minutes(5));
        JobRun inside = Runs.succeeded(Duration.ofSeconds(299));
        JobRun failedInside = Runs.failed(minutes(1));
        assertThat(GlueRunMetrics.succeededInInterval(
                        List.of(atNow, atIntervalStart, inside, failedInside), NOW, minutes(5)))
                .containsExactlyInAnyOrder(atNow, inside);
    }
}
