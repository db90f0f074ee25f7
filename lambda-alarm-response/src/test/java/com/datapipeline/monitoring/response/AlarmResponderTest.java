package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private final FakeGlue glue = new FakeGlue();
    private final RecordingDecisionLog log = new RecordingDecisionLog();

    {
        glue.startTime = NOW;
    }

    private AlarmResponder responder(String configJson) {
        return new AlarmResponder(ResponseConfig.parse(configJson), Corpus.SOURCES, glue, Clock.fixed(NOW, ZoneOffset.UTC),
                log);
    }

    private Decision respond(String file) {
        return responder(Corpus.CONFIG_JSON).respond(Corpus.delivery(file));
    }

    @Test
    void failureAlarmRestartsTheJobWithTheTransitionsRemediationKey() {
        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.alarm()).isEqualTo("GlueJobFailureAlarm");
        assertThat(decision.action()).isEqualTo("restart-job");
        assertThat(decision.target()).isEqualTo("sample-etl-job");
        assertThat(decision.jobRunId()).isEqualTo("jr_started_1");
        assertThat(glue.starts).singleElement().satisfies(start -> {
            assertThat(start.jobName()).isEqualTo("sample-etl-job");
            assertThat(start.arguments()).containsOnlyKeys(KEY).containsValue(
                    Corpus.remediationKeyOf("metric-alarm.json"));
        });
        assertThat(log.only()).isEqualTo(decision);
    }

    @Test
    void transformedGlueFailureRestartsTheJobKeyedByTheFailedRun() {
        Decision decision = respond("glue-state-transformed.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.alarm()).isEqualTo("glue-job-state:sample-etl-job");
        assertThat(decision.state()).isEqualTo("FAILED");
        assertThat(glue.starts).singleElement()
                .satisfies(start -> assertThat(start.arguments()).containsEntry(KEY, "glue-jr_0a1b2c3d4e5f"));
    }

    @Test
    void rawGlueTimeoutEventRestartsTheJob() {
        assertThat(respond("glue-state-raw.json").outcome()).isEqualTo(Outcome.STARTED);
        assertThat(glue.starts).singleElement()
                .satisfies(start -> assertThat(start.arguments()).containsEntry(KEY, "glue-jr_9f8e7d6c5b4a"));
    }

    @Test
    void dataQualityAlarmStartsTheValidationJob() {
        Decision decision = respond("metric-math-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(decision.action()).isEqualTo("start-validation-job");
        assertThat(glue.starts).singleElement().satisfies(start -> assertThat(start.jobName()).isEqualTo("sample-dq-job"));
    }

    @ParameterizedTest
    @EnumSource(value = JobRunState.class, names = {"STARTING", "RUNNING", "STOPPING", "WAITING"})
    void activeRunOfTheJobPreventsARestart(JobRunState state) {
        glue.withRun("jr_active", state, NOW.minusSeconds(300), Map.of());

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_RUNNING);
        assertThat(decision.jobRunId()).isEqualTo("jr_active");
        assertThat(decision.reason()).contains(state.toString());
        assertThat(glue.starts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = JobRunState.class, names = {"SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED", "ERROR"})
    void finishedRunsDoNotPreventARestart(JobRunState state) {
        glue.withRun("jr_done", state, NOW.minusSeconds(300), Map.of());

        assertThat(respond("metric-alarm.json").outcome()).isEqualTo(Outcome.STARTED);
    }

    @Test
    void budgetUsedUpWithinTheWindowPreventsARestart() {
        glue.withRun("jr_r2", JobRunState.FAILED, NOW.minus(Duration.ofMinutes(10)), Map.of(KEY, "alarm-earlier2"))
                .withRun("jr_r1", JobRunState.FAILED, NOW.minus(Duration.ofMinutes(50)), Map.of(KEY, "alarm-earlier1"));

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_BUDGET);
        assertThat(decision.reason()).contains("2 of 2");
        assertThat(glue.starts).isEmpty();
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCountAgainstTheBudget() {
        glue.withRun("jr_r2", JobRunState.FAILED, NOW.minus(Duration.ofMinutes(10)), Map.of(KEY, "alarm-earlier2"))
                .withRun("jr_r1", JobRunState.FAILED, NOW.minus(Duration.ofMinutes(61)), Map.of(KEY, "alarm-earlier1"));

        assertThat(respond("metric-alarm.json").outcome()).isEqualTo(Outcome.STARTED);
    }

    @Test
    void runsNotStartedByThisFunctionDoNotCountAgainstTheBudget() {
        for (int i = 0; i < 5; i++) {
            glue.withRun("jr_sched" + i, JobRunState.FAILED, NOW.minus(Duration.ofMinutes(5 + i)), Map.of("--day", "x"));
        }

        assertThat(respond("metric-alarm.json").outcome()).isEqualTo(Outcome.STARTED);
    }

    @Test
    void budgetFromConfigIsApplied() {
        glue.withRun("jr_r1", JobRunState.FAILED, NOW.minus(Duration.ofMinutes(100)), Map.of(KEY, "alarm-earlier1"));
        String oneEveryThreeHours = Corpus.CONFIG_JSON.replace("\"maxRestarts\":2,\"windowMinutes\":60",
                "\"maxRestarts\":1,\"windowMinutes\":180");

        assertThat(responder(oneEveryThreeHours).respond(Corpus.delivery("metric-alarm.json")).outcome())
                .isEqualTo(Outcome.SKIPPED_BUDGET);
    }

    @Test
    void secondDeliveryOfTheSameTransitionIsADuplicate() {
        AlarmResponder responder = responder(Corpus.CONFIG_JSON);
        responder.respond(Corpus.delivery("metric-alarm.json"));
        // The first run failed quickly, so only the key can tell the redelivery apart.
        glue.runs.set(0, glue.runs.get(0).toBuilder().jobRunState(JobRunState.FAILED).build());

        Decision second = responder.respond(Corpus.delivery("metric-alarm.json"));

        assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED_DUPLICATE);
        assertThat(second.jobRunId()).isEqualTo("jr_started_1");
        assertThat(glue.starts).hasSize(1);
    }

    @Test
    void aLaterTransitionOfTheSameAlarmIsNotADuplicate() {
        AlarmResponder responder = responder(Corpus.CONFIG_JSON);
        responder.respond(Corpus.delivery("metric-alarm.json"));
        glue.runs.set(0, glue.runs.get(0).toBuilder().jobRunState(JobRunState.FAILED).build());

        Decision later = responder.respond(Corpus.deliveryOf(Corpus.message("metric-alarm.json",
                "2026-11-25T01:02:03.536+0000", "2026-11-25T01:09:00.000+0000")));

        assertThat(later.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(glue.starts).hasSize(2);
    }

    @Test
    void concurrentRunsExceededIsASkipNotAnError() {
        glue.startFailure = () -> ConcurrentRunsExceededException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ConcurrentRunsExceededException")
                        .errorMessage("Concurrent runs exceeded for sample-etl-job").build())
                .statusCode(400).build();

        Decision decision = respond("metric-alarm.json");

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_CONCURRENT);
        assertThat(decision.reason()).contains("Concurrent runs exceeded");
        assertThat(log.failures).isEmpty();
    }

    @Test
    void throttlingAfterRetriesIsThrownSoLambdaRetries() {
        glue.startFailure = () -> GlueException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").errorMessage("Rate exceeded")
                        .build())
                .statusCode(400).build();

        assertThatThrownBy(() -> respond("metric-alarm.json")).isInstanceOf(GlueException.class)
                .hasMessageContaining("Rate exceeded");
        assertThat(log.decisions).isEmpty();
        assertThat(log.failures).hasSize(1);
        assertThat(log.failedDeliveries).singleElement().extracting(Delivery::messageId).isNotNull();
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
        String routed = Corpus.CONFIG_JSON.replace("\"routes\":{",
                "\"routes\":{\"PipelineHealthComposite\":{\"action\":\"restart-job\",\"jobName\":\"sample-etl-job\"},");

        assertThat(responder(routed).respond(Corpus.delivery("composite-alarm.json")).outcome())
                .isEqualTo(Outcome.STARTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ok.json", "insufficient-data.json", "glue-state-succeeded-raw.json",
            "glue-run-status-transformed.json"})
    void nonAlarmStatesAreLoggedAndIgnored(String file) {
        Decision decision = respond(file);

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_STATE);
        assertThat(log.onlyLine().get("messageId")).isNotNull();
        assertThat(log.onlyLine().get("excerpt")).isNotNull();
        assertThat(glue.reads).isEmpty();
        assertThat(glue.starts).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-json.txt", "missing-alarm-name.json", "missing-state-change-time.json",
            "non-alarm-message.json"})
    void malformedMessagesAreLoggedTraceablyAndReturnNormally(String file) {
        Delivery delivery = Corpus.delivery(file);

        Decision decision = responder(Corpus.CONFIG_JSON).respond(delivery);

        assertThat(decision.outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(decision.reason()).isNotBlank();
        assertThat(decision.alarm()).isNull();
        assertThat(log.onlyLine()).containsEntry("messageId", delivery.messageId())
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
                .withRun("jr_old", JobRunState.FAILED, NOW.minus(Duration.ofDays(8)), Map.of())
                .withRun("jr_older", JobRunState.FAILED, NOW.minus(Duration.ofDays(9)), Map.of());

        assertThat(respond("metric-alarm.json").outcome()).isEqualTo(Outcome.STARTED);
        assertThat(glue.reads).hasSize(2);
    }

    @Test
    void deliveryFromATopicNotInTheListIsIgnoredUnread() {
        Delivery foreign = new Delivery("arn:aws:sns:us-east-1:123456789012:someone-elses-topic", "m-foreign",
                Corpus.message("metric-alarm.json"));

        Decision decision = responder(Corpus.CONFIG_JSON).respond(foreign);

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(decision.alarm()).isNull();
        assertThat(decision.reason()).contains("someone-elses-topic").contains(SourceTopics.VARIABLE);
        assertThat(log.onlyLine()).containsEntry("outcome", "ignored-origin").containsEntry("messageId", "m-foreign");
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void deliveryWithoutATopicIsIgnored() {
        Decision decision = responder(Corpus.CONFIG_JSON).respond(
                new Delivery(null, "m-1", Corpus.message("metric-alarm.json")));

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(glue.reads).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "arn:aws:cloudwatch:us-east-1:999999999999:alarm:GlueJobFailureAlarm",
            "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:GlueJobFailureAlarm",
            "arn:aws:sns:us-east-1:123456789012:GlueJobFailureAlarm",
            "not an arn"})
    void alarmFromAnotherAccountOrRegionIsIgnored(String alarmArn) {
        Delivery delivery = Corpus.deliveryOf(Corpus.message("metric-alarm.json",
                "arn:aws:cloudwatch:us-east-1:123456789012:alarm:GlueJobFailureAlarm", alarmArn));

        Decision decision = responder(Corpus.CONFIG_JSON).respond(delivery);

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(decision.alarm()).isEqualTo("GlueJobFailureAlarm");
        assertThat(decision.reason()).contains(alarmArn);
        assertThat(log.onlyLine()).containsEntry("messageId", delivery.messageId());
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void alarmWithoutAnAlarmArnCountsAsForeign() {
        Delivery delivery = Corpus.deliveryOf(Corpus.message("metric-alarm.json",
                "\"AlarmArn\":\"arn:aws:cloudwatch:us-east-1:123456789012:alarm:GlueJobFailureAlarm\",", ""));

        assertThat(responder(Corpus.CONFIG_JSON).respond(delivery).outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(glue.starts).isEmpty();
    }
}
