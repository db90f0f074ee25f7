package com.datapipeline.monitoring.metrics;

import java.util.List;
import software.amazon.awssdk.services.glue.model.WorkflowRun;

/** Reads a Glue workflow's runs. */
public interface WorkflowRunSource {

    /** The workflow's newest runs (at most a few), in any order. */
    List<WorkflowRun> newestRuns(String workflow);
}
