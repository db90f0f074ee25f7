package com.datapipeline.monitoring.metrics;

import java.time.Instant;
import java.util.OptionalDouble;

/** Reads Glue Data Quality results. */
public interface DataQualitySource {

    /**
     * The score (0–1) of the newest result for {@code jobName} whose ruleset name or evaluation context is
     * {@code ruleset} and that started at or after {@code since}; empty when there is none.
     */
    OptionalDouble latestScore(String jobName, String ruleset, Instant since);
}
