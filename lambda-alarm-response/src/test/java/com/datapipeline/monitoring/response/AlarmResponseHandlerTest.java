package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.JobRunState;

class AlarmResponseHandlerTest {

    private static final Instant NOW = Instant.parse("2026-11-25T01:10:00Z");

    private final FakeGlue glue = new FakeGlue();
    private final RecordingDecisionLog log = new RecordingDecisionLog();
    private final AlarmResponseHandler handler = new AlarmResponseHandler(Corpus.responder(
            Corpus.CONFIG_JSON, glue, new InMemoryIncidentLedger(), Clock.fixed(NOW, ZoneOffset.UTC), log));

    @Test
    void snsEventWithAnAlarmNotificationRestartsTheJob() {
        glue.withRun("jr_failed", JobRunState.FAILED, NOW.minusSeconds(300), Map.of());

        handler.handleRequest(Corpus.snsEvent("metric-alarm-event.json"), null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.STARTED);
        assertThat(log.onlyLine()).containsEntry("messageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e");
        assertThat((String) log.onlyLine().get("excerpt")).startsWith("{\"AlarmName\":\"GlueJobFailureAlarm\"");
        assertThat(glue.starts).hasSize(1);
    }

    @Test
    void snsEventWithEmptyRecordsIsMalformed() {
        handler.handleRequest(Corpus.snsEvent("empty-records.json"), null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(log.only().reason()).contains("no Records");
    }

    @Test
    void missingEventIsMalformed() {
        handler.handleRequest(null, null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void recordWithoutSnsObjectIsMalformed() {
        handler.handleRequest(new SNSEvent().withRecords(List.of(new SNSEvent.SNSRecord())), null);

        assertThat(log.only().reason()).contains("no Sns object");
        assertThat(log.onlyLine()).containsEntry("messageId", null);
    }

    @Test
    void oversizeMessageInAnSnsEventIsMalformedAndReturnsNormally() {
        char[] filler = new char[NotificationParser.MAX_MESSAGE_BYTES + 1];
        Arrays.fill(filler, ' ');

        handler.handleRequest(
                Corpus.snsEventWith(Corpus.deliveryOf("{\"AlarmName\":\"GlueJobFailureAlarm\"}" + new String(filler))),
                null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(log.onlyLine().get("messageId")).isNotNull();
        assertThat((String) log.onlyLine().get("excerpt")).hasSize(Delivery.EXCERPT_LENGTH);
        assertThat(glue.reads).isEmpty();
    }

    @Test
    void containerWithoutResponseConfigFailsAtStartNamingTheVariable() {
        assumeTrue(
                System.getenv(MonitoringFunction.ALARM_RESPONSE.configVariable()) == null,
                "RESPONSE_CONFIG is set in this JVM");

        assertThatThrownBy(AlarmResponseHandler::new)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RESPONSE_CONFIG");
    }
}
