package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PipelineMetricsPublisherTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

    private final List<String> emf = new ArrayList<>();
    private final List<String> logs = new ArrayList<>();

    private static PipelineConfig glue(String name) {
        return new PipelineConfig(name, name + "-job", MetricsSource.GLUE, null, null, null);
    }

    private PipelineMetricsPublisher publisher(List<PipelineConfig> pipelines, MetricsCollector glueCollector) {
        MetricsConfig config = new MetricsConfig(CustomMetric.NAMESPACE, 1440, 5, pipelines);
        return new PipelineMetricsPublisher(
                config,
                Map.of(
                        MetricsSource.GLUE,
                        glueCollector,
                        MetricsSource.SIMULATE,
                        new SimulatedMetricsCollector(new SplittableRandom(3))),
                CLOCK,
                emf::add,
                logs::add);
    }

    private static MetricsCollector failingFor(String failingPipeline) {
        return pipeline -> {
            if (pipeline.name().equals(failingPipeline)) {
                throw new IllegalStateException("AccessDeniedException: glue:GetJobRuns");
            }
            return new PipelineMeasurement.Builder()
                    .publish(PipelineMetric.ERROR_RATE, 10)
                    .skip(PipelineMetric.RECORDS_PROCESSED, "no outputLogGroup configured")
                    .build(false);
        };
    }

    @Test
    void oneFailingPipelineDoesNotStopTheOthers() throws Exception {
        MetricsSummary summary = publisher(List.of(glue("first"), glue("broken"), glue("last")), failingFor("broken"))
                .publishAll();

        assertThat(summary.pipeline("first").published()).containsEntry("ErrorRate", 10.0);
        assertThat(summary.pipeline("last").published()).containsEntry("ErrorRate", 10.0);
        assertThat(summary.pipeline("broken").error()).contains("AccessDeniedException");
        JsonNode brokenLog = JSON.readTree(logs.get(1));
        assertThat(brokenLog.path("level").asText()).isEqualTo("ERROR");
        assertThat(brokenLog.path("pipeline").asText()).isEqualTo("broken");
        assertThat(brokenLog.path("error").asText()).contains("AccessDenied");
        assertThat(summary.toMap()).containsEntry("failed", 1L);
    }

    @Test
    void aFailedPipelinePublishesCollectionErrorsOneAloneAndTheOthersZero() {
        publisher(List.of(glue("first"), glue("broken"), glue("last")), failingFor("broken"))
                .publishAll();

        Map<String, Map<String, Double>> metrics = metricsByPipeline();
        assertThat(metrics).containsOnlyKeys("first", "broken", "last");
        assertThat(metrics.get("broken")).containsExactly(Map.entry("CollectionErrors", 1.0));
        assertThat(metrics.get("first")).containsOnly(Map.entry("ErrorRate", 10.0), Map.entry("CollectionErrors", 0.0));
        assertThat(metrics.get("last")).containsOnly(Map.entry("ErrorRate", 10.0), Map.entry("CollectionErrors", 0.0));
    }

    @Test
    void aPipelineWithNothingToMeasureStillPublishesCollectionErrorsZero() {
        MetricsCollector nothing = pipeline -> new PipelineMeasurement.Builder()
                .skip(PipelineMetric.ERROR_RATE, "no run finished in the window")
                .build(false);

        publisher(List.of(glue("quiet")), nothing).publishAll();

        assertThat(metricsByPipeline()).containsExactly(Map.entry("quiet", Map.of("CollectionErrors", 0.0)));
    }

    @Test
    void everyPipelineFailingThrowsSoTheInvocationCountsAsAnError() {
        MetricsCollector allFail = pipeline -> {
            throw new IllegalStateException("ThrottlingException: Rate exceeded");
        };
        assertThatThrownBy(
                        () -> publisher(List.of(glue("a"), glue("b")), allFail).publishAll())
                .isInstanceOf(AllPipelinesFailedException.class)
                .hasMessageContaining("a (IllegalStateException: ThrottlingException: Rate exceeded)")
                .satisfies(e -> assertThat(
                                ((AllPipelinesFailedException) e).summary().pipelines())
                        .hasSize(2));
        assertThat(logs).hasSize(2);
        assertThat(emf)
                .as("no CollectionErrors=1 lines: the Errors alarm pages once for this")
                .isEmpty();
    }

    @Test
    void theOnlyPipelineFailingIsEveryPipelineFailing() {
        assertThatThrownBy(() ->
                        publisher(List.of(glue("only")), failingFor("only")).publishAll())
                .isInstanceOf(AllPipelinesFailedException.class);
        assertThat(emf).isEmpty();
    }

    @Test
    void logsOneStructuredLinePerPipelineWithPublishedAndSkipped() throws Exception {
        publisher(List.of(glue("orders")), failingFor("none")).publishAll();

        assertThat(logs).hasSize(1);
        JsonNode line = JSON.readTree(logs.getFirst());
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("event").asText()).isEqualTo("pipeline-metrics");
        assertThat(line.path("pipeline").asText()).isEqualTo("orders");
        assertThat(line.at("/published/ErrorRate").asDouble()).isEqualTo(10.0);
        assertThat(line.at("/skipped/RecordsProcessed").asText()).isEqualTo("no outputLogGroup configured");
        assertThat(line.has("_aws")).isFalse();
    }

    @Test
    void simulatedPipelineIsLoggedAsSimulated() throws Exception {
        MetricsSummary summary = publisher(
                        List.of(new PipelineConfig("demo", "demo", MetricsSource.SIMULATE, null, null, null)),
                        failingFor("none"))
                .publishAll();

        JsonNode line = JSON.readTree(logs.getFirst());
        assertThat(line.path("simulated").asBoolean()).isTrue();
        assertThat(line.path("message").asText()).contains("SIMULATED");
        assertThat(summary.pipeline("demo").source()).isEqualTo("simulate");
        JsonNode emfLine = EmfLines.assertValid(emf.getFirst());
        assertThat(emfLine.path("RecordsProcessed").isIntegralNumber()).isTrue();
        assertThat(EmfLines.metricValues(emfLine)).containsEntry("CollectionErrors", 0.0);
    }

    /** Pipeline → its EMF line's metrics, each line checked against the EMF schema. */
    private Map<String, Map<String, Double>> metricsByPipeline() {
        Map<String, Map<String, Double>> byPipeline = new LinkedHashMap<>();
        for (String line : emf) {
            JsonNode root = EmfLines.assertValid(line);
            assertThat(byPipeline.put(root.path("Pipeline").asText(), EmfLines.metricValues(root)))
                    .as("one EMF line per pipeline")
                    .isNull();
        }
        return byPipeline;
    }
}
