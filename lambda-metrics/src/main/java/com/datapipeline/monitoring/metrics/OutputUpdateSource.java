package com.datapipeline.monitoring.metrics;

import java.time.Instant;
import java.util.Optional;

/** When a pipeline's declared output last changed. */
public interface OutputUpdateSource {

    /**
     * The newest update of the output: for a Glue table the later of its own UpdateTime and its newest partition's
     * CreationTime; for an S3 prefix the newest object's LastModified. Empty when the output has nothing yet.
     *
     * @throws RuntimeException when the output cannot be read (e.g. AccessDenied, no such table or bucket)
     */
    Optional<Instant> newestUpdate(OutputLocation output);
}
