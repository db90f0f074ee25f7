package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.RouteAction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/** A class routed to pause-trigger stops the job's own triggers after repeated failures, with guard rails. */
class TriggerPauseTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:10:00Z");
    private static final String CODE_ERROR =
            "Error Category: SYNTAX_ERROR; Failed Line Number: 12; SyntaxError: invalid syntax";
    private static final String PAUSE_CODE = Corpus.CONFIG_JSON.replace(
            "\"routes\":{",
            "\"pipelines\":{\"sample-etl-job\":{\"errorClassActions\":{\"code\":\"pause-trigger\"}}},\"routes\":{");

    private final FakeGlue glue = new FakeGlue();
    private final InMemoryIncidentLedger ledger = new InMemoryIncidentLedger();
    private final RecordingDecisionLog log = new RecordingDecisionLog();

    private AlarmResponder responder(String configJson) {
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
                log);
    }

    /** {@code count} failed runs of the code class, newest first, the newest being the one the alarm reports. */
    private void failedRuns(int count) {
        for (int i = 0; i < count; i++) {
            glue.withFailedRun("jr_failed_" + i, JobRunState.FAILED, NOW.minusSeconds(600L * (i + 1)), 60, CODE_ERROR);
        }
    }

    private Decision failureAlarm(String configJson) {
        return responder(configJson).respond(Corpus.delivery("metric-alarm.json"));
    }

    @Test
    void thirdFailureInARowStopsTheJobsOwnTriggersAndLeavesSharedOnesAlone() {
        failedRuns(3);
        glue.withTrigger("nightly-sample-etl", TriggerType.SCHEDULED, "sample-etl-job")
                .withTrigger("after-ingest", TriggerType.CONDITIONAL, "sample-etl-job")
                .withTrigger("nightly-all", TriggerType.SCHEDULED, "sample-etl-job", "billing-etl")
                .withTrigger("by-hand", TriggerType.ON_DEMAND, "sample-etl-job");

        Decision decision = failureAlarm(PAUSE_CODE);

        assertThat(decision.outcome()).isEqualTo(Outcome.PAUSED_TRIGGER);
        assertThat(decision.reason())
                .isEqualTo("paused trigger nightly-sample-etl, after-ingest of sample-etl-job after 3"
                        + " failed runs in a row (code failure ('SyntaxError' in the run's error message)); the next"
                        + " successful run of sample-etl-job resumes it, or by hand: aws glue start-trigger --name"
                        + " nightly-sample-etl; left alone: nightly-all (also starts other jobs or crawlers),"
                        + " by-hand (ON_DEMAND, not a schedule or condition)");
        assertThat(glue.stateOf("nightly-sample-etl")).isEqualTo(TriggerState.DEACTIVATED);
        assertThat(glue.stateOf("after-ingest")).isEqualTo(TriggerState.DEACTIVATED);
        assertThat(glue.stateOf("nightly-all")).isEqualTo(TriggerState.ACTIVATED);
        assertThat(glue.starts).isEmpty();
        assertThat(ledger.incidents).containsOnlyKeys("sample-etl-job/run/jr_failed_0");
        assertThat(ledger.pauses).containsEntry("sample-etl-job", List.of("nightly-sample-etl", "after-ingest"));
        assertThat(log.onlyLine()).containsEntry("outcome", "paused-trigger").containsEntry("errorClass", "code");
    }

    @Test
    void fewerFailuresInARowOnlyPage() {
        failedRuns(2);
        glue.withRun("jr_good", JobRunState.SUCCEEDED, NOW.minusSeconds(6000), java.util.Map.of());
        glue.withFailedRun("jr_older", JobRunState.FAILED, NOW.minusSeconds(9000), 60, CODE_ERROR);
        glue.withTrigger("nightly-sample-etl", TriggerType.SCHEDULED, "sample-etl-job");

        Decision decision = failureAlarm(PAUSE_CODE);

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(decision.reason())
                .endsWith("; 2 of 3 failed runs in a row before the triggers of sample-etl-job are paused");
        assertThat(glue.stateOf("nightly-sample-etl")).isEqualTo(TriggerState.ACTIVATED);
        assertThat(ledger.incidents).isEmpty();
    }

    @Test
    void theNumberOfFailuresIsConfigurableAndAPauseHappensOncePerIncident() {
        failedRuns(2);
        glue.withTrigger("nightly-sample-etl", TriggerType.SCHEDULED, "sample-etl-job");
        String afterTwo = PAUSE_CODE.replace("\"routes\":{", "\"pauseAfterFailures\":2,\"routes\":{");
        AlarmResponder responder = responder(afterTwo);

        Decision first = responder.respond(Corpus.delivery("metric-alarm.json"));
        Decision again = responder.respond(Corpus.delivery("metric-alarm.json"));

        assertThat(first.outcome()).isEqualTo(Outcome.PAUSED_TRIGGER);
        assertThat(again.outcome()).isEqualTo(Outcome.SKIPPED_DUPLICATE);
    }

    @Test
    void aJobWithoutATriggerOfItsOwnIsOnlyPaged() {
        failedRuns(3);
        glue.withTrigger("nightly-all", TriggerType.SCHEDULED, "sample-etl-job", "billing-etl");

        Decision decision = failureAlarm(PAUSE_CODE);

        assertThat(decision.outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(decision.reason())
                .endsWith("3 failed runs in a row, but sample-etl-job has no trigger of its own to"
                        + " pause; left alone: nightly-all (also starts other jobs or crawlers)");
        assertThat(glue.stateOf("nightly-all")).isEqualTo(TriggerState.ACTIVATED);
    }

    @Test
    void aPausedJobIsNeverPausedTwiceAndItsPageSaysSo() {
        failedRuns(3);
        glue.withTrigger("nightly-sample-etl", TriggerType.SCHEDULED, "sample-etl-job");
        AlarmResponder responder = responder(PAUSE_CODE);
        assertThat(failureAlarm(PAUSE_CODE).outcome()).isEqualTo(Outcome.PAUSED_TRIGGER);
        // A person starts the trigger by hand, and the job fails again: a new incident, still within the pause.
        glue.startTrigger(request -> request.name("nightly-sample-etl"));
        glue.withFailedRun("jr_failed_again", JobRunState.FAILED, NOW.minusSeconds(60), 30, CODE_ERROR);

        Decision again = responder.respond(Corpus.delivery("metric-alarm.json"));

        assertThat(again.outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(again.reason())
                .endsWith("; 4 failed runs in a row, and the triggers of sample-etl-job are paused already (by an"
                        + " earlier failure): they stay paused until a run of sample-etl-job succeeds");
        assertThat(glue.stateOf("nightly-sample-etl")).isEqualTo(TriggerState.ACTIVATED);
        assertThat(PageText.response(again, again.failure().errorClass())).isEqualTo(again.reason());
    }

    @Test
    void theNextSuccessResumesExactlyTheTriggersThePauseStopped() {
        failedRuns(3);
        glue.withTrigger("nightly-sample-etl", TriggerType.SCHEDULED, "sample-etl-job")
                .withTrigger("after-ingest", TriggerType.CONDITIONAL, "sample-etl-job")
                .withTrigger("stopped-on-purpose", TriggerType.SCHEDULED, "sample-etl-job");
        glue.stopTrigger(request -> request.name("stopped-on-purpose"));
        AlarmResponder responder = responder(PAUSE_CODE);
        assertThat(responder.respond(Corpus.delivery("metric-alarm.json")).outcome())
                .isEqualTo(Outcome.PAUSED_TRIGGER);
        // A person resumes one trigger by hand before the job's next run succeeds.
        glue.startTrigger(request -> request.name("after-ingest"));

        Decision resumed = responder.respond(Corpus.delivery("glue-state-succeeded-raw.json"));

        assertThat(resumed.outcome()).isEqualTo(Outcome.RESUMED_TRIGGER);
        assertThat(resumed.reason())
                .isEqualTo("resumed trigger nightly-sample-etl of sample-etl-job after run jr_11aa22bb33cc"
                        + " succeeded; left alone: after-ingest (ACTIVATED already)");
        assertThat(glue.stateOf("nightly-sample-etl")).isEqualTo(TriggerState.ACTIVATED);
        assertThat(glue.stateOf("stopped-on-purpose")).isEqualTo(TriggerState.DEACTIVATED);
        assertThat(ledger.pauses).isEmpty();
        assertThat(log.lines.get(1)).containsEntry("outcome", "resumed-trigger");

        Decision secondSuccess = responder.respond(Corpus.delivery("glue-state-succeeded-raw.json"));

        assertThat(secondSuccess.outcome()).isEqualTo(Outcome.IGNORED_STATE);
        assertThat(secondSuccess.reason()).contains("no triggers of sample-etl-job paused by this function");
    }

    @Test
    void aSuccessWithRemediationOffResumesNothing() {
        ledger.recordPause("sample-etl-job", List.of("nightly-sample-etl"), NOW.plusSeconds(60));
        glue.withTrigger("nightly-sample-etl", TriggerType.SCHEDULED, "sample-etl-job");
        glue.stopTrigger(request -> request.name("nightly-sample-etl"));

        Decision decision = responder(PAUSE_CODE.replace("\"remediationEnabled\":true", "\"remediationEnabled\":false"))
                .respond(Corpus.delivery("glue-state-succeeded-raw.json"));

        assertThat(decision.outcome()).isEqualTo(Outcome.IGNORED_STATE);
        assertThat(glue.stateOf("nightly-sample-etl")).isEqualTo(TriggerState.DEACTIVATED);
        assertThat(ledger.pauses).containsKey("sample-etl-job");
    }

    @Test
    void pauseTriggerIsAnErrorClassActionNotARouteAction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResponseConfig.parse(
                        "{\"remediationEnabled\":true,\"restartBudget\":{\"maxRestarts\":2,\"windowMinutes\":60},"
                                + "\"routes\":{\"A\":{\"action\":\"pause-trigger\",\"jobName\":\"j\"}}}"))
                .hasMessageContaining("'routes.A.action'");
        assertThat(RouteAction.PAUSE_TRIGGER.startsJob()).isFalse();
        assertThat(ResponseConfig.parse(PAUSE_CODE).errorClassActions().pauseAfterFailures())
                .isEqualTo(ErrorClassActions.DEFAULT_PAUSE_AFTER);
    }
}
