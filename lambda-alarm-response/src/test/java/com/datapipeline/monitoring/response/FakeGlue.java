package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.StartJobRunRequest;
import software.amazon.awssdk.services.glue.model.StartJobRunResponse;

/**
 * A GlueClient for unit tests: an in-memory run history (newest first, as GetJobRuns returns it), the
 * StartJobRun requests it received, and optional failures to throw. The real SDK types go in and out.
 */
final class FakeGlue implements GlueClient {

    final List<JobRun> runs = new ArrayList<>();
    final List<StartJobRunRequest> starts = new ArrayList<>();
    final List<GetJobRunsRequest> reads = new ArrayList<>();
    Supplier<RuntimeException> startFailure;
    Supplier<RuntimeException> readFailure;
    int pageSize = Integer.MAX_VALUE;
    /** StartedOn of the runs this fake starts; tests set it to their clock's instant. */
    Instant startTime = Instant.now();

    FakeGlue withRun(String id, JobRunState state, Instant startedOn, Map<String, String> arguments) {
        runs.add(JobRun.builder().id(id).jobName("sample-etl-job").jobRunState(state).startedOn(startedOn)
                .arguments(arguments).build());
        return this;
    }

    @Override
    public GetJobRunsResponse getJobRuns(GetJobRunsRequest request) {
        reads.add(request);
        if (readFailure != null) {
            throw readFailure.get();
        }
        List<JobRun> ofJob = runs.stream().filter(run -> run.jobName().equals(request.jobName())).toList();
        int from = request.nextToken() == null ? 0 : Integer.parseInt(request.nextToken());
        int to = Math.min(ofJob.size(), from + Math.min(pageSize, request.maxResults()));
        return GetJobRunsResponse.builder()
                .jobRuns(ofJob.subList(from, to))
                .nextToken(to < ofJob.size() ? String.valueOf(to) : null)
                .build();
    }

    @Override
    public StartJobRunResponse startJobRun(StartJobRunRequest request) {
        if (startFailure != null) {
            throw startFailure.get();
        }
        starts.add(request);
        String id = "jr_started_" + starts.size();
        runs.add(0, JobRun.builder().id(id).jobName(request.jobName()).jobRunState(JobRunState.STARTING)
                .startedOn(startTime).arguments(request.arguments()).build());
        return StartJobRunResponse.builder().jobRunId(id).build();
    }

    @Override
    public String serviceName() {
        return "glue";
    }

    @Override
    public void close() {
    }
}
