package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.response.AlarmNotification.CompositeTrigger;
import com.datapipeline.monitoring.response.AlarmNotification.MetricMathTrigger;
import com.datapipeline.monitoring.response.AlarmNotification.MetricTrigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotificationParserTest {

    private static Notification parsed(String message) {
        ParseResult result = NotificationParser.parse(message);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).notification();
    }

    private static String malformedReason(String message) {
        ParseResult result = NotificationParser.parse(message);
        assertThat(result).isInstanceOf(ParseResult.Malformed.class);
        return ((ParseResult.Malformed) result).reason();
    }

    @Test
    void metricAlarmIsReadWithItsTriggerDimensions() {
        AlarmNotification alarm = (AlarmNotification) parsed(Corpus.message("metric-alarm.json"));

        assertThat(alarm.alarmName()).isEqualTo("GlueJobFailureAlarm");
        assertThat(alarm.newState()).isEqualTo(AlarmState.ALARM);
        assertThat(alarm.oldState()).isEqualTo("OK");
        assertThat(alarm.stateChangeTime()).isEqualTo("2026-11-25T01:02:03.536+0000");
        assertThat(alarm.isAlarm()).isTrue();
        assertThat(alarm.isDrill()).isFalse();
        assertThat(alarm.trigger()).isInstanceOfSatisfying(MetricTrigger.class, trigger -> {
            assertThat(trigger.metricName()).isEqualTo("glue.driver.aggregate.numFailedTasks");
            assertThat(trigger.namespace()).isEqualTo("Glue");
            assertThat(trigger.statistic()).isEqualTo("SUM");
            assertThat(trigger.threshold()).isEqualTo(1.0);
            assertThat(trigger.dimensions())
                    .containsEntry("JobName", "sample-etl-job")
                    .containsEntry("Type", "count");
        });
    }

    @Test
    void metricMathAlarmIsReadFromTriggerMetrics() {
        AlarmNotification alarm = (AlarmNotification) parsed(Corpus.message("metric-math-alarm.json"));

        assertThat(alarm.alarmName()).isEqualTo("DataQualityAlarm");
        assertThat(alarm.trigger()).isInstanceOfSatisfying(MetricMathTrigger.class, trigger -> {
            assertThat(trigger.metrics()).hasSize(3);
            assertThat(trigger.metrics().get(0).expression()).isEqualTo("100 * invalid / MAX([invalid, total])");
            assertThat(trigger.metrics().get(0).returnData()).isTrue();
            assertThat(trigger.metrics().get(1).metricName()).isEqualTo("InvalidRecords");
            assertThat(trigger.metrics().get(1).namespace()).isEqualTo("DataPipeline/Quality");
            assertThat(trigger.threshold()).isEqualTo(5.0);
        });
    }

    @Test
    void compositeAlarmIsReadFromAlarmRuleAndTriggeringChildren() {
        AlarmNotification alarm = (AlarmNotification) parsed(Corpus.message("composite-alarm.json"));

        assertThat(alarm.routeKey()).isEqualTo("PipelineHealthComposite");
        assertThat(alarm.trigger()).isInstanceOfSatisfying(CompositeTrigger.class, trigger -> {
            assertThat(trigger.alarmRule()).isEqualTo("ALARM(\"GlueJobFailureAlarm\") AND ALARM(\"DataQualityAlarm\")");
            assertThat(trigger.triggeringChildren())
                    .extracting(AlarmNotification.TriggeringChild::state)
                    .containsExactly("ALARM", "ALARM");
            assertThat(trigger.triggeringChildren().get(0).arn()).endsWith(":alarm:GlueJobFailureAlarm");
        });
    }

    @ParameterizedTest
    @CsvSource({"ok.json, OK", "insufficient-data.json, INSUFFICIENT_DATA"})
    void nonAlarmStatesAreParsedButAreNotAlarms(String file, String state) {
        Notification notification = parsed(Corpus.message(file));

        assertThat(notification.state()).isEqualTo(state);
        assertThat(notification.isAlarm()).isFalse();
    }

    @Test
    void transformedGlueStateChangeRoutesByJobName() {
        GlueJobStateNotification event =
                (GlueJobStateNotification) parsed(Corpus.message("glue-state-transformed.json"));

        assertThat(event.jobName()).isEqualTo("sample-etl-job");
        assertThat(event.jobRunId()).isEqualTo("jr_0a1b2c3d4e5f");
        assertThat(event.state()).isEqualTo("FAILED");
        assertThat(event.isAlarm()).isTrue();
        assertThat(event.routeKey()).isEqualTo("glue-job-state:sample-etl-job");
        assertThat(event.incident()).isEqualTo(new Incident("sample-etl-job/run/jr_0a1b2c3d4e5f"));
    }

    @Test
    void rawGlueStateChangeEventIsReadFromDetail() {
        GlueJobStateNotification event = (GlueJobStateNotification) parsed(Corpus.message("glue-state-raw.json"));

        assertThat(event.jobName()).isEqualTo("sample-etl-job");
        assertThat(event.jobRunId()).isEqualTo("jr_9f8e7d6c5b4a");
        assertThat(event.state()).isEqualTo("TIMEOUT");
        assertThat(event.isAlarm()).isTrue();
        assertThat(event.time()).isEqualTo("2026-11-25T01:02:03Z");
    }

    @Test
    void succeededGlueRunIsNotAnAlarm() {
        assertThat(parsed(Corpus.message("glue-state-succeeded-raw.json")).isAlarm())
                .isFalse();
    }

    @Test
    void drillMarkerInNewStateReasonMarksADrill() {
        assertThat(parsed(Corpus.message("drill.json")).isDrill()).isTrue();
    }

    @Test
    void alarmIncidentIsItsTransition() {
        Incident first = parsed(Corpus.message("metric-alarm.json")).incident();
        Incident later = parsed(Corpus.message(
                        "metric-alarm.json", "2026-11-25T01:02:03.536+0000", "2026-11-25T07:00:00.000+0000"))
                .incident();

        assertThat(first.id()).isEqualTo("GlueJobFailureAlarm/transition/2026-11-25T01:02:03.536+0000");
        assertThat(later).isNotEqualTo(first);
    }

    @Test
    void textThatIsNotJsonIsMalformed() {
        assertThat(malformedReason(Corpus.message("not-json.txt"))).contains("not valid JSON");
    }

    @Test
    void alarmWithoutAlarmNameIsMalformed() {
        assertThat(malformedReason(Corpus.message("missing-alarm-name.json"))).contains("no AlarmName");
    }

    @Test
    void alarmWithoutStateChangeTimeIsMalformedNamingTheField() {
        assertThat(malformedReason(Corpus.message("missing-state-change-time.json")))
                .contains("'StateChangeTime'");
    }

    @Test
    void messageFromAnotherPublisherIsMalformed() {
        assertThat(malformedReason(Corpus.message("non-alarm-message.json")))
                .contains("neither a CloudWatch alarm notification");
    }

    @Test
    void messageOver256KilobytesIsMalformedWithoutBeingParsed() {
        String padding = "x".repeat(NotificationParser.MAX_MESSAGE_BYTES);
        String oversize =
                Corpus.message("metric-alarm.json").replace("Glue job sample-etl-job has failed tasks", padding);

        assertThat(malformedReason(oversize)).contains("larger than 262144 bytes");
    }

    @Test
    void multiByteMessageJustOverTheLimitInBytesIsMalformed() {
        // 100,000 three-byte characters: under the limit in chars, over it in UTF-8 bytes.
        String oversize = "{\"AlarmName\":\"" + "€".repeat(100_000) + "\"}";

        assertThat(malformedReason(oversize)).contains("larger than");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "[]",
                "42",
                "null",
                "\"ALARM\"",
                "{\"AlarmName\":",
                "{} {}",
                "{\"AlarmName\":\"a\",\"AlarmName\":\"b\",\"NewStateValue\":\"ALARM\",\"StateChangeTime\":\"t\",\"AlarmRule\":\"r\"}"
            })
    void structurallyBrokenMessagesAreMalformed(String message) {
        assertThat(malformedReason(message)).isNotBlank();
    }

    @Test
    void nullMessageIsMalformed() {
        assertThat(malformedReason(null)).contains("empty");
    }

    @Test
    void alarmNameOfTheWrongTypeIsMalformedNamingTheField() {
        assertThat(malformedReason("{\"AlarmName\":42,\"NewStateValue\":\"ALARM\"}"))
                .contains("'AlarmName'");
    }

    @Test
    void unknownNewStateValueIsMalformed() {
        assertThat(malformedReason(Corpus.message(
                        "metric-alarm.json", "\"NewStateValue\":\"ALARM\"", "\"NewStateValue\":\"PANIC\"")))
                .contains("PANIC");
    }

    @Test
    void glueEventOfAnotherDetailTypeIsMalformed() {
        assertThat(malformedReason(
                        Corpus.message("glue-state-raw.json", "Glue Job State Change", "Glue Catalog State Change")))
                .contains("Glue Catalog State Change");
    }

    @Test
    void stuckRunNoticeIsParsedAndIsNotAnAlarm() {
        GlueJobStateNotification notice =
                (GlueJobStateNotification) parsed(Corpus.message("glue-run-status-transformed.json"));

        assertThat(notice.state()).isEqualTo("RUNNING");
        assertThat(notice.isAlarm()).isFalse();
        assertThat(notice.routeKey()).isEqualTo("glue-job-state:sample-etl-job");
    }

    @Test
    void glueEventWithoutJobRunIdIsMalformed() {
        assertThat(malformedReason(Corpus.message("glue-state-transformed.json", "\"jobRunId\"", "\"runId\"")))
                .contains("'jobRunId'");
    }

    @Test
    void deeplyNestedJsonIsMalformedRatherThanAStackOverflow() {
        String deep = "{\"AlarmName\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertThat(malformedReason(deep)).isNotBlank();
    }
}
