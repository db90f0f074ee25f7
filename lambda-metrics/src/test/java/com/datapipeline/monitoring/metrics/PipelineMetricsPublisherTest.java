package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import com.datapipeline.monitoring.metrics.MetricsConfig.Source;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        return new PipelineConfig(name, name + "-job", Source.GLUE, null, null, null);
    }

    private PipelineMetricsPublisher publisher(List<PipelineConfig> pipelines, MetricsCollector glueCollector) {
        MetricsConfig config = new MetricsConfig(MetricNames.NAMESPACE, 1440, 5, pipelines);
        return new PipelineMetricsPublisher(config, Map.of(Source.GLUE, glueCollector,
                Source.SIMULATE, new SimulatedMetricsCollector(new SplittableRandom(3))), CLOCK, emf::add, logs::add);
    }

    private static MetricsCollector failingFor(String failingPipeline) {
        return pipeline -> {
            if (pipeline.name().equals(failingPipeline)) {
                throw new IllegalStateException("AccessDeniedException: glue:GetJobRuns");
            }
            return new PipelineMeasurement.Builder().publish(PipelineMetric.ERROR_RATE, 10)
                    .skip(PipelineMetric.RECORDS_PROCESSED, "no outputLogGroup configured").build(false);
        };
    }

    @Test
    void oneFailingPipelineDoesNotStopTheOthers() throws Exception {
        MetricsSummary summary = publisher(List.of(glue("first"), glue("broken"), glue("last")),
                failingFor("broken")).publishAll();

        assertThat(summary.pipeline("first").published()).containsEntry("ErrorRate", 10.0);
        assertThat(summary.pipeline("last").published()).containsEntry("ErrorRate", 10.0);
        assertThat(summary.pipeline("broken").error()).contains("AccessDeniedException");
        assertThat(emf).hasSize(2);
        assertThat(emf).allSatisfy(EmfLines::assertValid);
        assertThat(emf.stream().map(l -> EmfLines.assertValid(l).path("Pipeline").asText()))
                .containsExactly("first", "last");
        JsonNode brokenLog = JSON.readTree(logs.get(1));
        assertThat(brokenLog.path("level").asText()).isEqualTo("ERROR");
        assertThat(brokenLog.path("pipeline").asText()).isEqualTo("broken");
        assertThat(brokenLog.path("error").asText()).contains("AccessDenied");
        assertThat(summary.toMap()).containsEntry("failed", 1L);
    }

    @Test
    void everyPipelineFailingThrowsSoTheInvocationCountsAsAnError() {
        MetricsCollector allFail = pipeline -> {
            throw new IllegalStateException("ThrottlingException: Rate exceeded");
        };
        assertThatThrownBy(() -> publisher(List.of(glue("a"), glue("b")), allFail).publishAll())
                .isInstanceOf(AllPipelinesFailedException.class)
                .hasMessageContaining("a (IllegalStateException: ThrottlingException: Rate exceeded)")
                .satisfies(e -> assertThat(((AllPipelinesFailedException) e).summary().pipelines()).hasSize(2));
        assertThat(logs).hasSize(2);
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
        MetricsSummary summary = publisher(List.of(new PipelineConfig("demo", "demo", Source.SIMULATE, null, null,
                null)), failingFor("none")).publishAll();

        JsonNode line = JSON.readTree(logs.getFirst());
        assertThat(line.path("simulated").asBoolean()).isTrue();
        assertThat(line.path("message").asText()).contains("SIMULATED");
        assertThat(summary.pipeline("demo").source()).isEqualTo("simulate");
        assertThat(EmfLines.assertValid(emf.getFirst()).path("RecordsProcessed").isIntegralNumber()).isTrue();
    }
}
