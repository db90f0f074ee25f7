package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.LogFields;
import com.datapipeline.monitoring.contract.MetricsLine;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.lambda.ErrorText;
import com.datapipeline.monitoring.lambda.JsonLines;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Measures every configured pipeline and writes, per pipeline, one EMF line (the metrics) and one
 * structured log line (what was published or skipped and why).
 *
 * <p>Pipelines are isolated: an exception from one (AccessDenied, job not found, throttling after the SDK's
 * retries) is logged and reported, and the others still publish. Every EMF line carries
 * {@link PipelineMetric#COLLECTION_ERRORS}: 0 beside a pipeline's values, 1 alone for a pipeline that threw, so
 * a pipeline whose collection keeps failing raises an alarm instead of going silent. If every pipeline fails,
 * {@link AllPipelinesFailedException} is thrown so the invocation counts as an error, and no
 * CollectionErrors=1 line is written.
 */
public final class PipelineMetricsPublisher {

    private final MetricsConfig config;
    private final Map<MetricsSource, MetricsCollector> collectors;
    private final Clock clock;
    private final EmfFormatter emf;
    private final Consumer<String> emfSink;
    private final Consumer<String> logSink;
    private final BreachEvaluator breach;

    /**
     * @param emfSink receives EMF lines (stdout in Lambda, which CloudWatch Logs ingests)
     * @param logSink receives the structured log lines
     */
    public PipelineMetricsPublisher(
            MetricsConfig config,
            Map<MetricsSource, MetricsCollector> collectors,
            Clock clock,
            Consumer<String> emfSink,
            Consumer<String> logSink) {
        this.config = config;
        this.collectors = Map.copyOf(collectors);
        this.clock = clock;
        this.emf = new EmfFormatter(config.namespace());
        this.emfSink = emfSink;
        this.logSink = logSink;
        this.breach = new BreachEvaluator(config.interval());
    }

    public MetricsSummary publishAll() {
        List<PipelineOutcome> outcomes = new ArrayList<>();
        List<String> collectionErrorLines = new ArrayList<>();
        for (MetricsConfig.PipelineConfig pipeline : config.pipelines()) {
            PipelineOutcome outcome = publish(pipeline);
            outcomes.add(outcome);
            if (outcome.failed()) {
                failureLine(pipeline).ifPresent(collectionErrorLines::add);
            }
        }
        MetricsSummary summary = new MetricsSummary(outcomes);
        if (outcomes.stream().allMatch(PipelineOutcome::failed)) {
            // Every pipeline failed (with one pipeline configured, that one): the cause is rarely the pipelines
            // (more often the function's role or the Glue endpoint), and the function's Errors alarm pages once.
            // CollectionErrors=1 is withheld so the per-pipeline alarms do not page once more per pipeline.
            throw new AllPipelinesFailedException(summary);
        }
        collectionErrorLines.forEach(emfSink);
        return summary;
    }

    private PipelineOutcome publish(MetricsConfig.PipelineConfig pipeline) {
        String source = pipeline.source().configName();
        PipelineOutcome outcome;
        try {
            MetricsCollector collector = collectors.get(pipeline.source());
            if (collector == null) {
                throw new IllegalStateException("no collector for source " + source);
            }
            PipelineMeasurement measurement = collector.collect(pipeline);
            Instant timestamp = clock.instant();
            if (pipeline.breachThresholds().isPresent()) {
                Set<BreachBit> bits = breach.breached(
                        pipeline.name(), pipeline.breachThresholds().get(), measurement);
                long value = BreachEvaluator.sum(bits);
                emfSink.accept(emf.formatWithBreach(
                        pipeline.name(), measurement, pipeline.detailedMetrics(), false, value, timestamp));
                outcome = PipelineOutcome.of(pipeline.name(), source, published(pipeline, measurement, value));
                Map<String, Object> line = logFields("INFO", outcome, measurement.simulated());
                line.put(MetricsLine.BREACHED, BreachEvaluator.modes(bits));
                logSink.accept(JsonLines.format(line));
                return outcome;
            }
            emfSink.accept(emf.format(pipeline.name(), measurement, timestamp));
            outcome = PipelineOutcome.of(pipeline.name(), source, measurement);
            logSink.accept(logLine("INFO", outcome, measurement.simulated()));
        } catch (RuntimeException e) {
            outcome = PipelineOutcome.failure(pipeline.name(), source, ErrorText.describe(e));
            logSink.accept(logLine("ERROR", outcome, false));
        }
        return outcome;
    }

    /**
     * The EMF line of a pipeline whose collection threw, if any: CollectionErrors = 1 with detailed metrics, and with
     * a Breach metric the collection bit once it failed twice in a row (without detailed metrics nothing until then).
     */
    private Optional<String> failureLine(MetricsConfig.PipelineConfig pipeline) {
        if (pipeline.breachThresholds().isEmpty()) {
            return Optional.of(emf.formatCollectionError(pipeline.name(), clock.instant()));
        }
        long value = BreachEvaluator.sum(breach.failed(pipeline.name()));
        if (!pipeline.detailedMetrics() && value == 0) {
            return Optional.empty();
        }
        return Optional.of(emf.formatWithBreach(
                pipeline.name(),
                new PipelineMeasurement(Map.of(), Map.of(), false),
                pipeline.detailedMetrics(),
                true,
                value,
                clock.instant()));
    }

    /** What the pipeline's line published: Breach, and the measured values only with detailed metrics. */
    private static PipelineMeasurement published(
            MetricsConfig.PipelineConfig pipeline, PipelineMeasurement measurement, long breachValue) {
        Map<PipelineMetric, Double> values = new EnumMap<>(PipelineMetric.class);
        Map<PipelineMetric, String> skipped = new EnumMap<>(PipelineMetric.class);
        if (pipeline.detailedMetrics()) {
            values.putAll(measurement.published());
            skipped.putAll(measurement.skipped());
        } else {
            values.putAll(PipelineMetric.withoutDetailedMetrics(measurement.published()));
        }
        values.put(PipelineMetric.BREACH, (double) breachValue);
        return new PipelineMeasurement(values, skipped, measurement.simulated());
    }

    private static String logLine(String level, PipelineOutcome outcome, boolean simulated) {
        return JsonLines.format(logFields(level, outcome, simulated));
    }

    private static Map<String, Object> logFields(String level, PipelineOutcome outcome, boolean simulated) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(LogFields.LEVEL, level);
        line.put(LogFields.EVENT, MetricsLine.EVENT);
        line.putAll(outcome.toMap());
        if (simulated) {
            line.put(MetricsLine.SIMULATED, true);
            line.put(MetricsLine.MESSAGE, "values are SIMULATED random numbers in the lab's ranges, not measurements");
        }
        return line;
    }
}
