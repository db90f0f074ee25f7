package com.datapipeline.monitoring.metrics;

import java.util.OptionalLong;

/** Reads the record count a Glue run printed in its final log line. */
public interface RecordsLogReader {

    /**
     * N from the run's line {@code Job completed successfully. Processed N records.} in {@code logGroup},
     * or empty when the run wrote no such line.
     */
    OptionalLong recordsProcessed(String logGroup, JobRun run);
}
