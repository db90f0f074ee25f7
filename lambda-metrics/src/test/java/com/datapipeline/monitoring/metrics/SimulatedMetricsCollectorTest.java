package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulatedMetricsCollectorTest {

    private static final PipelineConfig DEMO =
            new PipelineConfig("demo", "demo", MetricsSource.SIMULATE, null, null, null);

    @Test
    void valuesStayInTheLabRangesAndAreFlaggedSimulated() {
        SimulatedMetricsCollector collector = new SimulatedMetricsCollector(new SplittableRandom(42));
        for (int i = 0; i < 2_000; i++) {
            PipelineMeasurement m = collector.collect(DEMO);
            assertThat(m.simulated()).isTrue();
            assertThat(m.published().get(PipelineMetric.DATA_QUALITY_SCORE)).isBetween(80.0, 100.0);
            assertThat(m.published().get(PipelineMetric.ERROR_RATE)).isBetween(0.0, 5.0);
            assertThat(m.published().get(PipelineMetric.PROCESSING_LATENCY)).isBetween(10.0, 300.0);
            double records = m.published().get(PipelineMetric.RECORDS_PROCESSED);
            assertThat(records).isBetween(1000.0, 10000.0);
            assertThat(records).isEqualTo(Math.rint(records));
        }
    }

    @Test
    void sameSeedGivesTheSameValues() {
        PipelineMeasurement first = new SimulatedMetricsCollector(new SplittableRandom(7)).collect(DEMO);
        PipelineMeasurement second = new SimulatedMetricsCollector(new SplittableRandom(7)).collect(DEMO);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void metricsWithoutALabEquivalentAreSkipped() {
        PipelineMeasurement m = new SimulatedMetricsCollector(new SplittableRandom(1)).collect(DEMO);
        assertThat(m.skipped())
                .containsOnlyKeys(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, PipelineMetric.LONGEST_RUNNING_SECONDS);
    }
}
