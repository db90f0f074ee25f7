package com.datapipeline.monitoring.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CustomMetricTest {
    /** CloudWatch's StandardUnit values a count, a duration or a share can take (PutMetricData, EMF). */
    private static final Set<String> CLOUDWATCH_UNITS = Set.of(
            "Seconds",
            "Microseconds",
            "Milliseconds",
            "Bytes",
            "Kilobytes",
            "Megabytes",
            "Gigabytes",
            "Terabytes",
            "Bits",
            "Percent",
            "Count",
            "Count/Second",
            "None");

    @Test
    void everyMetricHasItsOwnNameAndAUnitCloudWatchKnows() {
        assertThat(Arrays.stream(CustomMetric.values()).map(CustomMetric::metricName))
                .doesNotHaveDuplicates();
        assertThat(CustomMetric.values())
                .allSatisfy(metric -> assertThat(CLOUDWATCH_UNITS).contains(metric.unit()));
    }

    @Test
    void scoresAndRatesArePercentsAndTimesAreSeconds() {
        // The app converts its thresholds into these units: a score of 90 % is 90, not 0.9; a latency of 3 min is 180.
        assertThat(CustomMetric.DATA_QUALITY_SCORE.unit()).isEqualTo("Percent");
        assertThat(CustomMetric.ERROR_RATE.unit()).isEqualTo("Percent");
        assertThat(CustomMetric.PROCESSING_LATENCY.unit()).isEqualTo("Seconds");
        assertThat(CustomMetric.SECONDS_SINCE_LAST_SUCCESS.unit()).isEqualTo("Seconds");
        assertThat(CustomMetric.RECORDS_PROCESSED.unit()).isEqualTo("Count");
    }

    @Test
    void aMetricIsFoundByItsCloudWatchName() {
        assertThat(CustomMetric.byName("ErrorRate")).contains(CustomMetric.ERROR_RATE);
        assertThat(CustomMetric.byName("errorRate")).isEmpty();
    }
}
