package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.lambda.ErrorText;
import java.util.Objects;

/**
 * Adds one metric of a pipeline's stage or output to what another collector measured, for the pipelines it applies to.
 * Failing to read it only skips this metric, with the error as the reason, so the job's own metrics are still
 * published.
 */
abstract class AddedMetricCollector implements MetricsCollector {

    /** The added metric's value, or why it is not published this time. */
    protected record Reading(Double value, String skipReason) {
        static Reading of(double value) {
            return new Reading(value, null);
        }

        static Reading skipped(String reason) {
            return new Reading(null, Objects.requireNonNull(reason, "reason"));
        }

        static Reading failed(String subject, RuntimeException e) {
            return skipped("reading " + subject + " failed: " + ErrorText.describe(e));
        }
    }

    private final MetricsCollector measured;
    private final PipelineMetric metric;

    protected AddedMetricCollector(MetricsCollector measured, PipelineMetric metric) {
        this.measured = Objects.requireNonNull(measured, "measured");
        this.metric = Objects.requireNonNull(metric, "metric");
    }

    @Override
    public final PipelineMeasurement collect(MetricsConfig.PipelineConfig pipeline) {
        PipelineMeasurement measurement = measured.collect(pipeline);
        if (!appliesTo(pipeline)) {
            return measurement;
        }
        Reading reading;
        try {
            reading = read(pipeline);
        } catch (RuntimeException e) {
            reading = Reading.failed(subject(pipeline), e);
        }
        PipelineMeasurement.Builder result = measurement.toBuilder();
        if (reading.value() == null) {
            result.skip(metric, reading.skipReason());
        } else {
            result.publish(metric, reading.value());
        }
        return result.build(measurement.simulated());
    }

    /** Whether the pipeline declares what this metric measures. */
    protected abstract boolean appliesTo(MetricsConfig.PipelineConfig pipeline);

    /** What a failed read names, e.g. "the runs of workflow orders-daily". */
    protected abstract String subject(MetricsConfig.PipelineConfig pipeline);

    /** The metric's value for a pipeline it applies to; may throw when reading fails. */
    protected abstract Reading read(MetricsConfig.PipelineConfig pipeline);
}
