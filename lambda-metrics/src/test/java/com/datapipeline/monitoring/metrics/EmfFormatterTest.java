package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfFormatterTest {

    private static final Instant AT = Instant.parse("2026-06-01T12:00:00.123Z");
    private final EmfFormatter formatter = new EmfFormatter(CustomMetric.NAMESPACE);

    private static PipelineMeasurement allMetrics() {
        PipelineMeasurement.Builder builder = new PipelineMeasurement.Builder();
        builder.publish(PipelineMetric.DATA_QUALITY_SCORE, 97.5)
                .publish(PipelineMetric.ERROR_RATE, 0)
                .publish(PipelineMetric.PROCESSING_LATENCY, 123)
                .publish(PipelineMetric.RECORDS_PROCESSED, 5000)
                .publish(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 61.25)
                .publish(PipelineMetric.LONGEST_RUNNING_SECONDS, 0);
        return builder.build(false);
    }

    @Test
    void lineWithEveryMetricIsValidEmfWithPipelineDimensionAndUnits() {
        String line = formatter.format("orders", allMetrics(), AT);
        JsonNode root = EmfLines.assertValid(line);

        assertThat(line).doesNotContain("\n");
        assertThat(root.at("/_aws/Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        JsonNode directive = root.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.path("Namespace").asText()).isEqualTo("DataPipelineMetrics");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Pipeline\"]]");
        assertThat(root.path("Pipeline").asText()).isEqualTo("orders");
        Map<String, String> units = new java.util.HashMap<>();
        directive
                .path("Metrics")
                .forEach(m -> units.put(m.path("Name").asText(), m.path("Unit").asText()));
        assertThat(units)
                .containsOnly(
                        Map.entry("DataQualityScore", "Percent"),
                        Map.entry("ErrorRate", "Percent"),
                        Map.entry("ProcessingLatency", "Seconds"),
                        Map.entry("RecordsProcessed", "Count"),
                        Map.entry("SecondsSinceLastSuccess", "Seconds"),
                        Map.entry("LongestRunningSeconds", "Seconds"),
                        Map.entry("CollectionErrors", "Count"));
        assertThat(root.path("CollectionErrors").isIntegralNumber()).isTrue();
        assertThat(root.path("CollectionErrors").asLong()).isZero();
        assertThat(root.path("DataQualityScore").asDouble()).isEqualTo(97.5);
        assertThat(root.path("RecordsProcessed").isIntegralNumber()).isTrue();
        assertThat(root.path("RecordsProcessed").asLong()).isEqualTo(5000);
        assertThat(root.path("SecondsSinceLastSuccess").asDouble()).isEqualTo(61.25);
        assertThat(root.has("Simulated")).isFalse();
    }

    @Test
    void omitsMetricsThatHaveNoValue() {
        PipelineMeasurement measurement = new PipelineMeasurement.Builder()
                .publish(PipelineMetric.LONGEST_RUNNING_SECONDS, 0)
                .skip(PipelineMetric.ERROR_RATE, "no run finished")
                .build(false);
        JsonNode root = EmfLines.assertValid(formatter.format("orders", measurement, AT));

        assertThat(root.at("/_aws/CloudWatchMetrics/0/Metrics"))
                .extracting(m -> m.path("Name").asText())
                .containsExactly("LongestRunningSeconds", "CollectionErrors");
        assertThat(root.has("ErrorRate")).isFalse();
    }

    @Test
    void writesACollectionErrorsZeroLineWhenNothingElseHasAValue() {
        PipelineMeasurement nothing = new PipelineMeasurement.Builder()
                .skip(PipelineMetric.ERROR_RATE, "no run finished")
                .build(false);
        JsonNode root = EmfLines.assertValid(formatter.format("orders", nothing, AT));

        assertThat(EmfLines.metricValues(root)).containsExactly(Map.entry("CollectionErrors", 0.0));
    }

    @Test
    void collectionErrorLineCarriesCollectionErrorsOneAndNoOtherMetric() {
        JsonNode root = EmfLines.assertValid(formatter.formatCollectionError("orders", AT));

        assertThat(root.path("Pipeline").asText()).isEqualTo("orders");
        assertThat(root.at("/_aws/Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(root.at("/_aws/CloudWatchMetrics/0/Metrics/0/Unit").asText()).isEqualTo("Count");
        assertThat(EmfLines.metricValues(root)).containsExactly(Map.entry("CollectionErrors", 1.0));
        assertThat(root.has("Simulated")).isFalse();
    }

    @Test
    void formatterRefusesACollectionErrorsValueFromACollector() {
        PipelineMeasurement forged = new PipelineMeasurement.Builder()
                .publish(PipelineMetric.COLLECTION_ERRORS, 0)
                .build(false);
        assertThatThrownBy(() -> formatter.format("orders", forged, AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CollectionErrors");
    }

    @Test
    void nanAndInfinityAreNeverPublished() {
        PipelineMeasurement measurement = new PipelineMeasurement.Builder()
                .publish(PipelineMetric.ERROR_RATE, Double.NaN)
                .publish(PipelineMetric.PROCESSING_LATENCY, Double.POSITIVE_INFINITY)
                .publish(PipelineMetric.LONGEST_RUNNING_SECONDS, 3)
                .build(false);

        assertThat(measurement.published()).containsOnlyKeys(PipelineMetric.LONGEST_RUNNING_SECONDS);
        assertThat(measurement.skipped()).containsKeys(PipelineMetric.ERROR_RATE, PipelineMetric.PROCESSING_LATENCY);
        String line = formatter.format("orders", measurement, AT);
        assertThat(line).doesNotContain("NaN").doesNotContain("Infinity");
        EmfLines.assertValid(line);
    }

    @Test
    void formatterRefusesANonFiniteValueThatBypassedTheBuilder() {
        Map<PipelineMetric, Double> published = new EnumMap<>(PipelineMetric.class);
        published.put(PipelineMetric.ERROR_RATE, Double.NaN);
        PipelineMeasurement forged = new PipelineMeasurement(published, Map.of(), false);
        assertThatThrownBy(() -> formatter.format("orders", forged, AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void simulatedLinesCarryASimulatedProperty() {
        PipelineMeasurement simulated = new PipelineMeasurement.Builder()
                .publish(PipelineMetric.ERROR_RATE, 2.5)
                .build(true);
        JsonNode root = EmfLines.assertValid(formatter.format("demo", simulated, AT));
        assertThat(root.path("Simulated").asBoolean()).isTrue();
    }

    @Test
    void schemaRejectsALineWithAnUnknownUnit() {
        String bad =
                "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[\"Pipeline\"]],"
                        + "\"Metrics\":[{\"Name\":\"ErrorRate\",\"Unit\":\"Percentage\"}]}]},\"Pipeline\":\"p\",\"ErrorRate\":1}";
        assertThatThrownBy(() -> EmfLines.assertValid(bad)).isInstanceOf(AssertionError.class);
    }

    @Test
    void schemaCheckRejectsAMetricWithoutATopLevelValue() {
        String bad =
                "{\"_aws\":{\"Timestamp\":1,\"CloudWatchMetrics\":[{\"Namespace\":\"N\",\"Dimensions\":[[\"Pipeline\"]],"
                        + "\"Metrics\":[{\"Name\":\"ErrorRate\",\"Unit\":\"Percent\"}]}]},\"Pipeline\":\"p\"}";
        assertThatThrownBy(() -> EmfLines.assertValid(bad)).isInstanceOf(AssertionError.class);
    }

    @Test
    void aBreachOnlyLineKeepsTheCostMetricsButNoOtherMeasuredValue() {
        PipelineMeasurement.Builder builder = new PipelineMeasurement.Builder();
        builder.publish(PipelineMetric.ERROR_RATE, 50)
                .publish(PipelineMetric.DPU_HOURS, 2.5)
                .publish(PipelineMetric.RUN_COST_USD, 1.1);
        JsonNode root =
                EmfLines.assertValid(formatter.formatWithBreach("orders", builder.build(false), false, false, 4, AT));

        assertThat(EmfLines.metricValues(root))
                .containsOnly(Map.entry("Breach", 4.0), Map.entry("DpuHours", 2.5), Map.entry("RunCostUsd", 1.1));
    }
}
