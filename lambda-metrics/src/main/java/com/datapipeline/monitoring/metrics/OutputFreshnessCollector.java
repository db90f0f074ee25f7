package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.lambda.ErrorText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds OutputAgeSeconds to what another collector measured, for a pipeline that declares an output: the age of its
 * newest partition, table update or object ({@link OutputUpdateSource}). Failing to read the output only skips this
 * metric, with the error as the reason (the freshness alarm treats the missing point as stale), so the job's own
 * metrics are still published.
 */
public final class OutputFreshnessCollector implements MetricsCollector {

    private final MetricsCollector measured;
    private final OutputUpdateSource outputs;
    private final Clock clock;

    public OutputFreshnessCollector(MetricsCollector measured, OutputUpdateSource outputs, Clock clock) {
        this.measured = Objects.requireNonNull(measured, "measured");
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PipelineMeasurement collect(MetricsConfig.PipelineConfig pipeline) {
        PipelineMeasurement measurement = measured.collect(pipeline);
        if (pipeline.output() == null) {
            return measurement;
        }
        PipelineMeasurement.Builder result = measurement.toBuilder();
        PipelineMetric metric = PipelineMetric.OUTPUT_AGE_SECONDS;
        try {
            Optional<Instant> newest = outputs.newestUpdate(pipeline.output());
            if (newest.isEmpty()) {
                result.skip(metric, pipeline.output().describe() + " has no partition, update or object yet");
            } else {
                // A clock a little behind S3's or Glue's must not give a negative age.
                long seconds = Math.max(
                        0, Duration.between(newest.get(), clock.instant()).toSeconds());
                result.publish(metric, (double) seconds);
            }
        } catch (RuntimeException e) {
            result.skip(metric, "reading " + pipeline.output().describe() + " failed: " + ErrorText.describe(e));
        }
        return result.build(measurement.simulated());
    }
}
