package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.ErrorClass;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.glue.model.JobRunState;

/**
 * The function as the pager of a one-alarm pipeline: a failed run's Glue event, its page alarm's ALARM and OK, and a
 * successful run, in the orders and repetitions they arrive in, give one page and one resolution on the page's topic.
 */
class PagerTest {

    /** The job FakeGlue knows, here as an added job whose page is one alarm. */
    static final String JOB = "sample-etl-job";

    static final String PAGE = "PipelineUnhealthyAlarm-sample-etl-job";
    static final String WARNING_PAGE = "PipelineDegradedAlarm-sample-etl-job";
    static final String CRITICAL_TOPIC = "data-pipeline-alerts-critical";
    static final String WARNING_TOPIC = "data-pipeline-alerts-warning";
    static final String RUN = PageTest.RUN;

    static final String CONFIG = Corpus.CONFIG_JSON.replace("\"routes\":{", """
                    "jobLogGroups":["/aws-glue/jobs/error","/aws-glue/jobs/output"],
                    "pipelines":{"sample-etl-job":{"pageAlarm":"PipelineUnhealthyAlarm-sample-etl-job",
                      "pageTopics":{"PipelineUnhealthyAlarm-sample-etl-job":"data-pipeline-alerts-critical",
                                    "PipelineDegradedAlarm-sample-etl-job":"data-pipeline-alerts-warning"},
                      "dashboard":"DataPipelineMonitoring"}},
                    "routes":{
                    """);

    /** A clock the test moves. */
    static final class MovingClock extends Clock {
        Instant now = PageTest.NOW;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** What was published, in order; fails the next publishes while {@link #failures} is above zero. */
    static final class RecordingPublisher implements PagePublisher {
        final List<String> topics = new ArrayList<>();
        final List<PageMessage> messages = new ArrayList<>();
        int failures;

        @Override
        public synchronized void publish(String topicName, PageMessage message) {
            if (failures > 0) {
                failures--;
                throw SdkClientException.create("SNS is unreachable");
            }
            topics.add(topicName);
            messages.add(message);
        }
    }

    final FakeGlue glue = new FakeGlue();
    final InMemoryIncidentLedger incidents = new InMemoryIncidentLedger();
    final InMemoryPageLedger pageLedger = new InMemoryPageLedger();
    final RecordingDecisionLog log = new RecordingDecisionLog();
    final RecordingPublisher published = new RecordingPublisher();
    final MovingClock clock = new MovingClock();

    {
        glue.startTime = PageTest.NOW;
    }

    AlarmResponder responder() {
        ResponseConfig config = ResponseConfig.parse(CONFIG);
        return new AlarmResponder(
                config,
                Corpus.SOURCES,
                new JobRemediator(
                        glue,
                        incidents,
                        clock,
                        config.restartBudget(),
                        config.errorClassActions(),
                        RootCauseReader.NONE),
                log,
                (alarm, text) -> {
                    throw new AssertionError("a one-alarm page is never set with SetAlarmState: " + alarm);
                },
                new ConsoleLinks("us-east-1"),
                new Pager(pageLedger, published, clock));
    }

    static Delivery failedRun() {
        return Corpus.deliveryOf(
                PageTest.failureEvent(PageTest.ERRORS.get(ErrorClass.CODE)).replace("sample-etl-job", JOB));
    }

    static Delivery succeededRun() {
        return Corpus.deliveryOf(Corpus.message("glue-state-succeeded-raw.json"));
    }

    /** The page alarm's notification: ALARM with the bit sum {@code value}, or OK after ALARM. */
    static Delivery pageAlarm(String alarm, String state, long value) {
        String reason = state.equals("ALARM")
                ? "Threshold Crossed: 1 out of the last 1 datapoints [" + value + ".0 (25/11/26 01:03:00)] was"
                        + " greater than or equal to the threshold (1.0)."
                : "Threshold Crossed: 1 out of the last 1 datapoints [0.0 (25/11/26 01:09:00)] was not greater than"
                        + " or equal to the threshold (1.0).";
        return Corpus.deliveryOf(Corpus.message("metric-math-alarm.json")
                .replace("DataQualityAlarm", alarm)
                .replace("\"NewStateValue\":\"ALARM\"", "\"NewStateValue\":\"" + state + "\"")
                .replace(
                        "\"OldStateValue\":\"OK\"",
                        "\"OldStateValue\":\"" + (state.equals("ALARM") ? "OK" : "ALARM") + "\"")
                .replaceAll("\"NewStateReason\":\"[^\"]*\"", "\"NewStateReason\":\"" + reason + "\""));
    }

    void withTheFailedRun() {
        glue.withFailedRun(RUN, JobRunState.FAILED, PageTest.STARTED, 540, PageTest.ERRORS.get(ErrorClass.CODE));
    }

    @Test
    void aFailedRunsEventPagesAtOnceWithTheRootCauseAndTheAlarmThatFollowsPagesNothing() {
        withTheFailedRun();
        AlarmResponder responder = responder();

        Decision event = responder.respond(failedRun());
        Decision alarm = responder.respond(pageAlarm(PAGE, "ALARM", BreachBit.RUN_FAILED.value()));

        assertThat(published.topics).containsExactly(CRITICAL_TOPIC);
        PageMessage page = published.messages.getFirst();
        assertThat(page.subject()).isEqualTo("ALARM: Pipeline sample-etl-job: run FAILED (code)");
        assertThat(page.body())
                .startsWith("Pipeline sample-etl-job: Glue job run " + RUN + " FAILED (attempt 0)\n"
                        + "Started 2026-11-25 01:00:00 UTC, ran 9 min 0 s\nError class: code")
                .contains("\nResponse: not restarted: ")
                .contains("\nRunbook: docs/runbook.md#error-class-code\n")
                .contains(
                        "\nRun: https://console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/sample-etl-job/run/"
                                + RUN)
                .contains("\nLogs: https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:")
                .contains("\nDashboard: https://console.aws.amazon.com/cloudwatch/home?region=us-east-1#dashboards:")
                .endsWith("\nPage: " + PAGE + " (one page per incident; one resolution follows when it returns to OK)");
        assertThat(event.page().delivery().status()).isEqualTo(PageDelivery.Status.PAGED);
        assertThat(alarm.outcome()).isEqualTo(Outcome.PAGE_SIGNAL);
        assertThat(alarm.page().delivery().status()).isEqualTo(PageDelivery.Status.ALREADY_OPEN);
        assertThat(pageLedger.pages.get(PAGE).confirmed()).isTrue();
        // One count of the run, in the guard's namespace without a dimension, at the Glue event's time (so that it
        // falls
        // in the period of the event history's count of the same run, not in the function's).
        assertThat(log.runFailuresPaged)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .containsEntry("RunFailuresPaged", 1)
                        .containsEntry(
                                "_aws",
                                Map.of(
                                        "Timestamp",
                                        java.time.Instant.parse("2026-11-25T01:02:03Z")
                                                .toEpochMilli(),
                                        "CloudWatchMetrics",
                                        List.of(Map.of(
                                                "Namespace",
                                                "DataPipelineMetrics",
                                                "Dimensions",
                                                List.of(List.of()),
                                                "Metrics",
                                                List.of(Map.of("Name", "RunFailuresPaged", "Unit", "Count")))))));
    }

    @Test
    void thePageAlarmsReturnToOkSendsTheOneResolution() {
        withTheFailedRun();
        AlarmResponder responder = responder();
        responder.respond(failedRun());
        responder.respond(pageAlarm(PAGE, "ALARM", BreachBit.RUN_FAILED.value()));

        Decision ok = responder.respond(pageAlarm(PAGE, "OK", 0));
        Decision again = responder.respond(pageAlarm(PAGE, "OK", 0));

        assertThat(published.topics).containsExactly(CRITICAL_TOPIC, CRITICAL_TOPIC);
        assertThat(published.messages.get(1).subject()).isEqualTo("OK: Pipeline sample-etl-job recovered");
        assertThat(published.messages.get(1).body())
                .isEqualTo("Pipeline sample-etl-job: resolved, its page alarm returned to OK.\nPage: " + PAGE
                        + " (this is its one resolution).");
        assertThat(ok.page().delivery().status()).isEqualTo(PageDelivery.Status.RESOLVED);
        assertThat(again.page().delivery().status()).isEqualTo(PageDelivery.Status.NOTHING_OPEN);
        assertThat(pageLedger.pages).isEmpty();
    }

    @Test
    void repeatedDeliveriesOfTheEventPageOnce() {
        withTheFailedRun();
        AlarmResponder responder = responder();

        responder.respond(failedRun());
        responder.respond(failedRun());
        responder.respond(failedRun());

        assertThat(published.messages).hasSize(1);
        assertThat(log.decisions)
                .extracting(decision -> decision.page().delivery().status())
                .containsExactly(
                        PageDelivery.Status.PAGED, PageDelivery.Status.ALREADY_OPEN, PageDelivery.Status.ALREADY_OPEN);
    }

    @Test
    void anAlarmFirstPageNamesTheFiredModesAndTheNewestFailedRun() {
        withTheFailedRun();
        AlarmResponder responder = responder();

        responder.respond(pageAlarm(PAGE, "ALARM", BreachBit.RUN_FAILED.value() + BreachBit.HEAP.value()));
        Decision event = responder.respond(failedRun());

        assertThat(published.messages).hasSize(1);
        PageMessage page = published.messages.getFirst();
        assertThat(page.subject()).isEqualTo("ALARM: Pipeline sample-etl-job: run failed, heap");
        assertThat(page.body())
                .startsWith("Pipeline sample-etl-job: run failed, heap (" + PAGE + " is in ALARM)\n"
                        + "Value 2304 = 256 run failed + 2048 heap\n"
                        + "Pipeline sample-etl-job: Glue job run " + RUN + " FAILED (attempt 0)\n")
                .contains("\nError class: code")
                .contains("\nResponse: this page came from the page alarm; the run's own Glue event decides")
                .contains("\nReason: Threshold Crossed: 1 out of the last 1 datapoints [2304.0 ");
        assertThat(event.page().delivery().status()).isEqualTo(PageDelivery.Status.ALREADY_OPEN);
        assertThat(log.runFailuresPaged)
                .as("the event found its run's page open")
                .hasSize(1);
    }

    @Test
    void eachSeverityHasItsOwnPageOnItsOwnTopic() {
        AlarmResponder responder = responder();

        responder.respond(pageAlarm(WARNING_PAGE, "ALARM", BreachBit.DURATION.value()));
        responder.respond(pageAlarm(PAGE, "ALARM", BreachBit.FAILED_TASKS.value()));
        responder.respond(pageAlarm(WARNING_PAGE, "OK", 0));

        assertThat(published.topics).containsExactly(WARNING_TOPIC, CRITICAL_TOPIC, WARNING_TOPIC);
        assertThat(published.messages.get(0).body())
                .startsWith(
                        "Pipeline sample-etl-job: duration (" + WARNING_PAGE + " is in ALARM)\nValue 1 = 1 duration\n")
                .contains("\nRunbook: docs/runbook.md\n")
                .contains("\nDashboard: https://");
        assertThat(pageLedger.pages).containsOnlyKeys(PAGE);
    }

    @Test
    void aSuccessResolvesAnEventsPageThatNoAlarmConfirmedOnceTheAlarmCouldHaveFired() {
        withTheFailedRun();
        AlarmResponder responder = responder();
        responder.respond(failedRun());

        Decision tooSoon = responder.respond(succeededRun());
        clock.now = clock.now.plus(Pager.SUCCESS_RESOLVES_AFTER);
        Decision resolved = responder.respond(succeededRun());
        Decision lateAlarmOk = responder.respond(pageAlarm(PAGE, "OK", 0));

        assertThat(tooSoon.page().delivery().status()).isEqualTo(PageDelivery.Status.NOTHING_OPEN);
        assertThat(resolved.page().delivery().status()).isEqualTo(PageDelivery.Status.RESOLVED);
        assertThat(resolved.outcome()).isEqualTo(Outcome.IGNORED_STATE);
        assertThat(lateAlarmOk.page().delivery().status()).isEqualTo(PageDelivery.Status.NOTHING_OPEN);
        assertThat(published.messages).hasSize(2);
        assertThat(published.messages.get(1).body())
                .startsWith("Pipeline sample-etl-job: resolved, run jr_11aa22bb33cc of sample-etl-job succeeded.");
    }

    @Test
    void aSuccessLeavesAPageItsAlarmHoldsToTheAlarmsOk() {
        withTheFailedRun();
        AlarmResponder responder = responder();
        responder.respond(failedRun());
        responder.respond(pageAlarm(PAGE, "ALARM", BreachBit.RUN_FAILED.value()));
        clock.now = clock.now.plus(Duration.ofHours(2));

        Decision success = responder.respond(succeededRun());

        assertThat(success.page().delivery().status()).isEqualTo(PageDelivery.Status.NOTHING_OPEN);
        assertThat(published.messages).hasSize(1);
        assertThat(pageLedger.pages).containsKey(PAGE);
    }

    @Test
    void anUnconfirmedPageExpiresSoTheNextFailurePagesAgain() {
        withTheFailedRun();
        AlarmResponder responder = responder();
        responder.respond(failedRun());
        clock.now = clock.now.plus(Pager.UNCONFIRMED_LIFETIME).plusSeconds(1);

        responder.respond(failedRun());

        assertThat(published.messages).hasSize(2);
    }

    @Test
    void aPageThatCouldNotBePublishedIsGivenBackSoLambdasRetryPages() {
        withTheFailedRun();
        AlarmResponder responder = responder();
        published.failures = 1;

        assertThatThrownBy(() -> responder.respond(failedRun())).isInstanceOf(SdkClientException.class);
        assertThat(pageLedger.pages).isEmpty();
        assertThat(log.runFailuresPaged).isEmpty();
        Decision retry = responder.respond(failedRun());

        assertThat(retry.page().delivery().status()).isEqualTo(PageDelivery.Status.PAGED);
        assertThat(published.messages).hasSize(1);
        assertThat(log.runFailuresPaged).hasSize(1);
    }

    @Test
    void aResolutionThatCouldNotBePublishedKeepsThePageOpenForTheRetry() {
        AlarmResponder responder = responder();
        responder.respond(pageAlarm(PAGE, "ALARM", BreachBit.HEAP.value()));
        published.failures = 1;

        assertThatThrownBy(() -> responder.respond(pageAlarm(PAGE, "OK", 0))).isInstanceOf(SdkClientException.class);
        Decision retry = responder.respond(pageAlarm(PAGE, "OK", 0));

        assertThat(retry.page().delivery().status()).isEqualTo(PageDelivery.Status.RESOLVED);
        assertThat(published.messages).hasSize(2);
    }

    @Test
    void aDrillOfThePageAlarmPagesNobody() {
        AlarmResponder responder = responder();

        Decision drill = responder.respond(Corpus.deliveryOf(
                Corpus.message("drill.json").replaceAll("\"AlarmName\":\"[^\"]*\"", "\"AlarmName\":\"" + PAGE + "\"")));

        assertThat(drill.outcome()).isEqualTo(Outcome.DRILL);
        assertThat(published.messages).isEmpty();
    }

    @Test
    void theBitSumInTheReasonNamesTheModesByBreachBit() {
        assertThat(PagerMessages.breachValue(
                        "Threshold Crossed: 1 datapoint [2304.0 (30/11/26 03:00:00)] was greater than or equal to"))
                .hasValue(2304);
        assertThat(PagerMessages.firedModes("... [1.0E3 (30/11/26 03:00:00)] ..."))
                .containsExactly(
                        BreachBit.ERROR_RATE,
                        BreachBit.DATA_QUALITY,
                        BreachBit.LOW_THROUGHPUT,
                        BreachBit.COLLECTION_FAILED,
                        BreachBit.RUN_FAILED,
                        BreachBit.STUCK_RUN_EVENT);
        assertThat(PagerMessages.firedModes("no datapoints were received")).isEmpty();
        assertThat(PagerMessages.aboutARun(List.of(BreachBit.HEAP))).isFalse();
        assertThat(PagerMessages.aboutARun(List.of(BreachBit.STUCK_RUN_EVENT))).isTrue();
    }

    @Test
    void aSubjectIsOnePrintableLineUnderSnsLimitAndABodyIsBounded() {
        PageMessage message = new PageMessage("ALARM: Pipeline jöb\n" + "x".repeat(200), "y".repeat(10_000));

        assertThat(message.subject())
                .hasSize(PageMessage.SUBJECT_LIMIT)
                .startsWith("ALARM: Pipeline j?b x")
                .endsWith("...")
                .matches("[\\x20-\\x7e]+");
        assertThat(message.body()).hasSize(PageMessage.BODY_LIMIT);
    }

    @Test
    void emailGetsThePlainTextAndChatACustomNotificationOfTheSamePage() {
        PageMessage message = new PageMessage("ALARM: Pipeline job: run failed", "line one\nline \"two\"");

        Map<String, Object> perProtocol = JsonObjectReader.read(message.snsMessage());
        assertThat(perProtocol).containsEntry("email", "line one\nline \"two\"");
        assertThat(JsonObjectReader.read((String) perProtocol.get("default")))
                .containsEntry("version", "1.0")
                .containsEntry("source", "custom")
                .containsEntry(
                        "content",
                        Map.of("title", "ALARM: Pipeline job: run failed", "description", "line one\nline \"two\""));
    }

    /** Reads a JSON object as the tests need it. */
    static final class JsonObjectReader {
        @SuppressWarnings("unchecked")
        static Map<String, Object> read(String json) {
            try {
                return com.fasterxml.jackson.jr.ob.JSON.std.mapFrom(json);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void aPipelinesPageTopicsMustNameItsRunPage() {
        assertThatThrownBy(() -> ResponseConfig.parse(
                        CONFIG.replace("\"pageAlarm\":\"PipelineUnhealthyAlarm-sample-etl-job\",", "")))
                .hasMessageContaining("pageTopics")
                .hasMessageContaining("must name the pipeline's pageAlarm too");
    }

    @Test
    void pageTopicsAreFoundByTheLastPartOfTheirArns() {
        assertThat(
                        SnsPagePublisher.topicsByName(
                                "arn:aws:sns:us-east-1:123456789012:data-pipeline-alerts, arn:aws:sns:us-east-1:123456789012:x-warning"))
                .isEqualTo(Map.of(
                        "data-pipeline-alerts", "arn:aws:sns:us-east-1:123456789012:data-pipeline-alerts",
                        "x-warning", "arn:aws:sns:us-east-1:123456789012:x-warning"));
        assertThat(SnsPagePublisher.topicsByName(" ")).isEmpty();
    }
}
