package com.datapipeline.monitoring.metrics;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds CloudWatch Embedded Metric Format lines: one JSON object per pipeline that CloudWatch Logs turns
 * into metrics, so the function needs no CloudWatch client and makes no PutMetricData call.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html">EMF specification</a>
 */
public final class EmfFormatter {

    private final String namespace;

    public EmfFormatter(String namespace) {
        this.namespace = namespace;
    }

    /** The EMF line for {@code pipeline}, or empty when the measurement has no value to publish. */
    public Optional<String> format(String pipeline, PipelineMeasurement measurement, Instant timestamp) {
        if (measurement.published().isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> metrics = new ArrayList<>();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("_aws", Map.of(
                "Timestamp", timestamp.toEpochMilli(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", namespace,
                        "Dimensions", List.of(List.of(MetricNames.DIMENSION_PIPELINE)),
                        "Metrics", metrics))));
        line.put(MetricNames.DIMENSION_PIPELINE, pipeline);
        measurement.published().forEach((metric, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(metric.metricName() + " is not finite: " + value);
            }
            metrics.add(Map.of("Name", metric.metricName(), "Unit", metric.unit()));
            line.put(metric.metricName(), jsonNumber(value));
        });
        if (measurement.simulated()) {
            // A plain log property (not a metric): lets a Logs Insights query tell simulated data apart.
            line.put("Simulated", true);
        }
        return Optional.of(toJson(line));
    }

    static Number jsonNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    static String toJson(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
