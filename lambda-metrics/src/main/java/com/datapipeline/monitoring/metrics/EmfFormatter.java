package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.lambda.JsonLines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

    /**
     * The EMF line for a pipeline whose collection worked: its published values plus CollectionErrors = 0. The
     * line is written even when no other metric has a value, so the CollectionErrors alarm never lacks data
     * while the function runs.
     */
    public String format(String pipeline, PipelineMeasurement measurement, Instant timestamp) {
        if (measurement.published().containsKey(PipelineMetric.COLLECTION_ERRORS)) {
            throw new IllegalArgumentException(PipelineMetric.COLLECTION_ERRORS.metricName()
                    + " comes from the pipeline's outcome, not from a collector");
        }
        Map<PipelineMetric, Double> values = new EnumMap<>(PipelineMetric.class);
        values.putAll(measurement.published());
        values.put(PipelineMetric.COLLECTION_ERRORS, 0.0);
        return line(pipeline, values, measurement.simulated(), timestamp);
    }

    /**
     * The EMF line of a pipeline with a Breach metric: its Breach value and, with detailed metrics, its published
     * values and CollectionErrors (0, or 1 alone when {@code measurement} is empty because the collection threw).
     */
    public String formatWithBreach(
            String pipeline,
            PipelineMeasurement measurement,
            boolean detailed,
            boolean failed,
            long breach,
            Instant timestamp) {
        Map<PipelineMetric, Double> values = new EnumMap<>(PipelineMetric.class);
        if (detailed) {
            values.putAll(measurement.published());
            values.put(PipelineMetric.COLLECTION_ERRORS, failed ? 1.0 : 0.0);
        } else {
            values.putAll(PipelineMetric.withoutDetailedMetrics(measurement.published()));
        }
        values.put(PipelineMetric.BREACH, (double) breach);
        return line(pipeline, values, measurement.simulated(), timestamp);
    }

    /** The EMF line for a pipeline whose collection threw: CollectionErrors = 1 and no other metric. */
    public String formatCollectionError(String pipeline, Instant timestamp) {
        return line(pipeline, Map.of(PipelineMetric.COLLECTION_ERRORS, 1.0), false, timestamp);
    }

    private String line(String pipeline, Map<PipelineMetric, Double> values, boolean simulated, Instant timestamp) {
        List<Map<String, Object>> metrics = new ArrayList<>();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(
                "_aws",
                Map.of(
                        "Timestamp", timestamp.toEpochMilli(),
                        "CloudWatchMetrics",
                                List.of(Map.of(
                                        "Namespace", namespace,
                                        "Dimensions", List.of(List.of(CustomMetric.PIPELINE_DIMENSION)),
                                        "Metrics", metrics))));
        line.put(CustomMetric.PIPELINE_DIMENSION, pipeline);
        values.forEach((metric, value) -> {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException(metric.metricName() + " is not finite: " + value);
            }
            metrics.add(Map.of("Name", metric.metricName(), "Unit", metric.unit()));
            line.put(metric.metricName(), jsonNumber(value));
        });
        if (simulated) {
            // A plain log property (not a metric): lets a Logs Insights query tell simulated data apart.
            line.put("Simulated", true);
        }
        return JsonLines.format(line);
    }

    static Number jsonNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }
}
