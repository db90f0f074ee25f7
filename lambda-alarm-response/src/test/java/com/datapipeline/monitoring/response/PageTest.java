package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.ErrorClass;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * Real-shaped Glue failure events and run histories of each error class through the whole response path: the page
 * text, its links, the class, the action, and what goes into the pipeline's page alarm.
 */
class PageTest {

    static final Instant NOW = Instant.parse("2026-11-25T01:10:00Z");
    static final Instant STARTED = Instant.parse("2026-11-25T01:00:00Z");
    /** Glue's run ids are "jr_" and 64 hex digits. */
    static final String RUN = "jr_0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9";

    static final String CONFIG = Corpus.CONFIG_JSON.replace("\"routes\":{", """
            "jobLogGroups":["/aws-glue/jobs/error","/aws-glue/jobs/output"],
            "pipelines":{"sample-etl-job":{"pageAlarm":"PipelineUnhealthyAlarm","dashboard":"DataPipelineMonitoring"}},
            "routes":{""");

    /** One failed run of each class, with a real Glue error text of that class (see glue-error-texts.json). */
    static final Map<ErrorClass, String> ERRORS = Map.of(
            ErrorClass.TRANSIENT,
            "Max concurrent compute (DPU usage) exceeded",
            ErrorClass.RESOURCES,
            "An error occurred while calling o120.pyWriteDynamicFrame. java.io.IOException:"
                    + " No space left on device",
            ErrorClass.PERMISSIONS,
            "An error occurred while calling o103.pyWriteDynamicFrame. Access Denied (Service:"
                    + " Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 6E1CA8B5B6B9A1A2)",
            ErrorClass.CODE,
            "Error Category: SYNTAX_ERROR; Failed Line Number: 12; SyntaxError: invalid syntax",
            ErrorClass.DATA,
            "Error Category: QUERY_ERROR; AnalysisException: [PATH_NOT_FOUND] Path does not exist:"
                    + " s3://orders-landing/2026/11/25/",
            ErrorClass.UNKNOWN,
            "Command Failed with Exit Code 1");

    /** Records what reaches the page alarm; the alarm is OK unless a test says otherwise. */
    static final class RecordingPages implements PageDelivery {
        final List<String> alarms = new ArrayList<>();
        final List<String> texts = new ArrayList<>();
        Status status = Status.PAGED;

        @Override
        public Result deliver(String pageAlarm, String text) {
            alarms.add(pageAlarm);
            texts.add(text);
            return new Result(status, "");
        }
    }

    final FakeGlue glue = new FakeGlue();
    final InMemoryIncidentLedger ledger = new InMemoryIncidentLedger();
    final RecordingDecisionLog log = new RecordingDecisionLog();
    final RecordingPages pages = new RecordingPages();

    {
        glue.startTime = NOW;
    }

    AlarmResponder responder(String configJson) {
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
                        RootCauseReader.NONE),
                log,
                pages,
                new ConsoleLinks("us-east-1"));
    }

    /** The Glue Job State Change of the failed run {@link #RUN}, as the stack's rule forwards it. */
    static String failureEvent(String errorMessage) {
        String message = "JobName:sample-etl-job and JobRunId:" + RUN + " failed to execute with exception "
                + errorMessage.replace("\\", "\\\\").replace("\"", "\\\"");
        return Corpus.message("glue-state-transformed.json")
                .replace("jr_0a1b2c3d4e5f", RUN)
                .replaceAll(
                        "\"message\":\"[^\"]*\"",
                        java.util.regex.Matcher.quoteReplacement("\"message\":\"" + message + "\""));
    }

    Decision failedRunOf(ErrorClass errorClass) {
        glue.withFailedRun(RUN, JobRunState.FAILED, STARTED, 540, ERRORS.get(errorClass));
        return responder(CONFIG).respond(Corpus.deliveryOf(failureEvent(ERRORS.get(errorClass))));
    }

    /**
     * The third code failure in a row of a pipeline that routes code failures to pause-trigger: its own scheduled
     * trigger is paused, and the page says how it resumes.
     */
    Decision thirdCodeFailureOfAPipelineThatPauses() {
        glue.withFailedRun(
                        "jr_earlier_2",
                        JobRunState.FAILED,
                        STARTED.minusSeconds(7200),
                        540,
                        ERRORS.get(ErrorClass.CODE))
                .withFailedRun(
                        "jr_earlier_1",
                        JobRunState.FAILED,
                        STARTED.minusSeconds(3600),
                        540,
                        ERRORS.get(ErrorClass.CODE))
                .withFailedRun(RUN, JobRunState.FAILED, STARTED, 540, ERRORS.get(ErrorClass.CODE))
                .withTrigger("sample-etl-job-nightly", TriggerType.SCHEDULED, "sample-etl-job");
        String pausing = CONFIG.replace(
                "\"dashboard\":\"DataPipelineMonitoring\"}",
                "\"dashboard\":\"DataPipelineMonitoring\",\"errorClassActions\":{\"code\":\"pause-trigger\"}}");
        return responder(pausing).respond(Corpus.deliveryOf(failureEvent(ERRORS.get(ErrorClass.CODE))));
    }

    @Test
    void thePageOfAPauseNamesTheTriggerAndHowItResumes() {
        Decision decision = thirdCodeFailureOfAPipelineThatPauses();

        assertThat(decision.outcome()).isEqualTo(Outcome.PAUSED_TRIGGER);
        assertThat(pages.texts)
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .hasSizeLessThanOrEqualTo(PageText.STATE_REASON_LIMIT)
                        .contains("\nResponse: not restarted; paused trigger sample-etl-job-nightly of sample-etl-job"
                                + " after 3 failed runs in a row")
                        .contains("the next successful run of sample-etl-job resumes it, or by hand: aws glue"
                                + " start-trigger --name sample-etl-job-nightly")
                        .contains("\nRunbook: docs/runbook.md#" + PageText.TRIGGERS_PAUSED_ANCHOR + "\n"));
        assertThat(glue.stateOf("sample-etl-job-nightly")).isEqualTo(TriggerState.DEACTIVATED);
    }

    @ParameterizedTest
    @EnumSource(ErrorClass.class)
    void pageOfAFailedRunSaysWhatWhereWhyWhatWasDoneAndWhereToLook(ErrorClass errorClass) {
        Decision decision = failedRunOf(errorClass);

        assertThat(decision.errorClass()).isEqualTo(errorClass.configName());
        assertThat(decision.outcome())
                .isEqualTo(errorClass == ErrorClass.TRANSIENT ? Outcome.STARTED : Outcome.SKIPPED_ERROR_CLASS);
        String page = decision.page().text();
        assertThat(page.lines().toList())
                .startsWith(
                        "Pipeline sample-etl-job: Glue job run " + RUN + " FAILED (attempt 0)",
                        "Started 2026-11-25 01:00:00 UTC, ran 9 min 0 s",
                        "Error class: " + errorClass.configName() + " ("
                                + decision.failure().classification().basis() + ")",
                        "Error: " + ERRORS.get(errorClass));
        assertThat(page)
                .contains("\nResponse: "
                        + (errorClass == ErrorClass.TRANSIENT
                                ? "restarted as run jr_started_1 (budget slot 1 of 2, held for 60 min)"
                                : "not restarted: "))
                .contains("\nRunbook: docs/runbook.md#error-class-" + errorClass.configName())
                .contains(
                        "\nRun: https://console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/sample-etl-job/run/"
                                + RUN)
                .contains(
                        "\nLogs: https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights")
                .contains("editorString~'filter*20*40logStream*20like*20*2f*5e" + RUN + "*2f~source")
                .contains("~source~(~'*2faws-glue*2fjobs*2ferror~'*2faws-glue*2fjobs*2foutput)")
                .endsWith(
                        "\nDashboard: https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:name=DataPipelineMonitoring");
        assertThat(pages.alarms).containsExactly("PipelineUnhealthyAlarm");
        assertThat(pages.texts)
                .singleElement()
                .satisfies(text -> assertThat(text)
                        .hasSizeLessThanOrEqualTo(PageText.STATE_REASON_LIMIT)
                        .startsWith("Pipeline sample-etl-job: Glue job run " + RUN + " FAILED")
                        .contains("\nResponse: ")
                        .contains("\nRunbook: ")
                        .contains("\nRun: https://"));
        assertThat(log.onlyLine())
                .containsEntry("page", page)
                .containsEntry("pageDelivery", "paged")
                .containsEntry("errorClass", errorClass.configName());
    }

    @Test
    void nonTransientPagesSayWhyTheRunWasNotRestarted() {
        assertThat(failedRunOf(ErrorClass.PERMISSIONS).page().text())
                .contains("\nResponse: not restarted: a retry fails"
                        + " the same way until the cause is fixed (permissions -> notify-only)\n");
    }

    @Test
    void unknownTextPagesAPersonAndRestartsNothing() {
        Decision decision = failedRunOf(ErrorClass.UNKNOWN);

        assertThat(decision.page().text())
                .contains("\nError class: unknown (no known error text)\n")
                .contains(
                        "\nResponse: not restarted: the error is not one the response function knows, so a person decides\n");
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void pageOverTheLimitsKeepsTheHeadlineAndTheResponseAndCutsTheErrorFirst() {
        String traceback =
                "Traceback (most recent call last):\n" + "  File \"/tmp/etl.py\", line 40, in transform\n".repeat(400)
                        + "ModuleNotFoundError: No module named 'tensorflow'";
        glue.withFailedRun(RUN, JobRunState.FAILED, STARTED, 540, traceback);

        Decision decision = responder(CONFIG).respond(Corpus.deliveryOf(failureEvent("Job failed")));

        assertThat(traceback).hasSizeGreaterThan(PageText.FULL_LIMIT * 4);
        assertThat(decision.errorClass()).isEqualTo("code");
        assertThat(decision.page().text())
                .hasSizeLessThanOrEqualTo(PageText.FULL_LIMIT)
                .contains("Error: Traceback (most recent call last): File \"/tmp/etl.py\", line 40")
                .contains(PageText.CUT + "\nResponse: ")
                .contains("\nDashboard: ");
        String reason = pages.texts.get(0);
        assertThat(reason)
                .hasSizeLessThanOrEqualTo(PageText.STATE_REASON_LIMIT)
                .startsWith("Pipeline sample-etl-job: Glue job run " + RUN + " FAILED (attempt 0)\n")
                .contains("\nError class: code ('ModuleNotFoundError' in the run's error message)\n")
                .contains("\nResponse: not restarted: a retry fails the same way")
                .contains("\nRunbook: docs/runbook.md#error-class-code");
        assertThat(reason).hasSizeGreaterThan(PageText.STATE_REASON_LIMIT - 10);
        assertThat(reason.lines()
                        .filter(line -> line.startsWith("Error: "))
                        .findFirst()
                        .orElseThrow())
                .endsWith(PageText.CUT)
                .hasSizeGreaterThanOrEqualTo(PageText.ERROR_MIN);
    }

    @Test
    void aVeryLongJobNameStillFitsTheStateReason() {
        String job = "orders-" + "x".repeat(240);
        PipelinePage pipeline = new PipelinePage(
                job,
                java.util.Optional.of("PipelineUnhealthyAlarm-" + job),
                java.util.Optional.of("DataPipelineMonitoring-Pipelines12"),
                java.util.Optional.of(
                        "https://git.example.com/data/pipelines/-/blob/main/runbooks/" + "y".repeat(200) + ".md"));
        RunFailure failure = new RunFailure(
                job,
                RUN,
                "TIMEOUT",
                2,
                STARTED,
                NOW,
                null,
                ERRORS.get(ErrorClass.DATA),
                List.of(),
                ErrorClassifier.classify(ErrorClassifier.Evidence.ofMessage(ERRORS.get(ErrorClass.DATA))));
        Decision decision = new Decision(
                "glue-job-state:" + job,
                "TIMEOUT",
                "restart-job",
                job,
                Outcome.SKIPPED_ERROR_CLASS,
                "not restarted",
                RUN,
                null,
                failure,
                null);

        PageText text = PageText.of(
                pipeline,
                decision,
                failure,
                new ConsoleLinks("ap-southeast-2"),
                "docs/runbook.md",
                List.of("/aws-glue/jobs/error", "/aws-glue/jobs/output"));

        assertThat(text.full())
                .contains("Started 2026-11-25 01:00:00 UTC, ran 10 min 0 s")
                .contains("\nDashboard: ");
        assertThat(text.fitted(PageText.STATE_REASON_LIMIT))
                .hasSizeLessThanOrEqualTo(PageText.STATE_REASON_LIMIT)
                .startsWith("Pipeline " + job + ": Glue job run " + RUN + " TIMEOUT (attempt 2)")
                .contains("\nResponse: not restarted")
                .doesNotContain("\nDashboard: ");
    }

    @Test
    void pageAlarmAlreadyOpenIsLoggedAndNothingElseChanges() {
        pages.status = PageDelivery.Status.ALREADY_OPEN;

        Decision decision = failedRunOf(ErrorClass.RESOURCES);

        assertThat(decision.page().delivery().status()).isEqualTo(PageDelivery.Status.ALREADY_OPEN);
        assertThat(log.onlyLine()).containsEntry("pageDelivery", "already-open");
    }

    @Test
    void duplicateDeliveryPagesNothing() {
        glue.withFailedRun(RUN, JobRunState.FAILED, STARTED, 540, ERRORS.get(ErrorClass.TRANSIENT));
        AlarmResponder responder = responder(CONFIG);
        String event = failureEvent(ERRORS.get(ErrorClass.TRANSIENT));
        responder.respond(Corpus.deliveryOf(event));
        glue.runs.removeIf(run -> run.id().startsWith("jr_started"));

        Decision second = responder.respond(Corpus.deliveryOf(event));

        assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED_DUPLICATE);
        assertThat(second.page()).isNull();
        assertThat(pages.texts).hasSize(1);
    }

    @Test
    void jobThatNoLongerExistsPagesFromTheEventAlone() {
        glue.readFailure = () -> EntityNotFoundException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("EntityNotFoundException")
                        .errorMessage("Job sample-etl-job not found")
                        .build())
                .build();

        Decision decision =
                responder(CONFIG).respond(Corpus.deliveryOf(failureEvent(ERRORS.get(ErrorClass.PERMISSIONS))));

        assertThat(decision.outcome()).isEqualTo(Outcome.JOB_NOT_FOUND);
        assertThat(decision.errorClass()).isEqualTo("permissions");
        assertThat(decision.page().text())
                .contains("\nStarted unknown, ran unknown\n")
                .contains("\nResponse: not restarted: job sample-etl-job does not exist (any more): nothing to restart;"
                        + " remove it from the monitored pipelines or restore it\n");
        assertThat(pages.alarms).containsExactly("PipelineUnhealthyAlarm");
    }

    @Test
    void disabledRemediationStillPagesWithTheEventsTextAndReadsNoGlue() {
        String disabled = CONFIG.replace("\"remediationEnabled\":true", "\"remediationEnabled\":false");

        Decision decision = responder(disabled).respond(Corpus.deliveryOf(failureEvent(ERRORS.get(ErrorClass.DATA))));

        assertThat(decision.outcome()).isEqualTo(Outcome.DISABLED);
        assertThat(decision.errorClass()).isEqualTo("data");
        assertThat(decision.page().text()).contains("\nResponse: not restarted: remediation is disabled");
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void pipelineWithoutAPageAlarmOnlyLogsItsPage() {
        glue.withFailedRun(RUN, JobRunState.FAILED, STARTED, 540, ERRORS.get(ErrorClass.CODE));

        Decision decision =
                responder(Corpus.CONFIG_JSON).respond(Corpus.deliveryOf(failureEvent(ERRORS.get(ErrorClass.CODE))));

        assertThat(decision.page().delivery().status()).isEqualTo(PageDelivery.Status.NO_PAGE_ALARM);
        assertThat(decision.page().text()).doesNotContain("Logs: ").doesNotContain("Dashboard: ");
        assertThat(pages.alarms).isEmpty();
    }

    @Test
    void aPipelinesOwnRunbookReplacesTheDefault() {
        String own = CONFIG.replace(
                "\"dashboard\":\"DataPipelineMonitoring\"",
                "\"dashboard\":\"DataPipelineMonitoring\",\"runbookUrl\":\"https://wiki.example.com/orders-runbook\"");
        glue.withFailedRun(RUN, JobRunState.FAILED, STARTED, 540, ERRORS.get(ErrorClass.CODE));

        Decision decision = responder(own).respond(Corpus.deliveryOf(failureEvent(ERRORS.get(ErrorClass.CODE))));

        assertThat(decision.page().text())
                .contains("\nRunbook: https://wiki.example.com/orders-runbook#error-class-code\n");
    }

    @Test
    void everyRunbookAnchorIsASectionOfTheRunbook() throws Exception {
        String runbook = java.nio.file.Files.readString(repositoryFile("docs/runbook.md"));

        for (ErrorClass errorClass : ErrorClass.values()) {
            assertThat(runbook).contains("<a id=\"" + errorClass.runbookAnchor() + "\"></a>");
        }
        assertThat(runbook).contains("<a id=\"" + PageText.TRIGGERS_PAUSED_ANCHOR + "\"></a>");
    }

    /**
     * A file of the repository (whose root holds docs/runbook.md), found from the tests' working directory:
     * Surefire's is below the module, which has a README.md of its own.
     */
    static java.nio.file.Path repositoryFile(String path) {
        for (java.nio.file.Path dir = java.nio.file.Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (java.nio.file.Files.exists(dir.resolve("docs/runbook.md"))) {
                return dir.resolve(path);
            }
        }
        throw new AssertionError(
                "no repository root above " + java.nio.file.Path.of("").toAbsolutePath());
    }
}
