package com.datapipeline.monitoring.metrics;

import java.util.random.RandomGenerator;

/**
 * The lab's original behaviour: random values in the lab's ranges, for a pipeline configured with
 * {@code "source":"simulate"}. The measurement is flagged simulated so logs and EMF lines say so.
 * SecondsSinceLastSuccess and LongestRunningSeconds have no lab equivalent and are not simulated.
 */
public final class SimulatedMetricsCollector implements MetricsCollector {

    private final RandomGenerator random;

    public SimulatedMetricsCollector(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public PipelineMeasurement collect(MetricsConfig.PipelineConfig pipeline) {
        String reason = "not simulated: the lab has no equivalent";
        return new PipelineMeasurement.Builder()
                .publish(PipelineMetric.DATA_QUALITY_SCORE, random.nextDouble(80.0, 100.0))
                .publish(PipelineMetric.ERROR_RATE, random.nextDouble(0.0, 5.0))
                .publish(PipelineMetric.PROCESSING_LATENCY, random.nextDouble(10.0, 300.0))
                // The lab's random.randint(1000, 10000) includes both ends.
                .publish(PipelineMetric.RECORDS_PROCESSED, random.nextInt(1000, 10001))
                .skip(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, reason)
                .skip(PipelineMetric.LONGEST_RUNNING_SECONDS, reason)
                .build(true);
    }
}
