package com.datapipeline.monitoring.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Adds OutputAgeSeconds to what another collector measured, for a pipeline that declares an output: the age of its
 * newest partition, table update or object ({@link OutputUpdateSource}). A skipped point (output unreadable or empty)
 * is missing data, which the freshness alarm treats as stale.
 */
public final class OutputFreshnessCollector extends AddedMetricCollector {

    private final OutputUpdateSource outputs;
    private final Clock clock;

    public OutputFreshnessCollector(MetricsCollector measured, OutputUpdateSource outputs, Clock clock) {
        super(measured, PipelineMetric.OUTPUT_AGE_SECONDS);
        this.outputs = Objects.requireNonNull(outputs, "outputs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected boolean appliesTo(MetricsConfig.PipelineConfig pipeline) {
        return pipeline.output() != null;
    }

    @Override
    protected String subject(MetricsConfig.PipelineConfig pipeline) {
        return pipeline.output().describe();
    }

    @Override
    protected Reading read(MetricsConfig.PipelineConfig pipeline) {
        Optional<Instant> newest = outputs.newestUpdate(pipeline.output());
        if (newest.isEmpty()) {
            return Reading.skipped(pipeline.output().describe() + " has no partition, update or object yet");
        }
        // A clock a little behind S3's or Glue's must not give a negative age.
        long seconds =
                Math.max(0, Duration.between(newest.get(), clock.instant()).toSeconds());
        return Reading.of((double) seconds);
    }
}
