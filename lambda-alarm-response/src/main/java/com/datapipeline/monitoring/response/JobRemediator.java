package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.response.ResponseConfig.RestartBudget;
import com.datapipeline.monitoring.response.ResponseConfig.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * Starts a Glue job for a notification only when it is safe:
 * <ol>
 *   <li>a run of the job is STARTING, RUNNING, STOPPING or WAITING (from Glue's run history): do nothing;</li>
 *   <li>find the incident: a Glue event's failed run; for a {@code restart-job} alarm the job's newest finished run,
 *       if it failed (else {@code skipped-no-failed-run}: nothing failed to restart); for other alarms the alarm's
 *       transition;</li>
 *   <li>for a {@code restart-job} route, classify the failed run's error ({@link ErrorClassifier}, with its job run
 *       insights root cause when there is one); a class routed to {@code notify-only} is not restarted
 *       ({@code skipped-error-class}); one routed to {@code pause-trigger} stops the job's own triggers after
 *       {@code pauseAfterFailures} failed runs in a row, at most once until a run succeeds
 *       ({@link #resumeAfterSuccess});</li>
 *   <li>claim the incident in the {@link IncidentLedger}; already claimed: duplicate, do nothing;</li>
 *   <li>claim one of the job's {@code maxRestarts} budget slots for the budget window; none free: do nothing;</li>
 *   <li>StartJobRun with {@code --remediation-key}. Glue's ConcurrentRunsExceededException (a run started since our
 *       read) is a skip that gives the slot back.</li>
 * </ol>
 * The claims are atomic, so concurrent deliveries of one incident start one run, and concurrent incidents never
 * exceed the budget. Any other AWS error gives both claims back and propagates so that Lambda retries.
 */
public final class JobRemediator {

    /** The run argument that marks runs this function started; the Glue script may ignore it. */
    public static final String REMEDIATION_KEY_ARGUMENT = "--remediation-key";

    /** Runs in these states are in progress (GetJobRuns JobRunState). */
    static final Set<JobRunState> ACTIVE_STATES =
            Set.of(JobRunState.STARTING, JobRunState.RUNNING, JobRunState.STOPPING, JobRunState.WAITING);

    /** Finished runs in these states failed, so a restart-job alarm may restart them. */
    static final Set<JobRunState> FAILED_STATES = Set.of(JobRunState.FAILED, JobRunState.TIMEOUT, JobRunState.ERROR);

    // Glue's longest run timeout is 7 days, so an active run is never older than this.
    static final Duration HISTORY_LOOKBACK = Duration.ofDays(7);
    // Longer than Lambda's async retries (up to 6 hours) and SNS redelivery, so every repeat finds the claim.
    static final Duration INCIDENT_RETENTION = Duration.ofDays(7);
    // How long a pause waits for a success to resume it; after that the triggers stay stopped and a pause may be
    // claimed again (it finds nothing active to stop).
    static final Duration PAUSE_RETENTION = Duration.ofDays(30);
    static final int PAGE_SIZE = 200;
    // 1,000 runs: far more than a job produces in 7 days in practice.
    static final int MAX_PAGES = 5;

    private final GlueClient glue;
    private final IncidentLedger ledger;
    private final Clock clock;
    private final RestartBudget budget;
    private final ErrorClassActions classActions;
    private final RootCauseReader rootCause;

    /** With the default error class actions and no job run insights. */
    public JobRemediator(GlueClient glue, IncidentLedger ledger, Clock clock, RestartBudget budget) {
        this(glue, ledger, clock, budget, ErrorClassActions.DEFAULT, RootCauseReader.NONE);
    }

    public JobRemediator(
            GlueClient glue,
            IncidentLedger ledger,
            Clock clock,
            RestartBudget budget,
            ErrorClassActions classActions,
            RootCauseReader rootCause) {
        this.glue = glue;
        this.ledger = ledger;
        this.clock = clock;
        this.budget = budget;
        this.classActions = classActions;
        this.rootCause = rootCause;
    }

    /** Decides and, when safe, starts {@code route.jobName()}. Throws the SDK's exception on AWS failures. */
    public Decision remediate(Notification notification, Route route) {
        String job = route.jobName();
        Instant now = clock.instant();
        List<JobRun> runs;
        try {
            runs = recentRuns(job, now.minus(HISTORY_LOOKBACK));
        } catch (EntityNotFoundException e) {
            return decision(
                    notification,
                    route,
                    Outcome.JOB_NOT_FOUND,
                    "job " + job + " does not exist (any more): "
                            + "nothing to " + (route.action() == RouteAction.RESTART_JOB ? "restart" : "start")
                            + "; remove it from the monitored pipelines or restore it",
                    null,
                    null);
        }

        Optional<JobRun> active = runs.stream()
                .filter(run -> ACTIVE_STATES.contains(run.jobRunState()))
                .findFirst();
        if (active.isPresent()) {
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_RUNNING,
                    "job " + job + " has a run in state " + active.get().jobRunStateAsString(),
                    active.get().id(),
                    null);
        }
        Incident incident;
        if (notification instanceof AlarmNotification && route.action() == RouteAction.RESTART_JOB) {
            Optional<JobRun> newest = newestFinished(runs);
            if (newest.isEmpty() || !FAILED_STATES.contains(newest.get().jobRunState())) {
                return decision(
                        notification,
                        route,
                        Outcome.SKIPPED_NO_FAILED_RUN,
                        newest.map(run -> "the newest finished run of " + job + " is " + run.jobRunStateAsString())
                                        .orElse(job + " has no finished run in the last " + HISTORY_LOOKBACK.toDays()
                                                + " days")
                                + "; nothing failed to restart",
                        newest.map(JobRun::id).orElse(null),
                        null);
            }
            incident = Incident.ofRun(job, newest.get().id());
        } else {
            incident = notification.incident();
        }
        if (route.action() != RouteAction.RESTART_JOB) {
            return claimAndStart(notification, route, incident, now);
        }
        RunFailure failure = failure(notification, job, runs);
        RouteAction classAction = classActions.actionFor(job, failure.errorClass());
        if (classAction == RouteAction.PAUSE_TRIGGER) {
            return pauseTriggers(notification, route, failure, runs, incident, now)
                    .about(failure);
        }
        if (classAction != RouteAction.RESTART_JOB) {
            return decision(
                            notification,
                            route,
                            Outcome.SKIPPED_ERROR_CLASS,
                            "not restarted: "
                                    + failure.errorClass().configName() + " failure ("
                                    + failure.classification().basis()
                                    + "); its error class is routed to " + classAction.configName(),
                            failure.runId(),
                            incident)
                    .about(failure);
        }
        return claimAndStart(notification, route, incident, now).about(failure);
    }

    /**
     * The job's newest finished run, if it failed, as a page describes it; empty when it did not, when the job does not
     * exist, or when Glue could not be read (a page must go out without it).
     */
    public Optional<RunFailure> newestFailure(String job) {
        try {
            List<JobRun> runs = recentRuns(job, clock.instant().minus(HISTORY_LOOKBACK));
            Optional<JobRun> newest = newestFinished(runs);
            if (newest.isEmpty() || !FAILED_STATES.contains(newest.get().jobRunState())) {
                return Optional.empty();
            }
            return Optional.of(failure(null, job, runs));
        } catch (SdkException e) {
            return Optional.empty();
        }
    }

    /**
     * Stops the job's own triggers once it has failed {@code pauseAfterFailures} times in a row (its finished runs,
     * newest first), once per incident. Fewer failures only page.
     */
    private Decision pauseTriggers(
            Notification notification,
            Route route,
            RunFailure failure,
            List<JobRun> runs,
            Incident incident,
            Instant now) {
        String job = route.jobName();
        int inARow = failedInARow(runs);
        int needed = classActions.pauseAfterFailures();
        String what = failure.errorClass().configName() + " failure ("
                + failure.classification().basis() + ")";
        if (inARow < needed) {
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_ERROR_CLASS,
                    "not restarted: " + what + "; "
                            + inARow + " of " + needed + " failed runs in a row before the triggers of " + job
                            + " are paused",
                    failure.runId(),
                    incident);
        }
        if (!ledger.claimIncident(incident, now.plus(INCIDENT_RETENTION))) {
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_DUPLICATE,
                    "incident " + incident.id() + " was already claimed by an earlier delivery",
                    null,
                    incident);
        }
        if (!ledger.claimPause(job, now, now.plus(PAUSE_RETENTION))) {
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_ERROR_CLASS,
                    "not restarted: " + what + "; " + inARow + " failed runs in a row, and the triggers of " + job
                            + " are paused already (by an earlier failure): they stay paused until a run of " + job
                            + " succeeds",
                    failure.runId(),
                    incident);
        }
        TriggerPause.Result result;
        try {
            result = TriggerPause.pause(glue, job);
            if (result.paused().isEmpty()) {
                ledger.releasePause(job);
            } else {
                ledger.recordPause(job, result.paused(), now.plus(PAUSE_RETENTION));
            }
        } catch (SdkException e) {
            throw releasing(e, () -> {
                ledger.releasePause(job);
                ledger.releaseIncident(incident);
            });
        }
        String leftAlone = result.leftAlone().isEmpty() ? "" : "; left alone: " + String.join(", ", result.leftAlone());
        if (result.paused().isEmpty()) {
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_ERROR_CLASS,
                    "not restarted: " + what + "; " + inARow + " failed runs in a row, but " + job
                            + " has no trigger of its own to pause" + leftAlone,
                    failure.runId(),
                    incident);
        }
        return decision(
                notification,
                route,
                Outcome.PAUSED_TRIGGER,
                "paused trigger " + String.join(", ", result.paused()) + " of " + job + " after " + inARow
                        + " failed runs in a row (" + what
                        + "); the next successful run of " + job + " resumes it, or by hand: aws glue start-trigger"
                        + " --name " + result.paused().get(0) + leftAlone,
                failure.runId(),
                incident);
    }

    /**
     * After a successful run of {@code route.jobName()}: starts again the triggers that a pause of the job stopped
     * (those still stopped), and ends the pause. Without a pause, nothing to do.
     */
    public Decision resumeAfterSuccess(GlueJobStateNotification event, Route route) {
        String job = route.jobName();
        List<String> paused = ledger.releasePause(job);
        if (paused.isEmpty()) {
            return decision(
                    event,
                    route,
                    Outcome.IGNORED_STATE,
                    "state " + event.state() + " needs no response (no triggers of " + job
                            + " paused by this function)",
                    event.jobRunId(),
                    null);
        }
        TriggerPause.Result result;
        try {
            result = TriggerPause.resume(glue, job, paused);
        } catch (SdkException e) {
            Instant now = clock.instant();
            throw releasing(e, () -> ledger.recordPause(job, paused, now.plus(PAUSE_RETENTION)));
        }
        String leftAlone = result.leftAlone().isEmpty() ? "" : "; left alone: " + String.join(", ", result.leftAlone());
        return decision(
                event,
                route,
                result.paused().isEmpty() ? Outcome.IGNORED_STATE : Outcome.RESUMED_TRIGGER,
                (result.paused().isEmpty()
                                ? "ended the pause of " + job + ": none of its paused triggers was still stopped"
                                : "resumed trigger " + String.join(", ", result.paused()) + " of " + job)
                        + " after run " + event.jobRunId() + " succeeded" + leftAlone,
                event.jobRunId(),
                null);
    }

    /** How many of the job's newest finished runs failed, counting from the newest until one did not. */
    static int failedInARow(List<JobRun> runs) {
        List<JobRun> finished = runs.stream()
                .filter(run -> !ACTIVE_STATES.contains(run.jobRunState()))
                .sorted(Comparator.comparing(JobRun::startedOn, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
        int count = 0;
        while (count < finished.size()
                && FAILED_STATES.contains(finished.get(count).jobRunState())) {
            count++;
        }
        return count;
    }

    /**
     * The failed run a restart route is about: the Glue event's run, or the job's newest finished run for an alarm;
     * its details from the run history when it is there, else what the event said.
     */
    private RunFailure failure(Notification notification, String job, List<JobRun> runs) {
        Optional<JobRun> run;
        String runId;
        String eventMessage = "";
        String eventState = null;
        if (notification instanceof GlueJobStateNotification event) {
            runId = event.jobRunId();
            eventMessage = event.message();
            eventState = event.state();
            run = runs.stream().filter(r -> runId.equals(r.id())).findFirst();
        } else {
            run = newestFinished(runs);
            runId = run.map(JobRun::id).orElseThrow();
        }
        String errorMessage =
                run.map(JobRun::errorMessage).filter(text -> !text.isBlank()).orElse(eventMessage);
        List<String> causes = rootCause.rootCause(runId);
        return new RunFailure(
                job,
                runId,
                run.map(JobRun::jobRunStateAsString).orElse(eventState),
                run.map(JobRun::attempt).orElse(null),
                run.map(JobRun::startedOn).orElse(null),
                run.map(JobRun::completedOn).orElse(null),
                run.map(JobRun::executionTime).map(Duration::ofSeconds).orElse(null),
                errorMessage,
                causes,
                ErrorClassifier.classify(new ErrorClassifier.Evidence(errorMessage, causes, Set.of())));
    }

    /** Claims the incident, then a budget slot, then starts the job; gives back what a failure leaves unused. */
    private Decision claimAndStart(Notification notification, Route route, Incident incident, Instant now) {
        String job = route.jobName();
        if (!ledger.claimIncident(incident, now.plus(INCIDENT_RETENTION))) {
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_DUPLICATE,
                    "incident " + incident.id() + " was already claimed by an earlier delivery",
                    null,
                    incident);
        }
        OptionalInt slot;
        try {
            slot = ledger.claimBudgetSlot(job, budget.maxRestarts(), incident, now, now.plus(budget.window()));
        } catch (SdkException e) {
            throw releasing(e, () -> ledger.releaseIncident(incident));
        }
        if (slot.isEmpty()) {
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_BUDGET,
                    budget.maxRestarts() + " of " + budget.maxRestarts() + " allowed starts of " + job
                            + " already made in the last " + budget.window().toMinutes() + " min",
                    null,
                    incident);
        }
        try {
            String runId = glue.startJobRun(request ->
                            request.jobName(job).arguments(Map.of(REMEDIATION_KEY_ARGUMENT, incident.remediationKey())))
                    .jobRunId();
            return decision(
                    notification,
                    route,
                    Outcome.STARTED,
                    "started " + job + " (budget slot " + (slot.getAsInt() + 1) + " of " + budget.maxRestarts()
                            + ", held for " + budget.window().toMinutes() + " min)",
                    runId,
                    incident);
        } catch (ConcurrentRunsExceededException e) {
            ledger.releaseBudgetSlot(job, slot.getAsInt(), incident);
            return decision(
                    notification,
                    route,
                    Outcome.SKIPPED_CONCURRENT,
                    "Glue refused the start: " + e.awsErrorDetails().errorMessage(),
                    null,
                    incident);
        } catch (SdkException e) {
            throw releasing(e, () -> {
                ledger.releaseBudgetSlot(job, slot.getAsInt(), incident);
                ledger.releaseIncident(incident);
            });
        }
    }

    /**
     * Gives claims back before {@code failure} goes to Lambda for a retry. If that fails too, the retry finds the
     * incident claimed and skips it as a duplicate, so the release's error goes with the failure into the error line.
     */
    private static SdkException releasing(SdkException failure, Runnable release) {
        try {
            release.run();
        } catch (SdkException releaseFailure) {
            failure.addSuppressed(releaseFailure);
        }
        return failure;
    }

    /** The finished run that started last; GetJobRuns's order is not relied on (moto's differs from Glue's). */
    private static Optional<JobRun> newestFinished(List<JobRun> runs) {
        return runs.stream()
                .filter(run -> !ACTIVE_STATES.contains(run.jobRunState()))
                .max(Comparator.comparing(JobRun::startedOn, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** Runs of {@code job} started since {@code since}, newest first as GetJobRuns returns them. */
    private List<JobRun> recentRuns(String job, Instant since) {
        List<JobRun> runs = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetJobRunsRequest.Builder request =
                    GetJobRunsRequest.builder().jobName(job).maxResults(PAGE_SIZE);
            GetJobRunsResponse response =
                    glue.getJobRuns(request.nextToken(token).build());
            boolean anyRecent = false;
            for (JobRun run : response.jobRuns()) {
                // Keep runs without StartedOn: an unknown start time must not hide a running run.
                if (run.startedOn() == null || !run.startedOn().isBefore(since)) {
                    runs.add(run);
                    anyRecent = true;
                }
            }
            token = response.nextToken();
            // Pages come newest first, so a page with nothing recent means the rest is older still.
            if (token == null || token.isEmpty() || !anyRecent) {
                break;
            }
        }
        return runs;
    }

    private static Decision decision(
            Notification notification,
            Route route,
            Outcome outcome,
            String reason,
            String jobRunId,
            Incident incident) {
        return new Decision(
                notification.routeKey(),
                notification.state(),
                route.action().configName(),
                route.jobName(),
                outcome,
                reason,
                jobRunId,
                incident == null ? null : incident.id());
    }
}
