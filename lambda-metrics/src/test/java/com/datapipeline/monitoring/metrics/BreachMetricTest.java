package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The Breach metric of a pipeline whose page is one alarm: which bits a measurement sets, and what the line holds. */
class BreachMetricTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final BreachThresholds THRESHOLDS = new BreachThresholds(
            OptionalDouble.of(300),
            OptionalDouble.of(600),
            OptionalDouble.of(5400),
            OptionalDouble.of(2),
            OptionalDouble.of(180),
            OptionalDouble.of(90),
            OptionalDouble.of(10),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());

    /** Thresholds with only the one at {@code position} (in the record's order) set. */
    private static BreachThresholds only(int position, double threshold) {
        OptionalDouble[] t = new OptionalDouble[10];
        java.util.Arrays.fill(t, OptionalDouble.empty());
        t[position] = OptionalDouble.of(threshold);
        return new BreachThresholds(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[9]);
    }

    private static PipelineMeasurement measured(Map<PipelineMetric, Double> values) {
        PipelineMeasurement.Builder builder = new PipelineMeasurement.Builder();
        values.forEach(builder::publish);
        return builder.build(false);
    }

    @Test
    void aProjectionAboveTheMonthlyBudgetSetsTheOverBudgetBitAndAtItNothing() {
        BreachThresholds budget = only(7, 100);
        BreachEvaluator evaluator = new BreachEvaluator(Duration.ofMinutes(1));
        assertThat(evaluator.breached("p", budget, measured(Map.of(PipelineMetric.PROJECTED_MONTHLY_COST_USD, 100.5))))
                .containsExactly(BreachBit.OVER_BUDGET);
        assertThat(evaluator.breached("p", budget, measured(Map.of(PipelineMetric.PROJECTED_MONTHLY_COST_USD, 100.0))))
                .isEmpty();
        // Without a budget the projection is not watched.
        assertThat(evaluator.breached(
                        "p", THRESHOLDS, measured(Map.of(PipelineMetric.PROJECTED_MONTHLY_COST_USD, 1e9))))
                .doesNotContain(BreachBit.OVER_BUDGET);
        assertThat(BreachBit.OVER_BUDGET.value()).isEqualTo(32768);
    }

    @Test
    void aFailedWorkflowRunSetsTheWorkflowBitAndAGoodOneNothing() {
        BreachThresholds workflow = only(8, 0);
        BreachEvaluator evaluator = new BreachEvaluator(Duration.ofMinutes(1));
        assertThat(evaluator.breached("p", workflow, measured(Map.of(PipelineMetric.WORKFLOW_RUN_FAILED, 1.0))))
                .containsExactly(BreachBit.WORKFLOW_RUN_FAILED);
        assertThat(evaluator.breached("p", workflow, measured(Map.of(PipelineMetric.WORKFLOW_RUN_FAILED, 0.0))))
                .isEmpty();
        // A failed read skips the metric: no bit (the collection bit is for the whole pipeline failing).
        assertThat(evaluator.breached("p", workflow, measured(Map.of()))).isEmpty();
        assertThat(BreachBit.WORKFLOW_RUN_FAILED.value()).isEqualTo(65536);
    }

    @Test
    void aDeactivatedTriggerSetsTheTriggerBitAndActiveTriggersNothing() {
        BreachThresholds trigger = only(9, 0);
        BreachEvaluator evaluator = new BreachEvaluator(Duration.ofMinutes(1));
        assertThat(evaluator.breached("p", trigger, measured(Map.of(PipelineMetric.TRIGGER_DEACTIVATED, 1.0))))
                .containsExactly(BreachBit.TRIGGER_DEACTIVATED);
        assertThat(evaluator.breached("p", trigger, measured(Map.of(PipelineMetric.TRIGGER_DEACTIVATED, 0.0))))
                .isEmpty();
        assertThat(evaluator.breached("p", trigger, measured(Map.of()))).isEmpty();
        assertThat(BreachBit.TRIGGER_DEACTIVATED.value()).isEqualTo(131072);
    }

    @Test
    void eachMeasurementBeyondItsThresholdSetsItsBit() {
        BreachEvaluator evaluator = new BreachEvaluator(Duration.ofMinutes(1));
        Set<BreachBit> bits = evaluator.breached(
                "p",
                THRESHOLDS,
                measured(Map.of(
                        PipelineMetric.LONGEST_RUNNING_SECONDS, 700.0,
                        PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 6000.0,
                        PipelineMetric.ERROR_RATE, 2.5,
                        PipelineMetric.PROCESSING_LATENCY, 181.0,
                        PipelineMetric.DATA_QUALITY_SCORE, 89.0,
                        // 540 records in a minute: 9 per second, below 10
                        PipelineMetric.RECORDS_PROCESSED, 540.0)));
        assertThat(bits)
                .containsExactlyInAnyOrder(
                        BreachBit.DURATION,
                        BreachBit.STUCK_RUN,
                        BreachBit.MISSED_RUN,
                        BreachBit.ERROR_RATE,
                        BreachBit.LATENCY,
                        BreachBit.DATA_QUALITY,
                        BreachBit.LOW_THROUGHPUT);
        assertThat(BreachEvaluator.sum(bits)).isEqualTo(127);
    }

    @Test
    void valuesAtTheirThresholdsBreachNothingAndMissingValuesOnlyTheMissedRun() {
        BreachEvaluator evaluator = new BreachEvaluator(Duration.ofMinutes(1));
        assertThat(evaluator.breached(
                        "p",
                        THRESHOLDS,
                        measured(Map.of(
                                PipelineMetric.LONGEST_RUNNING_SECONDS, 300.0,
                                PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 5400.0,
                                PipelineMetric.ERROR_RATE, 2.0,
                                PipelineMetric.PROCESSING_LATENCY, 180.0,
                                PipelineMetric.DATA_QUALITY_SCORE, 90.0,
                                PipelineMetric.RECORDS_PROCESSED, 600.0))))
                .isEmpty();
        // No success in the look-back window is a missed run (the per-metric alarm treats missing data as breaching);
        // no other missing value breaches.
        assertThat(evaluator.breached("p", THRESHOLDS, measured(Map.of()))).containsExactly(BreachBit.MISSED_RUN);
    }

    @Test
    void aModeWithoutThresholdIsNotWatched() {
        BreachThresholds durationOnly = new BreachThresholds(
                OptionalDouble.of(300),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty());
        assertThat(new BreachEvaluator(Duration.ofMinutes(1))
                        .breached(
                                "p",
                                durationOnly,
                                measured(Map.of(
                                        PipelineMetric.LONGEST_RUNNING_SECONDS, 301.0,
                                        PipelineMetric.ERROR_RATE, 100.0))))
                .containsExactly(BreachBit.DURATION);
    }

    @Test
    void theSecondFailedCollectionInARowSetsTheCollectionBitAndASuccessResetsTheCount() {
        BreachEvaluator evaluator = new BreachEvaluator(Duration.ofMinutes(1));
        assertThat(evaluator.failed("p")).isEmpty();
        assertThat(evaluator.failed("p")).containsExactly(BreachBit.COLLECTION_FAILED);
        assertThat(evaluator.failed("other")).as("counted per pipeline").isEmpty();
        evaluator.breached("p", THRESHOLDS, measured(Map.of(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 1.0)));
        assertThat(evaluator.failed("p")).isEmpty();
    }

    @Test
    void withoutDetailedMetricsTheLineHoldsOnlyBreachAndTheLogNamesTheModes() throws Exception {
        List<String> emf = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        PipelineConfig compact = new PipelineConfig(
                "orders", "orders", MetricsSource.GLUE, null, null, null, false, Optional.of(THRESHOLDS));
        PipelineMetricsPublisher publisher = publisher(
                List.of(compact),
                pipeline -> measured(Map.of(
                        PipelineMetric.LONGEST_RUNNING_SECONDS, 400.0,
                        PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 10.0,
                        PipelineMetric.ERROR_RATE, 0.0)),
                emf,
                logs);
        publisher.publishAll();
        JsonNode line = JSON.readTree(emf.getFirst());
        JsonNode metrics = line.at("/_aws/CloudWatchMetrics/0/Metrics");
        assertThat(metrics).hasSize(1);
        assertThat(metrics.get(0).get("Name").asText()).isEqualTo(CustomMetric.BREACH.metricName());
        assertThat(line.get("Breach").asLong()).isEqualTo(BreachBit.DURATION.value());
        JsonNode log = JSON.readTree(logs.getFirst());
        assertThat(log.get("breached").get(0).asText()).isEqualTo(BreachBit.DURATION.mode());
        assertThat(log.get("published").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("Breach");
    }

    @Test
    void withDetailedMetricsTheLineHoldsThemBesideBreach() throws Exception {
        List<String> emf = new ArrayList<>();
        PipelineConfig detailed = new PipelineConfig(
                "orders", "orders", MetricsSource.GLUE, null, null, null, true, Optional.of(THRESHOLDS));
        publisher(
                        List.of(detailed),
                        pipeline -> measured(Map.of(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 10.0)),
                        emf,
                        new ArrayList<>())
                .publishAll();
        JsonNode line = JSON.readTree(emf.getFirst());
        assertThat(line.get("Breach").asLong()).isZero();
        assertThat(line.get("CollectionErrors").asLong()).isZero();
        assertThat(line.get("SecondsSinceLastSuccess").asLong()).isEqualTo(10);
    }

    @Test
    void aPipelineFailingTwiceInARowPublishesTheCollectionBitWhileAnotherOneWorks() throws Exception {
        List<String> emf = new ArrayList<>();
        PipelineConfig failing =
                new PipelineConfig("bad", "bad", MetricsSource.GLUE, null, null, null, false, Optional.of(THRESHOLDS));
        PipelineConfig working = new PipelineConfig(
                "good", "good", MetricsSource.GLUE, null, null, null, false, Optional.of(THRESHOLDS));
        PipelineMetricsPublisher publisher = publisher(
                List.of(failing, working),
                pipeline -> {
                    if (pipeline.name().equals("bad")) {
                        throw new IllegalStateException("AccessDeniedException");
                    }
                    return measured(Map.of(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 1.0));
                },
                emf,
                new ArrayList<>());
        publisher.publishAll();
        assertThat(emf)
                .as("the first failure publishes nothing for the failing pipeline")
                .hasSize(1);
        emf.clear();
        publisher.publishAll();
        assertThat(emf).hasSize(2);
        JsonNode failed = JSON.readTree(emf.get(1));
        assertThat(failed.get("Pipeline").asText()).isEqualTo("bad");
        assertThat(failed.get("Breach").asLong()).isEqualTo(BreachBit.COLLECTION_FAILED.value());
    }

    @Test
    void theConfigurationRefusesAPipelineThatWouldPublishNothing() {
        assertThatThrownBy(
                        () -> MetricsConfig.parse(
                                "{\"lookbackMinutes\":1440,\"intervalMinutes\":1,"
                                        + "\"pipelines\":[{\"name\":\"a\",\"jobName\":\"a\",\"source\":\"glue\",\"detailedMetrics\":false}]}"))
                .hasMessageContaining("detailedMetrics")
                .hasMessageContaining("breachThresholds");
        MetricsConfig parsed = MetricsConfig.parse("{\"lookbackMinutes\":1440,\"intervalMinutes\":1,"
                + "\"pipelines\":[{\"name\":\"a\",\"jobName\":\"a\",\"source\":\"glue\",\"detailedMetrics\":false,"
                + "\"breachThresholds\":{\"durationSeconds\":300,\"minRecordsPerSecond\":2.5}}]}");
        PipelineConfig pipeline = parsed.pipelines().getFirst();
        assertThat(pipeline.detailedMetrics()).isFalse();
        assertThat(pipeline.breachThresholds().orElseThrow().durationSeconds()).hasValue(300);
        assertThat(pipeline.breachThresholds().orElseThrow().minRecordsPerSecond())
                .hasValue(2.5);
        assertThat(pipeline.breachThresholds().orElseThrow().errorRatePercent()).isEmpty();
        assertThatThrownBy(
                        () -> MetricsConfig.parse(
                                "{\"lookbackMinutes\":1440,\"intervalMinutes\":1,"
                                        + "\"pipelines\":[{\"name\":\"a\",\"jobName\":\"a\",\"source\":\"glue\",\"breachThresholds\":{\"duration\":1}}]}"))
                .hasMessageContaining("duration");
    }

    private static PipelineMetricsPublisher publisher(
            List<PipelineConfig> pipelines, MetricsCollector collector, List<String> emf, List<String> logs) {
        return new PipelineMetricsPublisher(
                new MetricsConfig(CustomMetric.NAMESPACE, 1440, 1, pipelines),
                Map.of(MetricsSource.GLUE, collector),
                CLOCK,
                emf::add,
                logs::add);
    }
}
