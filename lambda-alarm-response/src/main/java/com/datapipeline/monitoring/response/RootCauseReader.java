package com.datapipeline.monitoring.response;

import java.util.List;

/** The job run insights root cause of a failed run: its "Failure Reason" lines, empty when Glue wrote none. */
@FunctionalInterface
public interface RootCauseReader {

    /** Reads nothing: for jobs without job run insights, and for tests. */
    RootCauseReader NONE = runId -> List.of();

    List<String> rootCause(String runId);
}
