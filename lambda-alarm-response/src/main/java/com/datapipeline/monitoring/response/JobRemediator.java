package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.response.ResponseConfig.RestartBudget;
import com.datapipeline.monitoring.response.ResponseConfig.Route;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * Starts a Glue job for a notification only when it is safe, deciding from the job's own run history:
 * <ol>
 *   <li>a run already carries this transition's {@code --remediation-key}: duplicate delivery, do nothing;</li>
 *   <li>a run is STARTING, RUNNING, STOPPING or WAITING: do nothing;</li>
 *   <li>the runs this function started (they carry {@code --remediation-key}) within the budget window have used
 *       up the budget: do nothing;</li>
 *   <li>otherwise StartJobRun with {@code --remediation-key}; Glue's ConcurrentRunsExceededException (a run
 *       started between our read and our start) is a skip, not an error.</li>
 * </ol>
 * Keeping the state in Glue (not in a table of our own) means nothing to provision and nothing to drift: the run
 * history is the record of what was restarted. Any other AWS error propagates so that Lambda retries.
 */
public final class JobRemediator {

    /** The run argument that marks runs this function started; the Glue script may ignore it. */
    public static final String REMEDIATION_KEY_ARGUMENT = "--remediation-key";

    /** Runs in these states are in progress (GetJobRuns JobRunState). */
    static final Set<JobRunState> ACTIVE_STATES =
            Set.of(JobRunState.STARTING, JobRunState.RUNNING, JobRunState.STOPPING, JobRunState.WAITING);

    // Glue's longest run timeout is 7 days, so an active run or a duplicate key is never older than this.
    // It also covers Lambda's async retries (up to 6 hours) and SNS redelivery.
    static final Duration HISTORY_LOOKBACK = Duration.ofDays(7);
    static final int PAGE_SIZE = 200;
    // 1,000 runs: far more than a job with a 60-minute budget window produces in 7 days in practice.
    static final int MAX_PAGES = 5;

    private final GlueClient glue;
    private final Clock clock;
    private final RestartBudget budget;

    public JobRemediator(GlueClient glue, Clock clock, RestartBudget budget) {
        this.glue = glue;
        this.clock = clock;
        this.budget = budget;
    }

    /** Decides and, when safe, starts {@code route.jobName()}. Throws the SDK's exception on AWS failures. */
    public Decision remediate(Notification notification, Route route) {
        String job = route.jobName();
        String key = notification.remediationKey();
        Instant now = clock.instant();
        List<JobRun> runs = recentRuns(job, now.minus(HISTORY_LOOKBACK));

        Optional<JobRun> duplicate = runs.stream().filter(run -> key.equals(remediationKeyOf(run))).findFirst();
        if (duplicate.isPresent()) {
            return decision(notification, route, Outcome.SKIPPED_DUPLICATE,
                    "run " + duplicate.get().id() + " was already started for this transition (" + REMEDIATION_KEY_ARGUMENT
                            + " " + key + "); duplicate delivery", duplicate.get().id());
        }
        Optional<JobRun> active = runs.stream().filter(run -> ACTIVE_STATES.contains(run.jobRunState())).findFirst();
        if (active.isPresent()) {
            return decision(notification, route, Outcome.SKIPPED_RUNNING,
                    "job " + job + " has a run in state " + active.get().jobRunStateAsString(), active.get().id());
        }
        Instant windowStart = now.minus(budget.window());
        long used = runs.stream()
                .filter(run -> remediationKeyOf(run) != null)
                .filter(run -> !startedOn(run, now).isBefore(windowStart))
                .count();
        if (used >= budget.maxRestarts()) {
            return decision(notification, route, Outcome.SKIPPED_BUDGET,
                    used + " of " + budget.maxRestarts() + " allowed starts of " + job + " already made in the last "
                            + budget.window().toMinutes() + " min", null);
        }
        try {
            String runId = glue.startJobRun(request -> request
                    .jobName(job)
                    .arguments(Map.of(REMEDIATION_KEY_ARGUMENT, key))).jobRunId();
            return decision(notification, route, Outcome.STARTED,
                    "started " + job + " (" + (used + 1) + " of " + budget.maxRestarts() + " starts in the last "
                            + budget.window().toMinutes() + " min)", runId);
        } catch (ConcurrentRunsExceededException e) {
            return decision(notification, route, Outcome.SKIPPED_CONCURRENT,
                    "Glue refused the start: " + e.awsErrorDetails().errorMessage(), null);
        }
    }

    /** Runs of {@code job} started since {@code since}, newest first as GetJobRuns returns them. */
    private List<JobRun> recentRuns(String job, Instant since) {
        List<JobRun> runs = new ArrayList<>();
        String token = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetJobRunsRequest.Builder request = GetJobRunsRequest.builder().jobName(job).maxResults(PAGE_SIZE);
            GetJobRunsResponse response = glue.getJobRuns(request.nextToken(token).build());
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

    private static String remediationKeyOf(JobRun run) {
        return run.hasArguments() ? run.arguments().get(REMEDIATION_KEY_ARGUMENT) : null;
    }

    private static Instant startedOn(JobRun run, Instant now) {
        return run.startedOn() == null ? now : run.startedOn();
    }

    private static Decision decision(Notification notification, Route route, Outcome outcome, String reason,
                                     String jobRunId) {
        return new Decision(notification.routeKey(), notification.state(), route.action().configName(),
                route.jobName(), outcome, reason, jobRunId);
    }
}
