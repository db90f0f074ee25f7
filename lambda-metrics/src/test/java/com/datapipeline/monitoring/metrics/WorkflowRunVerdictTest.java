package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/** The verdict on workflow runs shaped as GetWorkflowRuns returns them (Name, WorkflowRunId, times, Statistics). */
class WorkflowRunVerdictTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final Duration STUCK_AFTER = Duration.ofMinutes(120);

    private static WorkflowRun run(
            String id, WorkflowRunStatus status, Instant started, int failed, int timedOut, int succeeded) {
        return WorkflowRun.builder()
                .name("orders-daily")
                .workflowRunId(id)
                .status(status)
                .startedOn(started)
                .completedOn(status == WorkflowRunStatus.RUNNING ? null : started.plus(Duration.ofMinutes(20)))
                .statistics(s -> s.totalActions(failed + timedOut + succeeded)
                        .failedActions(failed)
                        .timeoutActions(timedOut)
                        .stoppedActions(0)
                        .succeededActions(succeeded)
                        .runningActions(status == WorkflowRunStatus.RUNNING ? 1 : 0)
                        .erroredActions(0)
                        .waitingActions(0))
                .build();
    }

    private static Instant hoursAgo(int hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    @Test
    void aCompletedRunWithAFailedActionIsAFailure() {
        // Glue marks the run COMPLETED once its graph has finished, also when a job in it failed.
        assertThat(WorkflowRunVerdict.failure(
                        List.of(run("wr_2", WorkflowRunStatus.COMPLETED, hoursAgo(1), 1, 0, 2)), NOW, STUCK_AFTER))
                .hasValue("run wr_2 COMPLETED with 1 failed and 0 timed-out actions");
    }

    @Test
    void aCompletedRunWithATimedOutActionIsAFailure() {
        assertThat(WorkflowRunVerdict.failure(
                        List.of(run("wr_2", WorkflowRunStatus.COMPLETED, hoursAgo(1), 0, 1, 2)), NOW, STUCK_AFTER))
                .isPresent();
    }

    @Test
    void aStoppedOrErroredRunIsAFailure() {
        assertThat(WorkflowRunVerdict.failure(
                        List.of(run("wr_3", WorkflowRunStatus.STOPPED, hoursAgo(1), 0, 0, 1)), NOW, STUCK_AFTER))
                .hasValue("run wr_3 ended STOPPED");
        WorkflowRun errored = run("wr_4", WorkflowRunStatus.ERROR, hoursAgo(1), 0, 0, 0).toBuilder()
                .errorMessage("Concurrent runs exceeded for workflow: orders-daily")
                .build();
        assertThat(WorkflowRunVerdict.failure(List.of(errored), NOW, STUCK_AFTER))
                .hasValue("run wr_4 ended ERROR: Concurrent runs exceeded for workflow: orders-daily");
    }

    @Test
    void onlyTheNewestFinishedRunCountsSoASuccessAfterAFailureClearsIt() {
        List<WorkflowRun> runs = List.of(
                run("wr_1", WorkflowRunStatus.COMPLETED, hoursAgo(48), 1, 0, 2),
                run("wr_2", WorkflowRunStatus.COMPLETED, hoursAgo(24), 0, 0, 3));
        assertThat(WorkflowRunVerdict.failure(runs, NOW, STUCK_AFTER)).isEmpty();
        // In either order: the runs are sorted by StartedOn, not trusted to come newest first.
        assertThat(WorkflowRunVerdict.failure(runs.reversed(), NOW, STUCK_AFTER))
                .isEmpty();
        List<WorkflowRun> failedLast = List.of(
                run("wr_1", WorkflowRunStatus.COMPLETED, hoursAgo(48), 0, 0, 3),
                run("wr_2", WorkflowRunStatus.ERROR, hoursAgo(24), 0, 0, 0));
        assertThat(WorkflowRunVerdict.failure(failedLast, NOW, STUCK_AFTER)).isPresent();
    }

    @Test
    void aRunningRunPastTheStuckThresholdIsAFailureAndOneWithinItIsNot() {
        List<WorkflowRun> within = List.of(
                run("wr_1", WorkflowRunStatus.COMPLETED, hoursAgo(24), 0, 0, 3),
                run("wr_2", WorkflowRunStatus.RUNNING, NOW.minus(STUCK_AFTER), 0, 0, 1));
        assertThat(WorkflowRunVerdict.failure(within, NOW, STUCK_AFTER)).isEmpty();
        List<WorkflowRun> past = List.of(
                run("wr_1", WorkflowRunStatus.COMPLETED, hoursAgo(24), 0, 0, 3),
                run("wr_2", WorkflowRunStatus.RUNNING, NOW.minus(STUCK_AFTER).minusSeconds(1), 0, 0, 1));
        assertThat(WorkflowRunVerdict.failure(past, NOW, STUCK_AFTER))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("run wr_2 has been RUNNING since"));
    }

    @Test
    void aRunningRunDoesNotHideTheFailureOfTheRunBeforeIt() {
        List<WorkflowRun> runs = List.of(
                run("wr_1", WorkflowRunStatus.COMPLETED, hoursAgo(24), 1, 0, 2),
                run("wr_2", WorkflowRunStatus.RUNNING, NOW.minusSeconds(60), 0, 0, 1));
        assertThat(WorkflowRunVerdict.failure(runs, NOW, STUCK_AFTER))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("run wr_1 COMPLETED"));
    }

    @Test
    void noRunsAndStoppingRunsAreNoFailure() {
        // A workflow that never ran is the output freshness alarm's to notice; STOPPING is not finished yet.
        assertThat(WorkflowRunVerdict.failure(List.of(), NOW, STUCK_AFTER)).isEmpty();
        assertThat(WorkflowRunVerdict.failure(
                        List.of(run("wr_1", WorkflowRunStatus.STOPPING, hoursAgo(1), 0, 0, 0)), NOW, STUCK_AFTER))
                .isEmpty();
    }

    @Test
    void aCompletedRunWithoutStatisticsIsNoFailure() {
        WorkflowRun bare = WorkflowRun.builder()
                .name("orders-daily")
                .workflowRunId("wr_1")
                .status(WorkflowRunStatus.COMPLETED)
                .startedOn(hoursAgo(1))
                .build();
        assertThat(WorkflowRunVerdict.failure(List.of(bare), NOW, STUCK_AFTER)).isEmpty();
    }
}
