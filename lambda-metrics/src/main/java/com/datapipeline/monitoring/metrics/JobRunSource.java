package com.datapipeline.monitoring.metrics;

import java.time.Instant;
import java.util.List;

/** Reads a Glue job's runs. */
public interface JobRunSource {

    /**
     * Runs of {@code jobName}, newest first, at least all those that started at or after {@code since};
     * an implementation may return a few older ones (the rest of the last page it read).
     */
    List<JobRun> recentRuns(String jobName, Instant since);
}
