package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.glue.model.ConcurrentRunsExceededException;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.JobRunState;

class AlarmResponderTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:10:00Z");
    private static final String KEY = JobRemediator.REMEDIATION_KEY_ARGUMENT;

    private static final String JOB = "sample-etl-job";
    private static final Incident FAILED_RUN = Incident.ofRun(JOB, "jr_failed");

    private final FakeGlue glue = new FakeGlue();
    private final InMemoryIncidentLedger ledger = new InMemoryIncidentLedger();
    private final RecordingDecisionLog log = new RecordingDecisionLog();

    {
        glue.startTime = NOW;
    }

    private AlarmResponder responder(String configJson) {
        return Corpus.responder(configJson, glue, ledger, Clock.fixed(NOW, ZoneOffset.UTC), log);
    }

    private Decision respond(String file) {
        return responder(Corpus.CONFIG_JSON).respond(Corpus.delivery(file));
    }

    /** The job's newest run failed five minutes ago: what GlueJobFailureAlarm reports. */
    private void newestRunFailed() {
        glue.withRun("jr_failed", JobRunState.FAILED, NOW.minusSeconds(300), Map.of());
    }

    @Test
    void failureAlarmRestartsTheJobsNewestFailedRunAsItsIncident() {
        newestRunFailed();

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.alarm()).isEqualTo("GlueJobFailureAlarm");
        assertThat(decision.action()).isEqualTo("restart-job");
        assertThat(decision.target()).isEqualTo(JOB);
        assertThat(decision.jobRunId()).isEqualTo("jr_started_1");
        assertThat(decision.incident()).isEqualTo("sample-etl-job/run/jr_failed");
        assertThat(decision.reason()).isEqualTo("started sample-etl-job (budget slot 1 of 2, held for 60 min)");
        assertThat(glue.starts).singleElement().satisfies(start -> {
            assertThat(start.jobName()).isEqualTo(JOB);
            assertThat(start.arguments()).containsOnlyKeys(KEY).containsValue(FAILED_RUN.remediationKey());
        });
        assertThat(log.only()).isEqualTo(decision);
        assertThat(log.onlyLine()).containsEntry("incident", "sample-etl-job/run/jr_failed");
    }

    @Test
    void startClaimsTheIncidentForSevenDaysAndASlotForTheWindow() {
        newestRunFailed();

        respond("metric-alarm.json");

        assertThat(ledger.incidents).containsExactly(Map.entry(FAILED_RUN.id(), NOW.plus(Duration.ofDays(7))));
        assertThat(ledger.slots)
                .containsExactly(Map.entry(
                        JOB + "#0",
                        new InMemoryIncidentLedger.Slot(FAILED_RUN.id(), NOW.plus(Duration.ofMinutes(60)))));
    }

    @Test
    void transformedGlueFailureRestartsTheJobKeyedByTheFailedRun() {
        Decision decision = respond("glue-state-transformed.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.alarm()).isEqualTo("glue-job-state:sample-etl-job");
        assertThat(decision.state()).isEqualTo("FAILED");
        assertThat(decision.incident()).isEqualTo("sample-etl-job/run/jr_0a1b2c3d4e5f");
        assertThat(glue.starts)
                .singleElement()
                .satisfies(start -> assertThat(start.arguments())
                        .containsEntry(
                                KEY, Incident.ofRun(JOB, "jr_0a1b2c3d4e5f").remediationKey()));
    }

    @Test
    void timedOutRunWhoseErrorSaysNothingKnownIsNotRestarted() {
        Decision decision = respond("glue-state-raw.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(decision.errorClass()).isEqualTo("unknown");
        assertThat(decision.jobRunId()).isEqualTo("jr_9f8e7d6c5b4a");
        assertThat(decision.reason())
                .isEqualTo("not restarted: unknown failure (no known error text); its error class"
                        + " is routed to notify-only");
        assertThat(glue.starts).isEmpty();
        assertThat(ledger.incidents).isEmpty();
    }

    @Test
    void timedOutRunThatFailedTransientlyIsRestarted() {
        glue.withRun("jr_9f8e7d6c5b4a", JobRunState.TIMEOUT, NOW.minusSeconds(1800), Map.of());

        assertThat(respond("glue-state-raw.json").outcome()).isEqualTo(Outcome.STARTED);
        assertThat(glue.starts)
                .singleElement()
                .satisfies(start -> assertThat(start.arguments())
                        .containsEntry(
                                KEY, Incident.ofRun(JOB, "jr_9f8e7d6c5b4a").remediationKey()));
    }

    @Test
    void dataQualityAlarmStartsTheValidationJobOncePerTransition() {
        Decision decision = respond("metric-math-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.action()).isEqualTo("start-validation-job");
        assertThat(decision.incident()).startsWith("DataQualityAlarm/transition/");
        assertThat(glue.starts)
                .singleElement()
                .satisfies(start -> assertThat(start.jobName()).isEqualTo("sample-dq-job"));
    }

    @ParameterizedTest
    @EnumSource(
            value = JobRunState.class,
            names = {"STARTING", "RUNNING", "STOPPING", "WAITING"})
    void activeRunOfTheJobPreventsARestart(JobRunState state) {
        newestRunFailed();
        glue.withRun("jr_active", state, NOW.minusSeconds(30), Map.of());

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_RUNNING);
        assertThat(decision.jobRunId()).isEqualTo("jr_active");
        assertThat(decision.reason()).contains(state.toString());
        assertThat(glue.starts).isEmpty();
        assertThat(ledger.incidents).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = JobRunState.class,
            names = {"FAILED", "TIMEOUT", "ERROR"})
    void failureAlarmRestartsANewestRunThatFailed(JobRunState state) {
        glue.withRun("jr_done", state, NOW.minusSeconds(300), Map.of());

        assertThat(respond("metric-alarm.json").outcome()).isEqualTo(Outcome.STARTED);
    }

    @ParameterizedTest
    @EnumSource(
            value = JobRunState.class,
            names = {"SUCCEEDED", "STOPPED"})
    void failureAlarmWhoseNewestFinishedRunDidNotFailStartsNothing(JobRunState state) {
        glue.withRun("jr_newest", state, NOW.minusSeconds(60), Map.of())
                .withRun("jr_older", JobRunState.FAILED, NOW.minusSeconds(600), Map.of());

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_NO_FAILED_RUN);
        assertThat(decision.jobRunId()).isEqualTo("jr_newest");
        assertThat(decision.reason()).contains("is " + state).contains("nothing failed to restart");
        assertThat(log.onlyLine()).containsEntry("outcome", "skipped-no-failed-run");
        assertThat(glue.starts).isEmpty();
        assertThat(ledger.incidents).isEmpty();
    }

    @Test
    void failureAlarmOfAJobWithoutFinishedRunsStartsNothing() {
        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_NO_FAILED_RUN);
        assertThat(decision.reason()).contains("has no finished run in the last 7 days");
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void newestFinishedRunIsTheLastStartedWhateverTheListOrder() {
        // Oldest first, as moto lists them; real Glue lists newest first.
        glue.withRun("jr_old", JobRunState.SUCCEEDED, NOW.minusSeconds(600), Map.of())
                .withRun("jr_new", JobRunState.FAILED, NOW.minusSeconds(60), Map.of());

        assertThat(respond("metric-alarm.json").incident()).isEqualTo("sample-etl-job/run/jr_new");
    }

    @Test
    void budgetSlotsAllHeldWithinTheWindowPreventARestart() {
        newestRunFailed();
        ledger.holdSlot(JOB, 0, "sample-etl-job/run/jr_a", NOW.plus(Duration.ofMinutes(10)))
                .holdSlot(JOB, 1, "sample-etl-job/run/jr_b", NOW.plus(Duration.ofMinutes(50)));

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_BUDGET);
        assertThat(decision.reason())
                .isEqualTo("2 of 2 allowed starts of sample-etl-job already made in the last 60 min");
        assertThat(decision.incident()).isEqualTo(FAILED_RUN.id());
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void slotWhoseWindowHasPassedIsFreeAgainThoughItsItemRemains() {
        newestRunFailed();
        ledger.holdSlot(JOB, 0, "sample-etl-job/run/jr_a", NOW.minusSeconds(1))
                .holdSlot(JOB, 1, "sample-etl-job/run/jr_b", NOW.plus(Duration.ofMinutes(50)));

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.reason()).contains("budget slot 1 of 2");
        assertThat(ledger.slots.get(JOB + "#0").incident()).isEqualTo(FAILED_RUN.id());
    }

    @Test
    void budgetFromConfigIsApplied() {
        String oneEveryThreeHours = Corpus.CONFIG_JSON.replace(
                "\"maxRestarts\":2,\"windowMinutes\":60", "\"maxRestarts\":1,\"windowMinutes\":180");
        AlarmResponder responder = responder(oneEveryThreeHours);
        responder.respond(Corpus.delivery("glue-state-transformed.json"));
        glue.runs.clear();
        glue.withRun("jr_9f8e7d6c5b4a", JobRunState.TIMEOUT, NOW.minusSeconds(1800), Map.of());

        Decision second = responder.respond(Corpus.delivery("glue-state-raw.json"));

        assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED_BUDGET);
        assertThat(second.reason()).contains("1 of 1").contains("180 min");
        assertThat(ledger.slots.get(JOB + "#0").expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(180)));
    }

    @Test
    void zeroRestartsAllowedStartsNothing() {
        newestRunFailed();
        String none = Corpus.CONFIG_JSON.replace("\"maxRestarts\":2", "\"maxRestarts\":0");

        assertThat(responder(none).respond(Corpus.delivery("metric-alarm.json")).outcome())
                .isEqualTo(Outcome.SKIPPED_BUDGET);
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void secondDeliveryOfTheSameIncidentIsADuplicate() {
        AlarmResponder responder = responder(Corpus.CONFIG_JSON);
        responder.respond(Corpus.delivery("glue-state-transformed.json"));
        // The restart failed quickly, so no active run holds the second delivery back: only the claim does.
        glue.runs.set(
                0, glue.runs.get(0).toBuilder().jobRunState(JobRunState.FAILED).build());

        Decision second = responder.respond(Corpus.delivery("glue-state-transformed.json"));

        assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED_DUPLICATE);
        assertThat(second.incident()).isEqualTo("sample-etl-job/run/jr_0a1b2c3d4e5f");
        assertThat(second.reason()).contains("incident sample-etl-job/run/jr_0a1b2c3d4e5f was already claimed");
        assertThat(glue.starts).hasSize(1);
    }

    @Test
    void glueEventAndFailureAlarmOfOneFailedRunAreOneIncident() {
        glue.withRun("jr_0a1b2c3d4e5f", JobRunState.FAILED, NOW.minusSeconds(300), Map.of());
        AlarmResponder responder = responder(Corpus.CONFIG_JSON);
        Decision event = responder.respond(Corpus.delivery("glue-state-transformed.json"));
        // As a concurrent delivery sees it: it read the history before the restart appeared.
        glue.runs.removeIf(run -> run.id().startsWith("jr_started"));

        Decision alarm = responder.respond(Corpus.delivery("metric-alarm.json"));

        assertThat(event.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(alarm.outcome()).isEqualTo(Outcome.SKIPPED_DUPLICATE);
        assertThat(alarm.incident()).isEqualTo(event.incident());
        assertThat(glue.starts).hasSize(1);
    }

    @Test
    void aRestartThatFailsAgainIsANewIncident() {
        newestRunFailed();
        AlarmResponder responder = responder(Corpus.CONFIG_JSON);
        responder.respond(Corpus.delivery("metric-alarm.json"));
        glue.runs.set(
                0,
                glue.runs.get(0).toBuilder()
                        .jobRunState(JobRunState.FAILED)
                        .errorMessage(FakeGlue.TRANSIENT_ERROR)
                        .build());

        Decision later = responder.respond(Corpus.deliveryOf(
                Corpus.message("metric-alarm.json", "2026-11-25T01:02:03.536+0000", "2026-11-25T01:09:00.000+0000")));

        assertThat(later.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(later.incident()).isEqualTo("sample-etl-job/run/jr_started_1");
        assertThat(glue.starts).hasSize(2);
    }

    @Test
    void anotherTransitionOfAnAlarmWithoutARunIsANewIncident() {
        AlarmResponder responder = responder(Corpus.CONFIG_JSON);
        responder.respond(Corpus.delivery("metric-math-alarm.json"));
        glue.runs.clear();

        Decision again = responder.respond(Corpus.delivery("metric-math-alarm.json"));
        Decision later = responder.respond(Corpus.deliveryOf(Corpus.message("metric-math-alarm.json")
                .replaceFirst(
                        "\"StateChangeTime\":\"[^\"]*\"", "\"StateChangeTime\":\"2026-11-25T09:00:00.000+0000\"")));

        assertThat(again.outcome()).isEqualTo(Outcome.SKIPPED_DUPLICATE);
        assertThat(later.outcome()).isEqualTo(Outcome.STARTED);
    }

    @Test
    void concurrentRunsExceededIsASkipThatGivesTheSlotBack() {
        newestRunFailed();
        glue.startFailure = () -> ConcurrentRunsExceededException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ConcurrentRunsExceededException")
                        .errorMessage("Concurrent runs exceeded for sample-etl-job")
                        .build())
                .statusCode(400)
                .build();

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_CONCURRENT);
        assertThat(decision.reason()).contains("Concurrent runs exceeded");
        assertThat(log.failures).isEmpty();
        assertThat(ledger.slots).isEmpty();
        assertThat(ledger.incidents).containsOnlyKeys(FAILED_RUN.id());
    }

    @Test
    void throttlingAfterRetriesIsThrownSoLambdaRetriesWithBothClaimsGivenBack() {
        newestRunFailed();
        glue.startFailure = () -> GlueException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .errorMessage("Rate exceeded")
                        .build())
                .statusCode(400)
                .build();

        assertThatThrownBy(() -> respond("metric-alarm.json"))
                .isInstanceOf(GlueException.class)
                .hasMessageContaining("Rate exceeded");
        assertThat(log.decisions).isEmpty();
        assertThat(log.failures).hasSize(1);
        assertThat(log.failedDeliveries)
                .singleElement()
                .extracting(Delivery::messageId)
                .isNotNull();
        assertThat(ledger.incidents).isEmpty();
        assertThat(ledger.slots).isEmpty();
    }

    @Test
    void ledgerFailureWhileClaimingASlotGivesTheIncidentBackAndIsThrown() {
        newestRunFailed();
        ledger.slotFailure = () -> SdkClientException.create("Unable to execute HTTP request: Connection refused");

        assertThatThrownBy(() -> respond("metric-alarm.json")).isInstanceOf(SdkClientException.class);
        assertThat(ledger.incidents).isEmpty();
        assertThat(glue.starts).isEmpty();
        assertThat(log.failures).hasSize(1);
    }

    @Test
    void failureToGiveAClaimBackIsKeptOnTheErrorThatIsThrown() {
        newestRunFailed();
        glue.startFailure = () ->
                GlueException.builder().message("Rate exceeded").statusCode(400).build();
        ledger.releaseFailure = () -> SdkClientException.create("ledger unreachable");

        assertThatThrownBy(() -> respond("metric-alarm.json"))
                .isInstanceOf(GlueException.class)
                .satisfies(e -> assertThat(e.getSuppressed())
                        .singleElement()
                        .extracting(Throwable::getMessage)
                        .isEqualTo("ledger unreachable"));
    }

    @Test
    void awsUnreachableWhileReadingHistoryIsThrown() {
        glue.readFailure = () -> SdkClientException.create("Unable to execute HTTP request: Connection refused");

        assertThatThrownBy(() -> respond("glue-state-transformed.json")).isInstanceOf(SdkClientException.class);
        assertThat(glue.starts).isEmpty();
        assertThat(log.failures).hasSize(1);
    }

    @Test
    void disabledRemediationLogsDisabledAndMakesNoGlueCalls() {
        String disabled = Corpus.CONFIG_JSON.replace("\"remediationEnabled\":true", "\"remediationEnabled\":false");

        Decision decision = responder(disabled).respond(Corpus.delivery("metric-alarm.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.DISABLED);
        assertThat(decision.reason()).contains("would have run restart-job on sample-etl-job");
        assertThat(glue.reads).isEmpty();
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void drillIsLoggedAsDrillAndNeverRemediated() {
        Decision decision = respond("drill.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.DRILL);
        assertThat(decision.action()).isEqualTo("restart-job");
        assertThat(glue.reads).isEmpty();
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void notifyOnlyRouteChangesNothing() {
        Decision decision = respond("duration-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.NOTIFY_ONLY);
        assertThat(decision.action()).isEqualTo("notify-only");
        assertThat(glue.reads).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown-alarm.json", "composite-alarm.json"})
    void alarmWithoutARouteIsAcknowledgedAsUnknown(String file) {
        Decision decision = respond(file);

        assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN_ROUTE);
        assertThat(decision.reason()).contains("no route");
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void compositeAlarmWithARouteIsRemediatedLikeAnyAlarm() {
        newestRunFailed();
        String routed = Corpus.CONFIG_JSON.replace(
                "\"routes\":{",
                "\"routes\":{\"PipelineHealthComposite\":{\"action\":\"restart-job\",\"jobName\":\"sample-etl-job\"},");

        assertThat(responder(routed)
                        .respond(Corpus.delivery("composite-alarm.json"))
                        .outcome())
                .isEqualTo(Outcome.STARTED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ok.json",
                "insufficient-data.json",
                "glue-state-succeeded-raw.json",
                "glue-run-status-transformed.json"
            })
    void nonAlarmStatesAreLoggedAndIgnored(String file) {
        Decision decision = respond(file);

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_STATE);
        assertThat(log.onlyLine().get("messageId")).isNotNull();
        assertThat(log.onlyLine().get("excerpt")).isNotNull();
        assertThat(glue.reads).isEmpty();
        assertThat(glue.starts).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not-json.txt",
                "missing-alarm-name.json",
                "missing-state-change-time.json",
                "non-alarm-message.json"
            })
    void malformedMessagesAreLoggedTraceablyAndReturnNormally(String file) {
        Delivery delivery = Corpus.delivery(file);

        Decision decision = responder(Corpus.CONFIG_JSON).respond(delivery);

        assertThat(decision.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(decision.reason()).isNotBlank();
        assertThat(decision.alarm()).isNull();
        assertThat(log.onlyLine())
                .containsEntry("messageId", delivery.messageId())
                .containsEntry("excerpt", delivery.excerpt());
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void historyIsReadAcrossPagesSoAnActiveRunOnPageTwoIsSeen() {
        glue.pageSize = 2;
        glue.withRun("jr_1", JobRunState.FAILED, NOW.minusSeconds(60), Map.of())
                .withRun("jr_2", JobRunState.FAILED, NOW.minusSeconds(120), Map.of())
                .withRun("jr_3", JobRunState.RUNNING, NOW.minusSeconds(180), Map.of());

        assertThat(respond("metric-alarm.json").outcome()).isEqualTo(Outcome.SKIPPED_RUNNING);
        assertThat(glue.reads).hasSize(2);
    }

    @Test
    void historyPagingStopsAtRunsOlderThanTheLookback() {
        glue.pageSize = 1;
        glue.withRun("jr_new", JobRunState.FAILED, NOW.minusSeconds(60), Map.of())
                .withRun("jr_old", JobRunState.RUNNING, NOW.minus(Duration.ofDays(8)), Map.of())
                .withRun("jr_older", JobRunState.FAILED, NOW.minus(Duration.ofDays(9)), Map.of());

        assertThat(respond("metric-alarm.json").outcome()).isEqualTo(Outcome.STARTED);
        assertThat(glue.reads).hasSize(2);
    }

    @Test
    void deliveryFromATopicNotInTheListIsIgnoredUnread() {
        Delivery foreign = new Delivery(
                "arn:aws:sns:us-east-1:123456789012:someone-elses-topic",
                "m-foreign",
                Corpus.message("metric-alarm.json"));

        Decision decision = responder(Corpus.CONFIG_JSON).respond(foreign);

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(decision.alarm()).isNull();
        assertThat(decision.reason())
                .contains("someone-elses-topic")
                .contains(ResponseConfiguration.SOURCE_TOPICS_VARIABLE);
        assertThat(log.onlyLine()).containsEntry("outcome", "ignored-origin").containsEntry("messageId", "m-foreign");
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void deliveryWithoutATopicIsIgnored() {
        Decision decision =
                responder(Corpus.CONFIG_JSON).respond(new Delivery(null, "m-1", Corpus.message("metric-alarm.json")));

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(glue.reads).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:aws:cloudwatch:us-east-1:999999999999:alarm:GlueJobFailureAlarm",
                "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:GlueJobFailureAlarm",
                "arn:aws:sns:us-east-1:123456789012:GlueJobFailureAlarm",
                "not an arn"
            })
    void alarmFromAnotherAccountOrRegionIsIgnored(String alarmArn) {
        Delivery delivery = Corpus.deliveryOf(Corpus.message(
                "metric-alarm.json", "arn:aws:cloudwatch:us-east-1:123456789012:alarm:GlueJobFailureAlarm", alarmArn));

        Decision decision = responder(Corpus.CONFIG_JSON).respond(delivery);

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(decision.alarm()).isEqualTo("GlueJobFailureAlarm");
        assertThat(decision.reason()).contains(alarmArn);
        assertThat(log.onlyLine()).containsEntry("messageId", delivery.messageId());
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void alarmWithoutAnAlarmArnCountsAsForeign() {
        Delivery delivery = Corpus.deliveryOf(Corpus.message(
                "metric-alarm.json",
                "\"AlarmArn\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:GlueJobFailureAlarm\",",
                ""));

        assertThat(responder(Corpus.CONFIG_JSON).respond(delivery).outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(glue.starts).isEmpty();
    }
}
