package com.datapipeline.monitoring.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a Glue job run that the metrics need, independent of the SDK types.
 *
 * @param id                   run id ({@code jr_...}); also the prefix of its log streams
 * @param state                Glue {@code JobRunState}, e.g. SUCCEEDED
 * @param startedOn            when the run started
 * @param completedOn          when it finished; null while in progress
 * @param executionTimeSeconds Glue's {@code ExecutionTime}; null or 0 when Glue did not report it
 * @param capacity             what the run was billed for ({@link RunCapacity}); {@link RunCapacity#UNKNOWN} when
 *                             Glue reported none of it
 */
public record JobRun(
        String id,
        String state,
        Instant startedOn,
        Instant completedOn,
        Integer executionTimeSeconds,
        RunCapacity capacity) {

    public JobRun {
        capacity = capacity == null ? RunCapacity.UNKNOWN : capacity;
    }

    /** A run whose capacity is unknown. */
    public JobRun(String id, String state, Instant startedOn, Instant completedOn, Integer executionTimeSeconds) {
        this(id, state, startedOn, completedOn, executionTimeSeconds, RunCapacity.UNKNOWN);
    }

    public static final String SUCCEEDED = "SUCCEEDED";

    /** Outcomes that count for ErrorRate; STOPPED is a deliberate stop and counts as neither. */
    static final Set<String> FINISHED_STATES = Set.of(SUCCEEDED, "FAILED", "TIMEOUT", "ERROR");

    static final Set<String> FAILED_STATES = Set.of("FAILED", "TIMEOUT", "ERROR");
    static final Set<String> IN_PROGRESS_STATES = Set.of("STARTING", "RUNNING", "STOPPING", "WAITING");

    public boolean isFinished() {
        return FINISHED_STATES.contains(state) && completedOn != null;
    }

    public boolean isFailed() {
        return FAILED_STATES.contains(state);
    }

    public boolean isSucceeded() {
        return SUCCEEDED.equals(state) && completedOn != null;
    }

    public boolean isInProgress() {
        return IN_PROGRESS_STATES.contains(state);
    }

    /** ExecutionTime when Glue reported it, else the wall-clock duration; empty when neither is known. */
    public Optional<Double> durationSeconds() {
        if (executionTimeSeconds != null && executionTimeSeconds > 0) {
            return Optional.of(executionTimeSeconds.doubleValue());
        }
        if (startedOn != null && completedOn != null && !completedOn.isBefore(startedOn)) {
            return Optional.of(Duration.between(startedOn, completedOn).toMillis() / 1000.0);
        }
        return Optional.empty();
    }

    /** The DPU-hours Glue bills this run for; empty when neither its DPU-seconds nor its capacity is known. */
    public Optional<Double> dpuHours() {
        return capacity.dpuHours(durationSeconds());
    }
}
