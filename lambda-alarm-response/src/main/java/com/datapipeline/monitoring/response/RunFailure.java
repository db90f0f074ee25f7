package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.response.ErrorClassifier.Classification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed Glue run as the function read it: from the job's run history when the run is there (GetJobRuns), else
 * from the notification alone, and what {@link ErrorClassifier} made of its error.
 *
 * @param state          FAILED, TIMEOUT or ERROR
 * @param attempt        Glue's attempt number of the run (0 for the first), null when unknown
 * @param startedOn      null when unknown
 * @param completedOn    null when unknown
 * @param executionTime  Glue's ExecutionTime of the run, null when unknown
 * @param errorMessage   the run's ErrorMessage, or the Glue event's message; empty when neither said anything
 * @param rootCause      the job run insights root cause lines, when the job writes them
 */
public record RunFailure(
        String jobName,
        String runId,
        String state,
        Integer attempt,
        Instant startedOn,
        Instant completedOn,
        Duration executionTime,
        String errorMessage,
        List<String> rootCause,
        Classification classification) {

    public RunFailure {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(runId, "runId");
        errorMessage = errorMessage == null ? "" : errorMessage;
        rootCause = List.copyOf(rootCause);
        Objects.requireNonNull(classification, "classification");
    }

    /** What a Glue Job State Change says by itself, when the run history is not read. */
    public static RunFailure ofEvent(GlueJobStateNotification event) {
        return new RunFailure(
                event.jobName(),
                event.jobRunId(),
                event.state(),
                null,
                null,
                null,
                null,
                event.message(),
                List.of(),
                ErrorClassifier.classify(ErrorClassifier.Evidence.ofMessage(event.message())));
    }

    public ErrorClass errorClass() {
        return classification.errorClass();
    }

    /** How long the run ran: Glue's ExecutionTime, else from its start to its end. */
    public Optional<Duration> duration() {
        if (executionTime != null) {
            return Optional.of(executionTime);
        }
        if (startedOn != null && completedOn != null) {
            return Optional.of(Duration.between(startedOn, completedOn));
        }
        return Optional.empty();
    }
}
