package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class JsonLineDecisionLogTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final JsonLineDecisionLog log = new JsonLineDecisionLog(new PrintStream(out, true, StandardCharsets.UTF_8));

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void decisionIsOneJsonLineWithEveryAuditField() throws Exception {
        log.decided(new Decision("GlueJobFailureAlarm", "ALARM", "restart-job", "sample-etl-job", Outcome.STARTED,
                "started sample-etl-job\nsecond line", "jr_1"));

        assertThat(output()).endsWith(System.lineSeparator()).containsOnlyOnce("\n");
        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line).containsEntry("level", "INFO").containsEntry("event", "alarm-response")
                .containsEntry("alarm", "GlueJobFailureAlarm").containsEntry("state", "ALARM")
                .containsEntry("action", "restart-job").containsEntry("target", "sample-etl-job")
                .containsEntry("outcome", "started").containsEntry("reason", "started sample-etl-job\nsecond line")
                .containsEntry("jobRunId", "jr_1");
    }

    @Test
    void malformedDecisionKeepsTheSameFieldsWithNulls() throws Exception {
        log.decided(Decision.malformed("SNS message is not valid JSON"));

        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line).containsKeys("alarm", "state", "action", "target", "jobRunId")
                .containsEntry("outcome", "malformed");
    }

    @Test
    void awsFailureIsAnErrorLineOfItsOwnEvent() throws Exception {
        Notification notification = ((ParseResult.Parsed) NotificationParser.parse(
                Corpus.message("metric-alarm.json"))).notification();

        log.failed(notification, "sample-etl-job", SdkClientException.create("Connection refused"));

        Map<String, Object> line = JSON.std.mapFrom(output());
        assertThat(line).containsEntry("level", "ERROR").containsEntry("event", "alarm-response-error")
                .containsEntry("error", "SdkClientException");
        assertThat((String) line.get("reason")).contains("Connection refused");
    }

    @Test
    void auditQueryFiltersOnTheDecisionEventAndShowsTheOutcome() {
        assertThat(AuditQuery.TEXT).contains("filter event = \"" + JsonLineDecisionLog.EVENT + "\"")
                .contains("outcome").contains("sort @timestamp desc");
    }
}
