package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.MetricsLine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result for one pipeline, as returned in the summary and logged.
 *
 * @param pipeline  the pipeline name
 * @param source    glue or simulate
 * @param published metric name → measured value written in the EMF line; CollectionErrors, which the line also
 *                  carries, is not repeated here: it is 0, or 1 when {@code error} is set and some other
 *                  pipeline succeeded
 * @param skipped   metric name → why it has no value
 * @param error     why the whole pipeline failed, or null
 */
public record PipelineOutcome(
        String pipeline, String source, Map<String, Double> published, Map<String, String> skipped, String error) {

    public PipelineOutcome {
        published = Map.copyOf(published);
        skipped = Map.copyOf(skipped);
    }

    public boolean failed() {
        return error != null;
    }

    static PipelineOutcome of(String pipeline, String source, PipelineMeasurement measurement) {
        Map<String, Double> published = new LinkedHashMap<>();
        measurement.published().forEach((metric, value) -> published.put(metric.metricName(), value));
        Map<String, String> skipped = new LinkedHashMap<>();
        measurement.skipped().forEach((metric, reason) -> skipped.put(metric.metricName(), reason));
        return new PipelineOutcome(pipeline, source, published, skipped, null);
    }

    static PipelineOutcome failure(String pipeline, String source, String error) {
        return new PipelineOutcome(pipeline, source, Map.of(), Map.of(), error);
    }

    /** JSON-ready form, keys in a stable order. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(MetricsLine.PIPELINE, pipeline);
        map.put(MetricsLine.SOURCE, source);
        map.put(MetricsLine.PUBLISHED, new TreeMap<>(published));
        map.put(MetricsLine.SKIPPED, new TreeMap<>(skipped));
        if (error != null) {
            map.put(MetricsLine.ERROR, error);
        }
        return map;
    }
}
