package com.datapipeline.monitoring.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;

/** {@link JobRunSource} over Glue's {@code GetJobRuns}, which pages through runs newest first. */
public final class GlueJobRunSource implements JobRunSource {

    // GetJobRuns' maximum page size: fewer round trips for busy jobs.
    static final int MAX_PAGE_SIZE = 200;

    private final GlueClient glue;
    private final int pageSize;

    public GlueJobRunSource(GlueClient glue) {
        this(glue, MAX_PAGE_SIZE);
    }

    GlueJobRunSource(GlueClient glue, int pageSize) {
        this.glue = glue;
        this.pageSize = pageSize;
    }

    @Override
    public List<JobRun> recentRuns(String jobName, Instant since) {
        List<JobRun> runs = new ArrayList<>();
        String nextToken = null;
        do {
            GetJobRunsResponse page = glue.getJobRuns(GetJobRunsRequest.builder()
                    .jobName(jobName)
                    .maxResults(pageSize)
                    .nextToken(nextToken)
                    .build());
            boolean reachedOlderRuns = false;
            for (var run : page.jobRuns()) {
                runs.add(new JobRun(
                        run.id(),
                        run.jobRunStateAsString(),
                        run.startedOn(),
                        run.completedOn(),
                        run.executionTime(),
                        new RunCapacity(
                                run.dpuSeconds(),
                                run.maxCapacity(),
                                run.workerTypeAsString(),
                                run.numberOfWorkers(),
                                run.glueVersion())));
                reachedOlderRuns |= run.startedOn() != null && run.startedOn().isBefore(since);
            }
            // Newest first: once a page holds a run that started before the window, later pages only hold older runs.
            nextToken = reachedOlderRuns ? null : page.nextToken();
        } while (nextToken != null && !nextToken.isEmpty());
        runs.sort(Comparator.comparing(JobRun::startedOn, Comparator.nullsLast(Comparator.reverseOrder())));
        return runs;
    }
}
