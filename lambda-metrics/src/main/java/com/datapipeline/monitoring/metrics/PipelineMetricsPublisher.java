package com.datapipeline.monitoring.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Measures every configured pipeline and writes, per pipeline, one EMF line (the metrics) and one
 * structured log line (what was published or skipped and why).
 *
 * <p>Pipelines are isolated: an exception from one (AccessDenied, job not found, throttling after the SDK's
 * retries) is logged and reported, and the others still publish. If every pipeline fails,
 * {@link AllPipelinesFailedException} is thrown so the invocation counts as an error.
 */
public final class PipelineMetricsPublisher {

    private final MetricsConfig config;
    private final Map<MetricsConfig.Source, MetricsCollector> collectors;
    private final Clock clock;
    private final EmfFormatter emf;
    private final Consumer<String> emfSink;
    private final Consumer<String> logSink;

    /**
     * @param emfSink receives EMF lines (stdout in Lambda, which CloudWatch Logs ingests)
     * @param logSink receives the structured log lines
     */
    public PipelineMetricsPublisher(MetricsConfig config, Map<MetricsConfig.Source, MetricsCollector> collectors,
                                    Clock clock, Consumer<String> emfSink, Consumer<String> logSink) {
        this.config = config;
        this.collectors = Map.copyOf(collectors);
        this.clock = clock;
        this.emf = new EmfFormatter(config.namespace());
        this.emfSink = emfSink;
        this.logSink = logSink;
    }

    public MetricsSummary publishAll() {
        List<PipelineOutcome> outcomes = new ArrayList<>();
        for (MetricsConfig.PipelineConfig pipeline : config.pipelines()) {
            outcomes.add(publish(pipeline));
        }
        MetricsSummary summary = new MetricsSummary(outcomes);
        if (outcomes.stream().allMatch(PipelineOutcome::failed)) {
            throw new AllPipelinesFailedException(summary);
        }
        return summary;
    }

    private PipelineOutcome publish(MetricsConfig.PipelineConfig pipeline) {
        String source = pipeline.source().name().toLowerCase(Locale.ROOT);
        PipelineOutcome outcome;
        try {
            MetricsCollector collector = collectors.get(pipeline.source());
            if (collector == null) {
                throw new IllegalStateException("no collector for source " + source);
            }
            PipelineMeasurement measurement = collector.collect(pipeline);
            Instant timestamp = clock.instant();
            emfSink.accept(emf.format(pipeline.name(), measurement, timestamp));
            outcome = PipelineOutcome.of(pipeline.name(), source, measurement);
            logSink.accept(logLine("INFO", outcome, measurement.simulated()));
        } catch (RuntimeException e) {
            outcome = PipelineOutcome.failure(pipeline.name(), source, GlueMetricsCollector.describe(e));
            logSink.accept(logLine("ERROR", outcome, false));
        }
        return outcome;
    }

    private static String logLine(String level, PipelineOutcome outcome, boolean simulated) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", level);
        line.put("event", "pipeline-metrics");
        line.putAll(outcome.toMap());
        if (simulated) {
            line.put("simulated", true);
            line.put("message", "values are SIMULATED random numbers in the lab's ranges, not measurements");
        }
        return EmfFormatter.toJson(line);
    }
}
