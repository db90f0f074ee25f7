package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputFreshnessCollectorTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final MetricsCollector JOB_METRICS =
            pipeline -> new PipelineMeasurement(Map.of(PipelineMetric.ERROR_RATE, 0.0), Map.of(), false);

    private static PipelineConfig pipeline(OutputLocation output) {
        return Pipelines.orders(output, null);
    }

    @Test
    void publishesTheOutputsAgeInSecondsBesideTheJobsMetrics() {
        var collector = new OutputFreshnessCollector(JOB_METRICS, output -> Optional.of(NOW.minusSeconds(5400)), CLOCK);

        PipelineMeasurement measurement =
                collector.collect(pipeline(new OutputLocation.GlueTable("curated", "orders")));

        assertThat(measurement.published())
                .containsEntry(PipelineMetric.OUTPUT_AGE_SECONDS, 5400.0)
                .containsEntry(PipelineMetric.ERROR_RATE, 0.0);
    }

    @Test
    void anUpdateStampedAheadOfTheClockIsAgeZeroNotNegative() {
        var collector = new OutputFreshnessCollector(JOB_METRICS, output -> Optional.of(NOW.plusSeconds(3)), CLOCK);

        assertThat(collector
                        .collect(pipeline(new OutputLocation.S3Prefix("lake", "orders/")))
                        .published())
                .containsEntry(PipelineMetric.OUTPUT_AGE_SECONDS, 0.0);
    }

    @Test
    void anEmptyOutputIsSkippedWithAReasonSoTheAlarmSeesNoData() {
        var collector = new OutputFreshnessCollector(JOB_METRICS, output -> Optional.empty(), CLOCK);

        PipelineMeasurement measurement = collector.collect(pipeline(new OutputLocation.S3Prefix("lake", "orders/")));

        assertThat(measurement.published()).doesNotContainKey(PipelineMetric.OUTPUT_AGE_SECONDS);
        assertThat(measurement.skipped().get(PipelineMetric.OUTPUT_AGE_SECONDS))
                .isEqualTo("s3://lake/orders/ has no partition, update or object yet");
    }

    @Test
    void anUnreadableOutputSkipsOnlyItsOwnMetric() {
        var collector = new OutputFreshnessCollector(
                JOB_METRICS,
                output -> {
                    throw new IllegalStateException("AccessDenied");
                },
                CLOCK);

        PipelineMeasurement measurement =
                collector.collect(pipeline(new OutputLocation.GlueTable("curated", "orders")));

        assertThat(measurement.published()).containsOnlyKeys(PipelineMetric.ERROR_RATE);
        assertThat(measurement.skipped().get(PipelineMetric.OUTPUT_AGE_SECONDS))
                .startsWith("reading Glue table curated.orders failed: ")
                .contains("AccessDenied");
    }

    @Test
    void aPipelineWithoutOutputIsMeasuredAsBefore() {
        var collector = new OutputFreshnessCollector(
                JOB_METRICS,
                output -> {
                    throw new AssertionError("no output to read");
                },
                CLOCK);

        assertThat(collector.collect(pipeline(null)).published()).containsOnlyKeys(PipelineMetric.ERROR_RATE);
    }

    @Test
    void theConfigurationNamesTheOutputAsATableOrAPrefixNeverBoth() {
        String start = "{\"lookbackMinutes\":60,\"intervalMinutes\":5,\"pipelines\":[{\"name\":\"o\",\"jobName\":\"o\","
                + "\"source\":\"glue\",";
        assertThat(MetricsConfig.parse(start + "\"outputGlueTable\":\"curated.orders\"}]}")
                        .pipelines()
                        .getFirst()
                        .output())
                .isEqualTo(new OutputLocation.GlueTable("curated", "orders"));
        assertThat(MetricsConfig.parse(start + "\"outputS3Prefix\":\"s3://lake/orders/daily/\"}]}")
                        .pipelines()
                        .getFirst()
                        .output())
                .isEqualTo(new OutputLocation.S3Prefix("lake", "orders/daily/"));
        assertThatThrownBy(() -> MetricsConfig.parse(start + "\"outputGlueTable\":\"orders\"}]}"))
                .hasMessageContaining("outputGlueTable")
                .hasMessageContaining("must be 'database.table', was 'orders'");
        assertThatThrownBy(() -> MetricsConfig.parse(
                        start + "\"outputGlueTable\":\"a.b\",\"outputS3Prefix\":\"s3://lake/x/\"}]}"))
                .hasMessageContaining("must not be set together with outputGlueTable");
    }
}
