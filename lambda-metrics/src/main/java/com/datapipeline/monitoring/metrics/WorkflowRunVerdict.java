package com.datapipeline.monitoring.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatistics;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/**
 * Whether a workflow's runs show a failure (pure): the newest finished run (COMPLETED, STOPPED or ERROR) failed, or a
 * run has been RUNNING longer than the pipeline allows. A finished run failed when its status is ERROR or STOPPED, or
 * when one of its actions failed or timed out: Glue marks a workflow run COMPLETED when its graph has finished, also
 * when a job in it failed (Statistics.FailedActions, TimeoutActions).
 */
public final class WorkflowRunVerdict {

    private WorkflowRunVerdict() {}

    /** The reason the runs show a failure, or empty when they do not (no run at all is no failure: see freshness). */
    public static Optional<String> failure(List<WorkflowRun> runs, Instant now, Duration stuckAfter) {
        List<WorkflowRun> newestFirst = runs.stream()
                .sorted(Comparator.comparing(WorkflowRun::startedOn, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        for (WorkflowRun run : newestFirst) {
            if (run.status() == WorkflowRunStatus.RUNNING
                    && run.startedOn() != null
                    && Duration.between(run.startedOn(), now).compareTo(stuckAfter) > 0) {
                return Optional.of("run " + run.workflowRunId() + " has been RUNNING since " + run.startedOn()
                        + ", longer than " + stuckAfter.toMinutes() + " minutes");
            }
        }
        return newestFirst.stream()
                .filter(WorkflowRunVerdict::finished)
                .findFirst()
                .flatMap(WorkflowRunVerdict::finishedFailure);
    }

    private static boolean finished(WorkflowRun run) {
        return run.status() == WorkflowRunStatus.COMPLETED
                || run.status() == WorkflowRunStatus.STOPPED
                || run.status() == WorkflowRunStatus.ERROR;
    }

    private static Optional<String> finishedFailure(WorkflowRun run) {
        String id = "run " + run.workflowRunId();
        if (run.status() == WorkflowRunStatus.ERROR || run.status() == WorkflowRunStatus.STOPPED) {
            String error = run.errorMessage() == null ? "" : ": " + run.errorMessage();
            return Optional.of(id + " ended " + run.status() + error);
        }
        WorkflowRunStatistics statistics = run.statistics();
        if (statistics == null) {
            return Optional.empty();
        }
        int failed = count(statistics.failedActions()) + count(statistics.timeoutActions());
        return failed > 0
                ? Optional.of(id + " COMPLETED with " + count(statistics.failedActions()) + " failed and "
                        + count(statistics.timeoutActions()) + " timed-out actions")
                : Optional.empty();
    }

    private static int count(Integer actions) {
        return actions == null ? 0 : actions;
    }
}
