package com.datapipeline.monitoring.metrics;

import static com.datapipeline.monitoring.metrics.Runs.NOW;
import static com.datapipeline.monitoring.metrics.Runs.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** DPU-hours and cost of runs: {@link RunCapacity} and {@link GlueRunMetrics#dpuHoursInInterval}. */
class RunCostTest {

    private static final Duration INTERVAL = minutes(5);

    private static JobRun run(String state, Duration completedAgo, Integer executionSeconds, RunCapacity capacity) {
        return new JobRun(
                "jr_" + completedAgo.toSeconds(),
                state,
                NOW.minus(completedAgo).minusSeconds(executionSeconds == null ? 600 : executionSeconds),
                NOW.minus(completedAgo),
                executionSeconds,
                capacity);
    }

    @Test
    void dpuSecondsWhenPresentWinOverCapacityTimesExecutionTime() {
        // Auto-scaling: Glue reports 5,400 DPU-seconds although 10 DPUs × 1,800 s would be 5 DPU-hours.
        RunCapacity capacity = new RunCapacity(5400.0, 10.0, "G.1X", 10);
        assertThat(capacity.dpuHours(Optional.of(1800.0))).hasValue(1.5);
    }

    @Test
    void withoutDpuSecondsMaxCapacityTimesExecutionTime() {
        assertThat(new RunCapacity(null, 10.0, null, null).dpuHours(Optional.of(1800.0)))
                .hasValue(5.0);
        assertThat(new RunCapacity(0.0, 2.0, null, null).dpuHours(Optional.of(3600.0)))
                .hasValue(2.0);
    }

    @Test
    void withoutMaxCapacityTheWorkerTypeGivesTheDpusPerWorker() {
        assertThat(new RunCapacity(null, null, "G.2X", 10).dpuHours(Optional.of(3600.0)))
                .hasValue(20.0);
        assertThat(new RunCapacity(null, null, "G.025X", 2).dpuHours(Optional.of(3600.0)))
                .hasValue(0.5);
        assertThat(new RunCapacity(null, null, "G.8X", 3).dpuHours(Optional.of(1800.0)))
                .hasValue(12.0);
    }

    @Test
    void unknownCapacityWorkerTypeOrDurationGivesNoDpuHours() {
        assertThat(RunCapacity.UNKNOWN.dpuHours(Optional.of(3600.0))).isEmpty();
        assertThat(new RunCapacity(null, null, "X.99", 4).dpuHours(Optional.of(3600.0)))
                .isEmpty();
        assertThat(new RunCapacity(null, 10.0, null, null).dpuHours(Optional.empty()))
                .isEmpty();
    }

    @Test
    void sumsFinishedRunsOfTheIntervalOnly() {
        RunCapacity tenDpus = new RunCapacity(null, 10.0, "G.1X", 10);
        List<JobRun> runs = List.of(
                run("SUCCEEDED", minutes(1), 360, tenDpus), // 1 DPU-hour
                run("FAILED", minutes(4), 720, tenDpus), // 2 DPU-hours: failed runs are billed too
                run("SUCCEEDED", INTERVAL, 3600, tenDpus), // completed exactly at the interval's start: previous one
                run("SUCCEEDED", minutes(30), 3600, tenDpus), // earlier interval
                run("STOPPED", minutes(2), 3600, tenDpus), // not a finished outcome
                new JobRun("jr_running", "RUNNING", NOW.minusSeconds(60), null, null, tenDpus));
        assertThat(GlueRunMetrics.dpuHoursInInterval(runs, NOW, INTERVAL)).hasValue(3.0);
        assertThat(GlueRunMetrics.costUsd(3.0, 0.44)).isCloseTo(1.32, within(1e-9));
    }

    @Test
    void noRunWithAKnownCapacityInTheIntervalGivesNothing() {
        List<JobRun> runs = List.of(
                run("SUCCEEDED", minutes(1), 360, RunCapacity.UNKNOWN),
                run("SUCCEEDED", minutes(30), 360, new RunCapacity(3600.0, null, null, null)));
        assertThat(GlueRunMetrics.dpuHoursInInterval(runs, NOW, INTERVAL)).isEmpty();
        assertThat(GlueRunMetrics.dpuHoursInInterval(List.of(), NOW, INTERVAL)).isEmpty();
    }

    @Test
    void aRunIsBilledForAtLeastItsGlueVersionsMinimum() {
        // Glue 2.0 and later: per second with a 1-minute minimum; 0.9 and 1.0: a 10-minute minimum (see RunCapacity).
        assertThat(new RunCapacity(null, 6.0, null, null, "4.0").dpuHours(Optional.of(10.0)))
                .hasValue(6.0 * 60 / 3600);
        assertThat(new RunCapacity(null, 6.0, null, null, "4.0").dpuHours(Optional.of(61.0)))
                .hasValue(6.0 * 61 / 3600);
        assertThat(new RunCapacity(null, 6.0, null, null, "1.0").dpuHours(Optional.of(120.0)))
                .hasValue(6.0 * 600 / 3600);
        assertThat(new RunCapacity(null, 6.0, null, null, "0.9").dpuHours(Optional.of(900.0)))
                .hasValue(6.0 * 900 / 3600);
        // An unknown version gets the smaller minimum: a cost is never overstated.
        assertThat(new RunCapacity(null, 6.0, null, null).dpuHours(Optional.of(10.0)))
                .hasValue(6.0 * 60 / 3600);
        // Glue's own DPUSeconds is taken as it is.
        assertThat(new RunCapacity(30.0, 6.0, null, null, "1.0").dpuHours(Optional.of(10.0)))
                .hasValue(30.0 / 3600);
    }
}
