package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.DecisionLine;
import com.datapipeline.monitoring.contract.LogFields;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class JsonLineDecisionLogTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonLineDecisionLog log = new JsonLineDecisionLog(new PrintStream(out, true, StandardCharsets.UTF_8));

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static final Delivery DELIVERY = new Delivery(
            Corpus.TOPIC_ARN,
            "95df01b4-ee98-5cb9-9903-4c221d41eb5e",
            "{\"AlarmName\":\"GlueJobFailureAlarm\",\n\"NewStateValue\":\"ALARM\"}");

    @Test
    void decisionIsOneJsonLineWithEveryAuditField() throws Exception {
        log.decided(
                DELIVERY,
                new Decision(
                        "GlueJobFailureAlarm",
                        "ALARM",
                        "restart-job",
                        "sample-etl-job",
                        Outcome.STARTED,
                        "started sample-etl-job\nsecond line",
                        "jr_1",
                        "sample-etl-job/run/jr_0"));

        assertThat(output()).endsWith(System.lineSeparator()).containsOnlyOnce("\n");
        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line)
                .containsEntry("level", "INFO")
                .containsEntry("event", "alarm-response")
                .containsEntry("alarm", "GlueJobFailureAlarm")
                .containsEntry("state", "ALARM")
                .containsEntry("action", "restart-job")
                .containsEntry("target", "sample-etl-job")
                .containsEntry("outcome", "started")
                .containsEntry("reason", "started sample-etl-job\nsecond line")
                .containsEntry("jobRunId", "jr_1")
                .containsEntry("incident", "sample-etl-job/run/jr_0")
                .containsEntry("messageId", "95df01b4-ee98-5cb9-9903-4c221d41eb5e")
                .containsEntry("excerpt", "{\"AlarmName\":\"GlueJobFailureAlarm\", \"NewStateValue\":\"ALARM\"}");
    }

    @Test
    void malformedDecisionKeepsTheSameFieldsWithNulls() throws Exception {
        log.decided(DELIVERY, Decision.malformed("SNS message is not valid JSON"));

        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line)
                .containsKeys("alarm", "state", "action", "target", "jobRunId", "incident")
                .containsEntry("outcome", "malformed")
                .containsEntry("messageId", DELIVERY.messageId())
                .containsEntry("excerpt", DELIVERY.excerpt());
    }

    @Test
    void envelopeWithoutAMessageIsLoggedWithNullTraceFields() throws Exception {
        log.decided(Delivery.NONE, Decision.malformed("SNS record has no Sns object"));

        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line).containsEntry("messageId", null).containsEntry("excerpt", null);
    }

    @Test
    void awsFailureIsAnErrorLineOfItsOwnEvent() throws Exception {
        Notification notification =
                ((ParseResult.Parsed) NotificationParser.parse(Corpus.message("metric-alarm.json"))).notification();

        log.failed(DELIVERY, notification, "sample-etl-job", SdkClientException.create("Connection refused"));

        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line)
                .containsEntry("level", "ERROR")
                .containsEntry("event", "alarm-response-error")
                .containsEntry("error", "SdkClientException")
                .containsEntry("messageId", DELIVERY.messageId());
        assertThat((String) line.get("reason")).contains("Connection refused");
    }

    @Test
    void errorThatCouldNotGiveItsClaimsBackSaysSo() throws Exception {
        Notification notification =
                ((ParseResult.Parsed) NotificationParser.parse(Corpus.message("metric-alarm.json"))).notification();
        SdkClientException error = SdkClientException.create("Rate exceeded");
        error.addSuppressed(SdkClientException.create("ledger unreachable"));

        log.failed(DELIVERY, notification, "sample-etl-job", error);

        assertThat((String) JSON.std.mapFrom(output()).get("reason"))
                .startsWith("Rate exceeded; also SdkClientException: ledger unreachable; rethrown");
    }

    @Test
    void theAuditFieldsAreEveryFieldOfADecisionLineButItsLevelAndEventInOrder() throws Exception {
        log.decided(DELIVERY, Decision.malformed("SNS message is not valid JSON"));
        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line).containsEntry(LogFields.LEVEL, "INFO").containsEntry(LogFields.EVENT, DecisionLine.EVENT);
        line.keySet().removeAll(Set.of(LogFields.LEVEL, LogFields.EVENT));

        assertThat(List.copyOf(line.keySet())).isEqualTo(DecisionLine.AUDIT_FIELDS);
    }
}
