package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Action;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.GetTriggersRequest;
import software.amazon.awssdk.services.glue.model.GetTriggersResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.StartJobRunRequest;
import software.amazon.awssdk.services.glue.model.StartJobRunResponse;
import software.amazon.awssdk.services.glue.model.StartTriggerRequest;
import software.amazon.awssdk.services.glue.model.StartTriggerResponse;
import software.amazon.awssdk.services.glue.model.StopTriggerRequest;
import software.amazon.awssdk.services.glue.model.StopTriggerResponse;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * A GlueClient for unit tests: an in-memory run history (newest first, as GetJobRuns returns it), the
 * StartJobRun requests it received, and optional failures to throw. The real SDK types go in and out. A failed run
 * added by {@link #withRun} failed transiently ({@link #TRANSIENT_ERROR}), so that the guard rails' tests see
 * restarts; {@link #withFailedRun} gives it another error.
 */
final class FakeGlue implements GlueClient {

    /** A throttled Glue API call, as a run's ErrorMessage: the transient class, which restarts by default. */
    static final String TRANSIENT_ERROR = "Rate exceeded (Service: AWSGlue; Status Code: 400; Error Code:"
            + " ThrottlingException; Request ID: 07512ede-123f-49c8-8933-1298742297b9; Proxy: null)";

    final List<JobRun> runs = new ArrayList<>();
    final List<StartJobRunRequest> starts = new ArrayList<>();
    final List<GetJobRunsRequest> reads = new ArrayList<>();
    Supplier<RuntimeException> startFailure;
    Supplier<RuntimeException> readFailure;
    int pageSize = Integer.MAX_VALUE;
    /** StartedOn of the runs this fake starts; tests set it to their clock's instant. */
    Instant startTime = Instant.now();

    FakeGlue withRun(String id, JobRunState state, Instant startedOn, Map<String, String> arguments) {
        boolean failed = JobRemediator.FAILED_STATES.contains(state);
        runs.add(JobRun.builder()
                .id(id)
                .jobName("sample-etl-job")
                .jobRunState(state)
                .startedOn(startedOn)
                .arguments(arguments)
                .errorMessage(failed ? TRANSIENT_ERROR : null)
                .build());
        return this;
    }

    /** A finished run of sample-etl-job that failed with {@code errorMessage}, after {@code seconds} of work. */
    FakeGlue withFailedRun(String id, JobRunState state, Instant startedOn, int seconds, String errorMessage) {
        runs.add(JobRun.builder()
                .id(id)
                .jobName("sample-etl-job")
                .jobRunState(state)
                .attempt(0)
                .startedOn(startedOn)
                .completedOn(startedOn.plusSeconds(seconds))
                .executionTime(seconds)
                .errorMessage(errorMessage)
                .build());
        return this;
    }

    @Override
    public GetJobRunsResponse getJobRuns(GetJobRunsRequest request) {
        reads.add(request);
        if (readFailure != null) {
            throw readFailure.get();
        }
        List<JobRun> ofJob = runs.stream()
                .filter(run -> run.jobName().equals(request.jobName()))
                .toList();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(ofJob.size(), from + Math.min(pageSize, request.maxResults()));
        return GetJobRunsResponse.builder()
                .jobRuns(ofJob.subList(from, to))
                .nextToken(to < ofJob.size() ? String.valueOf(to) : null)
                .build();
    }

    /** The job's triggers, as GetTriggers returns them; StopTrigger deactivates one, StartTrigger activates it. */
    final List<Trigger> triggers = new ArrayList<>();

    FakeGlue withTrigger(String name, TriggerType type, String... jobs) {
        triggers.add(Trigger.builder()
                .name(name)
                .type(type)
                .state(TriggerState.ACTIVATED)
                .actions(java.util.Arrays.stream(jobs)
                        .map(job -> Action.builder().jobName(job).build())
                        .toList())
                .build());
        return this;
    }

    TriggerState stateOf(String trigger) {
        return triggers.stream()
                .filter(t -> t.name().equals(trigger))
                .findFirst()
                .orElseThrow()
                .state();
    }

    @Override
    public GetTriggersResponse getTriggers(GetTriggersRequest request) {
        return GetTriggersResponse.builder()
                .triggers(triggers.stream()
                        .filter(trigger -> trigger.actions().stream()
                                .anyMatch(action -> request.dependentJobName().equals(action.jobName())))
                        .toList())
                .build();
    }

    @Override
    public StartTriggerResponse startTrigger(StartTriggerRequest request) {
        setState(request.name(), TriggerState.ACTIVATED);
        return StartTriggerResponse.builder().name(request.name()).build();
    }

    @Override
    public StopTriggerResponse stopTrigger(StopTriggerRequest request) {
        setState(request.name(), TriggerState.DEACTIVATED);
        return StopTriggerResponse.builder().name(request.name()).build();
    }

    private void setState(String name, TriggerState state) {
        triggers.replaceAll(trigger ->
                trigger.name().equals(name) ? trigger.toBuilder().state(state).build() : trigger);
    }

    @Override
    public StartJobRunResponse startJobRun(StartJobRunRequest request) {
        if (startFailure != null) {
            throw startFailure.get();
        }
        starts.add(request);
        String id = "jr_started_" + starts.size();
        runs.add(
                0,
                JobRun.builder()
                        .id(id)
                        .jobName(request.jobName())
                        .jobRunState(JobRunState.STARTING)
                        .startedOn(startTime)
                        .arguments(request.arguments())
                        .build());
        return StartJobRunResponse.builder().jobRunId(id).build();
    }

    @Override
    public String serviceName() {
        return "glue";
    }

    @Override
    public void close() {}
}
