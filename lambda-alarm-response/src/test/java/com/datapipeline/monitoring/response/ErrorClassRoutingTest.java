package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.ErrorClass;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.JobRunState;

/** A failed run's error class decides whether a restart route restarts it: only transient ones by default. */
class ErrorClassRoutingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:10:00Z");
    private static final String RUN = "jr_0a1b2c3d4e5f";

    private final FakeGlue glue = new FakeGlue();
    private final InMemoryIncidentLedger ledger = new InMemoryIncidentLedger();
    private final RecordingDecisionLog log = new RecordingDecisionLog();

    {
        glue.startTime = NOW;
    }

    private AlarmResponder responder(String configJson, RootCauseReader rootCause) {
        ResponseConfig config = ResponseConfig.parse(configJson);
        return new AlarmResponder(
                config,
                Corpus.SOURCES,
                new JobRemediator(
                        glue,
                        ledger,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        config.restartBudget(),
                        config.errorClassActions(),
                        rootCause),
                log);
    }

    private Decision eventFor(String errorMessage) {
        glue.withFailedRun(RUN, JobRunState.FAILED, NOW.minusSeconds(600), 540, errorMessage);
        return responder(Corpus.CONFIG_JSON, RootCauseReader.NONE)
                .respond(Corpus.delivery("glue-state-transformed.json"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            transient   | STARTED             | Max concurrent compute (DPU usage) exceeded
            resources   | SKIPPED_ERROR_CLASS | An error occurred while calling o120.pyWriteDynamicFrame. java.io.IOException: No space left on device
            permissions | SKIPPED_ERROR_CLASS | The ciphertext refers to a customer master key that does not exist, does not exist in this region, or you are not allowed to access.
            code        | SKIPPED_ERROR_CLASS | Error Category: SYNTAX_ERROR; Failed Line Number: 12; SyntaxError: invalid syntax
            data        | SKIPPED_ERROR_CLASS | [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `jello` cannot be resolved.
            unknown     | SKIPPED_ERROR_CLASS | Command Failed with Exit Code 1
            """)
    void failedRunOfEachClassIsRestartedOnlyWhenTransient(String errorClass, Outcome outcome, String errorMessage) {
        Decision decision = eventFor(errorMessage);

        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.errorClass()).isEqualTo(errorClass);
        assertThat(decision.failure().runId()).isEqualTo(RUN);
        assertThat(decision.failure().errorMessage()).isEqualTo(errorMessage);
        assertThat(log.onlyLine()).containsEntry("errorClass", errorClass).containsEntry("outcome", outcome.logName());
        assertThat(glue.starts).hasSize(outcome == Outcome.STARTED ? 1 : 0);
        if (outcome == Outcome.SKIPPED_ERROR_CLASS) {
            assertThat(decision.reason())
                    .startsWith("not restarted: " + errorClass + " failure (")
                    .endsWith("its error class is routed to notify-only");
            assertThat(ledger.incidents).isEmpty();
            assertThat(ledger.slots).isEmpty();
        }
    }

    @Test
    void failureAlarmClassifiesTheNewestFailedRunOfTheJob() {
        glue.withFailedRun(
                "jr_oom",
                JobRunState.FAILED,
                NOW.minusSeconds(600),
                300,
                "# java.lang.OutOfMemoryError: Java heap space");

        Decision decision =
                responder(Corpus.CONFIG_JSON, RootCauseReader.NONE).respond(Corpus.delivery("metric-alarm.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(decision.errorClass()).isEqualTo("resources");
        assertThat(decision.jobRunId()).isEqualTo("jr_oom");
        assertThat(decision.incident()).isEqualTo("sample-etl-job/run/jr_oom");
    }

    @Test
    void jobRunInsightsRootCauseDecidesWhenTheErrorMessageIsVague() {
        glue.withFailedRun(
                RUN,
                JobRunState.FAILED,
                NOW.minusSeconds(600),
                60,
                "An error occurred while calling o111.collectToPython. Traceback (most recent call last):");
        List<String> asked = new java.util.ArrayList<>();
        RootCauseReader insights = runId -> {
            asked.add(runId);
            return List.of("ModuleNotFoundError: No module named 'tensorflow'");
        };

        Decision decision =
                responder(Corpus.CONFIG_JSON, insights).respond(Corpus.delivery("glue-state-transformed.json"));

        assertThat(asked).containsExactly(RUN);
        assertThat(decision.errorClass()).isEqualTo("code");
        assertThat(decision.failure().rootCause()).containsExactly("ModuleNotFoundError: No module named 'tensorflow'");
        assertThat(decision.reason()).contains("'ModuleNotFoundError' in the job run insights root cause");
    }

    @Test
    void eventWhoseRunIsNotInTheHistoryIsClassifiedByTheEventsMessage() {
        Decision decision = responder(Corpus.CONFIG_JSON, RootCauseReader.NONE)
                .respond(Corpus.delivery("glue-state-transformed.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.errorClass()).isEqualTo("transient");
        assertThat(decision.failure().errorMessage()).contains("ThrottlingException");
        assertThat(decision.failure().startedOn()).isNull();
    }

    @Test
    void aPipelineMayRestartAClassThatOthersOnlyPage() {
        String restartOnMemory = Corpus.CONFIG_JSON.replace(
                "\"routes\":{",
                "\"pipelines\":{\"sample-etl-job\":{\"errorClassActions\":{\"resources\":\"restart-job\"}}},\"routes\":{");
        glue.withFailedRun(RUN, JobRunState.FAILED, NOW.minusSeconds(600), 540, "No space left on device");

        Decision decision = responder(restartOnMemory, RootCauseReader.NONE)
                .respond(Corpus.delivery("glue-state-transformed.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.errorClass()).isEqualTo("resources");
    }

    @Test
    void allPipelinesMayStopRestartingTransientFailures() {
        String never = Corpus.CONFIG_JSON.replace(
                "\"routes\":{", "\"errorClassActions\":{\"transient\":\"notify-only\"},\"routes\":{");

        Decision decision =
                responder(never, RootCauseReader.NONE).respond(Corpus.delivery("glue-state-transformed.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(decision.errorClass()).isEqualTo("transient");
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void jobThatNoLongerExistsIsLoggedNotRetried() {
        glue.readFailure = () -> EntityNotFoundException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("EntityNotFoundException")
                        .errorMessage("Job sample-etl-job not found")
                        .build())
                .build();

        Decision decision = responder(Corpus.CONFIG_JSON, RootCauseReader.NONE)
                .respond(Corpus.delivery("glue-state-transformed.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.JOB_NOT_FOUND);
        assertThat(decision.reason())
                .isEqualTo("job sample-etl-job does not exist (any more): nothing to restart;"
                        + " remove it from the monitored pipelines or restore it");
        assertThat(log.onlyLine()).containsEntry("outcome", "job-not-found");
        assertThat(log.failures).isEmpty();
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void validationRouteIsNotClassified() {
        Decision decision = responder(Corpus.CONFIG_JSON, runId -> {
                    throw new AssertionError("a validation start has no failed run to read");
                })
                .respond(Corpus.delivery("metric-math-alarm.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.failure()).isNull();
        assertThat(log.onlyLine()).containsEntry("errorClass", null);
    }

    @Test
    void runFailureKnowsItsDurationFromGlueOrFromItsTimes() {
        Decision decision = eventFor("Max concurrent job runs per account exceeded");

        assertThat(decision.failure().duration()).contains(java.time.Duration.ofSeconds(540));
        assertThat(decision.failure().attempt()).isZero();
        assertThat(decision.failure().state()).isEqualTo("FAILED");
        assertThat(Map.of("class", decision.failure().errorClass())).containsEntry("class", ErrorClass.TRANSIENT);
    }
}
