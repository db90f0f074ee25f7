package com.datapipeline.monitoring.metrics;

import java.time.Duration;
import java.util.Objects;

/**
 * A pipeline's Glue workflow stage as the metrics function watches it.
 *
 * @param name       the workflow's name
 * @param stuckAfter how long a run may stay RUNNING before it counts as not completing (the pipeline's stuck-run
 *                   threshold)
 */
public record WorkflowWatch(String name, Duration stuckAfter) {
    public WorkflowWatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stuckAfter, "stuckAfter");
    }
}
