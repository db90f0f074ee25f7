package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the parser: whatever arrives in an SNS message, it must return a result, never throw. Surefire sets
 * JAZZER_FUZZ=1 so `mvn verify` really fuzzes for maxDuration; without it this replays the seeds in
 * NotificationParserFuzzTestInputs/ only.
 */
class NotificationParserFuzzTest {

    @FuzzTest(maxDuration = "20s")
    @DictionaryEntries({
        "\"AlarmName\"",
        "\"NewStateValue\"",
        "\"StateChangeTime\"",
        "\"NewStateReason\"",
        "\"Trigger\"",
        "\"Metrics\"",
        "\"Dimensions\"",
        "\"AlarmRule\"",
        "\"TriggeringChildren\"",
        "\"ALARM\"",
        "\"OK\"",
        "\"source\"",
        "\"aws.glue\"",
        "\"detailType\"",
        "\"detail-type\"",
        "\"detail\"",
        "\"Glue Job State Change\"",
        "\"jobName\"",
        "\"jobRunId\"",
        "\"state\"",
        "\"FAILED\"",
        "[monitoring-drill]"
    })
    void parserReturnsAResultForAnyMessage(FuzzedDataProvider data) {
        String message = data.consumeRemainingAsString();

        ParseResult result = NotificationParser.parse(message);

        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Malformed malformed) {
            assertThat(malformed.reason()).isNotBlank();
        } else if (result instanceof ParseResult.Parsed parsed) {
            Notification notification = parsed.notification();
            assertThat(notification.routeKey()).isNotBlank();
            assertThat(notification.state()).isNotBlank();
            assertThat(notification.incident().id()).isNotBlank();
        }
    }
}
