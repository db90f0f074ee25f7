package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArnTest {

    @Test
    void alarmArnSplitsIntoItsPartsAndKeepsTheResourceWhole() {
        assertThat(Arn.parse("arn:aws:cloudwatch:us-east-1:123456789012:alarm:Glue:Job"))
                .contains(new Arn("aws", "cloudwatch", "us-east-1", "123456789012", "alarm:Glue:Job"));
    }

    @Test
    void topicArnOfAnotherPartitionIsAnArn() {
        assertThat(Arn.parse("arn:aws-cn:sns:cn-north-1:123456789012:alerts"))
                .get()
                .extracting(Arn::partition, Arn::region)
                .containsExactly("aws-cn", "cn-north-1");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "arn:aws:sns:us-east-1:123456789012",
                "urn:aws:sns:us-east-1:1:t",
                "arn::sns:r:a:t",
                "arn:aws::r:a:t",
                "arn:aws:sns:us-east-1:123456789012:"
            })
    void textThatIsNotAnArnIsEmpty(String text) {
        assertThat(Arn.parse(text)).isEmpty();
    }

    @Test
    void sameRegionAndAccountComparesOnlyThose() {
        Arn topic = Arn.parse("arn:aws:sns:us-east-1:123456789012:alerts").orElseThrow();

        assertThat(Arn.parse("arn:aws:cloudwatch:us-east-1:123456789012:alarm:A")
                        .orElseThrow()
                        .sameRegionAndAccount(topic))
                .isTrue();
        assertThat(Arn.parse("arn:aws:cloudwatch:us-east-1:210987654321:alarm:A")
                        .orElseThrow()
                        .sameRegionAndAccount(topic))
                .isFalse();
        assertThat(Arn.parse("arn:aws:cloudwatch:us-west-2:123456789012:alarm:A")
                        .orElseThrow()
                        .sameRegionAndAccount(topic))
                .isFalse();
    }
}
