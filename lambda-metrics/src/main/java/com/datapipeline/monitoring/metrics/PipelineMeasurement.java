package com.datapipeline.monitoring.metrics;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one pipeline yielded in one invocation: the values to publish and, for each metric not published,
 * why.
 *
 * @param published finite values only, in {@link PipelineMetric} order
 * @param skipped   metric → reason it has no value this time
 * @param simulated true when the values are the lab's random numbers, not measurements
 */
public record PipelineMeasurement(
        Map<PipelineMetric, Double> published, Map<PipelineMetric, String> skipped, boolean simulated) {

    public PipelineMeasurement {
        published = Collections.unmodifiableMap(copyOf(published));
        skipped = Collections.unmodifiableMap(copyOf(skipped));
    }

    private static <V> Map<PipelineMetric, V> copyOf(Map<PipelineMetric, V> source) {
        Map<PipelineMetric, V> copy = new EnumMap<>(PipelineMetric.class);
        copy.putAll(source);
        return copy;
    }

    /** A builder holding this measurement's values and reasons, to add a metric to what another collector measured. */
    Builder toBuilder() {
        Builder builder = new Builder();
        published.forEach(builder::publish);
        skipped.forEach(builder::skip);
        return builder;
    }

    /** Collects values and reasons; refuses NaN and infinities so no line CloudWatch would reject is built. */
    static final class Builder {
        private final Map<PipelineMetric, Double> published = new EnumMap<>(PipelineMetric.class);
        private final Map<PipelineMetric, String> skipped = new EnumMap<>(PipelineMetric.class);

        Builder publish(PipelineMetric metric, double value) {
            if (!Double.isFinite(value)) {
                return skip(metric, "value was not a finite number (" + value + ")");
            }
            published.put(metric, value);
            skipped.remove(metric);
            return this;
        }

        Builder skip(PipelineMetric metric, String reason) {
            published.remove(metric);
            skipped.put(metric, reason);
            return this;
        }

        PipelineMeasurement build(boolean simulated) {
            return new PipelineMeasurement(published, skipped, simulated);
        }
    }
}
