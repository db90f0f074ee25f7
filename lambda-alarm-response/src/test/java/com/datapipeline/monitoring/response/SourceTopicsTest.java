package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceTopicsTest {

    private static final String ALERTS = "arn:aws:sns:us-east-1:123456789012:data-pipeline-alerts";
    private static final String OTHER = "arn:aws:sns:us-east-1:123456789012:other-alerts";

    @Test
    void commaSeparatedTopicsAreAllAllowed() {
        SourceTopics sources = SourceTopics.parse(ALERTS + " , " + OTHER + ",");

        assertThat(sources.topicArns()).containsExactlyInAnyOrder(ALERTS, OTHER);
        assertThat(sources.foreignTopic(ALERTS)).isEmpty();
        assertThat(sources.foreignTopic(OTHER)).isEmpty();
    }

    @Test
    void topicNotInTheListIsForeign() {
        assertThat(SourceTopics.parse(ALERTS).foreignTopic(OTHER))
                .get()
                .asString()
                .contains(OTHER)
                .contains("RESPONSE_SOURCE_TOPIC_ARNS");
        assertThat(SourceTopics.parse(ALERTS).foreignTopic(null)).isPresent();
    }

    @Test
    void entryThatIsNotAnSnsTopicArnIsRefusedByName() {
        assertThatThrownBy(() -> SourceTopics.parse(ALERTS + ",arn:aws:sqs:us-east-1:123456789012:queue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("RESPONSE_SOURCE_TOPIC_ARNS entry 'arn:aws:sqs:us-east-1:123456789012:queue' is not an SNS"
                        + " topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " , "})
    void noTopicAtAllIsRefused(String value) {
        assertThatThrownBy(() -> SourceTopics.parse(value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RESPONSE_SOURCE_TOPIC_ARNS names no topic");
    }

    @Test
    void alarmOfTheTopicsRegionAndAccountIsNotForeign() {
        assertThat(SourceTopics.foreignAlarm(ALERTS, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:A"))
                .isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "arn:aws:cloudwatch:us-east-1:999999999999:alarm:A",
                "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:A",
                "arn:aws:cloudwatch:us-east-1:123456789012:dashboard/A",
                "arn:aws:sns:us-east-1:123456789012:A",
                "GlueJobFailureAlarm"
            })
    void alarmElsewhereOrWithoutACloudWatchAlarmArnIsForeign(String alarmArn) {
        assertThat(SourceTopics.foreignAlarm(ALERTS, alarmArn)).get().asString().contains(String.valueOf(alarmArn));
    }
}
