package com.datapipeline.monitoring.metrics;

import java.util.List;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.WorkflowRun;

/**
 * {@link WorkflowRunSource} over one page of Glue's {@code GetWorkflowRuns}, without the run graphs. Glue keeps a
 * workflow's run history for 90 days and sends no EventBridge event for a run, so the newest few runs are read on
 * every invocation of the schedule.
 */
public final class GlueWorkflowRunSource implements WorkflowRunSource {

    /** The newest finished run and any runs started after it are among these unless a workflow starts this often. */
    static final int MAX_RUNS = 10;

    private final GlueClient glue;

    public GlueWorkflowRunSource(GlueClient glue) {
        this.glue = glue;
    }

    @Override
    public List<WorkflowRun> newestRuns(String workflow) {
        return glue.getWorkflowRuns(r -> r.name(workflow).includeGraph(false).maxResults(MAX_RUNS))
                .runs();
    }
}
