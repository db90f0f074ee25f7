package com.datapipeline.monitoring.metrics;

import static com.datapipeline.monitoring.metrics.Runs.NOW;
import static com.datapipeline.monitoring.metrics.Runs.minutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class GlueMetricsCollectorTest {

    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final PipelineConfig ORDERS = new PipelineConfig(
            "orders", "orders-etl", MetricsSource.GLUE, "/aws-glue/jobs/output", "orders-rules", null);

    private final List<Instant> requestedSince = new ArrayList<>();

    private GlueMetricsCollector collector(List<JobRun> runs, RecordsLogReader logs, DataQualitySource dq) {
        JobRunSource source = (jobName, since) -> {
            assertThat(jobName).isEqualTo("orders-etl");
            requestedSince.add(since);
            return runs;
        };
        return new GlueMetricsCollector(source, logs, dq, CLOCK, Duration.ofMinutes(1440), Duration.ofMinutes(5));
    }

    private static RecordsLogReader recordsByRun(Map<String, Long> records) {
        return (group, run) ->
                records.containsKey(run.id()) ? OptionalLong.of(records.get(run.id())) : OptionalLong.empty();
    }

    @Test
    void readsRunsFromTheStartOfTheLookbackWindow() {
        collector(List.of(), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.empty())
                .collect(ORDERS);
        assertThat(requestedSince).containsExactly(NOW.minus(Duration.ofDays(1)));
    }

    @Test
    void publishesEveryMeasuredMetricForAHealthyJob() {
        JobRun recent = Runs.finished("SUCCEEDED", minutes(12), minutes(2), 540);
        JobRun older = Runs.failed(minutes(62));
        PipelineMeasurement measurement = collector(
                        List.of(recent, older),
                        recordsByRun(Map.of(recent.id(), 4200L)),
                        (j, r, s) -> OptionalDouble.of(0.93))
                .collect(ORDERS);

        assertThat(measurement.published())
                .containsOnly(
                        Map.entry(PipelineMetric.ERROR_RATE, 50.0),
                        Map.entry(PipelineMetric.PROCESSING_LATENCY, 540.0),
                        Map.entry(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS, 120.0),
                        Map.entry(PipelineMetric.LONGEST_RUNNING_SECONDS, 0.0),
                        Map.entry(PipelineMetric.RECORDS_PROCESSED, 4200.0),
                        Map.entry(PipelineMetric.DATA_QUALITY_SCORE, 93.0));
        assertThat(measurement.skipped()).isEmpty();
        assertThat(measurement.simulated()).isFalse();
    }

    @Test
    void emptyWindowPublishesOnlyLongestRunningZeroAndSaysWhyTheRestIsMissing() {
        PipelineMeasurement measurement = collector(
                        List.of(), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.empty())
                .collect(ORDERS);

        assertThat(measurement.published()).containsOnly(Map.entry(PipelineMetric.LONGEST_RUNNING_SECONDS, 0.0));
        assertThat(measurement.skipped())
                .containsOnlyKeys(
                        PipelineMetric.ERROR_RATE,
                        PipelineMetric.PROCESSING_LATENCY,
                        PipelineMetric.SECONDS_SINCE_LAST_SUCCESS,
                        PipelineMetric.RECORDS_PROCESSED,
                        PipelineMetric.DATA_QUALITY_SCORE);
        assertThat(measurement.skipped().get(PipelineMetric.SECONDS_SINCE_LAST_SUCCESS))
                .contains("missing data as breaching");
    }

    @Test
    void noDataQualityResultPublishesNoScore() {
        PipelineMeasurement measurement = collector(
                        List.of(Runs.succeeded(minutes(1))),
                        recordsByRun(Map.of()),
                        (j, r, s) -> OptionalDouble.empty())
                .collect(ORDERS);

        assertThat(measurement.published()).doesNotContainKey(PipelineMetric.DATA_QUALITY_SCORE);
        assertThat(measurement.skipped().get(PipelineMetric.DATA_QUALITY_SCORE)).contains("no data quality result");
    }

    @Test
    void dataQualityIsNotReadWithoutARuleset() {
        PipelineConfig noRuleset = new PipelineConfig("orders", "orders-etl", MetricsSource.GLUE, null, null, null);
        DataQualitySource mustNotBeCalled = (j, r, s) -> {
            throw new AssertionError("called");
        };
        PipelineMeasurement measurement =
                collector(List.of(), recordsByRun(Map.of()), mustNotBeCalled).collect(noRuleset);

        assertThat(measurement.skipped())
                .containsEntry(PipelineMetric.DATA_QUALITY_SCORE, "no dataQualityRuleset configured");
        assertThat(measurement.skipped())
                .containsEntry(PipelineMetric.RECORDS_PROCESSED, "no outputLogGroup configured");
    }

    @Test
    void recordsAreSummedOverRunsThatSucceededInTheIntervalOnly() {
        JobRun first = Runs.succeeded(minutes(4));
        JobRun second = Runs.succeeded(minutes(1));
        JobRun withoutLine = Runs.succeeded(minutes(2));
        JobRun previousInterval = Runs.succeeded(minutes(6));
        PipelineMeasurement measurement = collector(
                        List.of(second, withoutLine, first, previousInterval),
                        recordsByRun(Map.of(first.id(), 1000L, second.id(), 250L, previousInterval.id(), 99_999L)),
                        (j, r, s) -> OptionalDouble.empty())
                .collect(ORDERS);

        assertThat(measurement.published()).containsEntry(PipelineMetric.RECORDS_PROCESSED, 1250.0);
    }

    @Test
    void recordsAreSkippedWhenNoRunSucceededInTheInterval() {
        PipelineMeasurement measurement = collector(
                        List.of(Runs.succeeded(minutes(30))),
                        recordsByRun(Map.of()),
                        (j, r, s) -> OptionalDouble.empty())
                .collect(ORDERS);

        assertThat(measurement.published()).doesNotContainKey(PipelineMetric.RECORDS_PROCESSED);
        assertThat(measurement.skipped().get(PipelineMetric.RECORDS_PROCESSED)).contains("no run succeeded");
    }

    @Test
    void recordsAreSkippedWhenNoRunLoggedTheLine() {
        PipelineMeasurement measurement = collector(
                        List.of(Runs.succeeded(minutes(1))),
                        recordsByRun(Map.of()),
                        (j, r, s) -> OptionalDouble.empty())
                .collect(ORDERS);

        assertThat(measurement.skipped().get(PipelineMetric.RECORDS_PROCESSED)).contains("Processed N records");
    }

    @Test
    void logReadFailureSkipsOnlyRecordsProcessed() {
        RecordsLogReader denied = (group, run) -> {
            throw new IllegalStateException("AccessDenied on logs:FilterLogEvents");
        };
        PipelineMeasurement measurement = collector(
                        List.of(Runs.succeeded(minutes(1))), denied, (j, r, s) -> OptionalDouble.of(1.0))
                .collect(ORDERS);

        assertThat(measurement.skipped().get(PipelineMetric.RECORDS_PROCESSED)).contains("AccessDenied");
        assertThat(measurement.published()).containsKeys(PipelineMetric.ERROR_RATE, PipelineMetric.DATA_QUALITY_SCORE);
    }

    @Test
    void failureToReadRunsFailsThePipeline() {
        JobRunSource notFound = (jobName, since) -> {
            throw new IllegalStateException("EntityNotFoundException: job orders-etl");
        };
        GlueMetricsCollector collector = new GlueMetricsCollector(
                notFound,
                recordsByRun(Map.of()),
                (j, r, s) -> OptionalDouble.empty(),
                CLOCK,
                Duration.ofDays(1),
                Duration.ofMinutes(5));

        assertThatThrownBy(() -> collector.collect(ORDERS)).hasMessageContaining("EntityNotFoundException");
    }

    @Test
    void nonFiniteDataQualityScoreIsSkippedNotPublished() {
        PipelineMeasurement measurement = collector(
                        List.of(), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.of(Double.NaN))
                .collect(ORDERS);

        assertThat(measurement.published()).doesNotContainKey(PipelineMetric.DATA_QUALITY_SCORE);
        assertThat(measurement.skipped().get(PipelineMetric.DATA_QUALITY_SCORE)).contains("not a finite number");
    }

    @Test
    void aPricePerDpuHourPublishesTheIntervalsDpuHoursAndTheirCost() {
        PipelineConfig priced = priced(null, true);
        RunCapacity fiveDpus = new RunCapacity(null, 5.0, "G.1X", 5);
        JobRun finished = new JobRun(
                "jr_1", "FAILED", NOW.minus(minutes(40)), NOW.minus(minutes(2)), 1440, fiveDpus); // 2 DPU-hours
        JobRun earlier =
                new JobRun("jr_0", "SUCCEEDED", NOW.minus(minutes(90)), NOW.minus(minutes(60)), 1800, fiveDpus);

        PipelineMeasurement measurement = collector(
                        List.of(finished, earlier), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.empty())
                .collect(priced);

        assertThat(measurement.published())
                .containsEntry(PipelineMetric.DPU_HOURS, 2.0)
                .containsEntry(PipelineMetric.RUN_COST_USD, 1.0);
    }

    @Test
    void withoutAPriceNoCostIsPublishedNorSkipped() {
        RunCapacity fiveDpus = new RunCapacity(null, 5.0, "G.1X", 5);
        JobRun finished =
                new JobRun("jr_1", "SUCCEEDED", NOW.minus(minutes(40)), NOW.minus(minutes(2)), 1440, fiveDpus);
        PipelineMeasurement measurement = collector(
                        List.of(finished), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.empty())
                .collect(ORDERS);

        assertThat(measurement.published()).doesNotContainKeys(PipelineMetric.DPU_HOURS, PipelineMetric.RUN_COST_USD);
        assertThat(measurement.skipped()).doesNotContainKeys(PipelineMetric.DPU_HOURS, PipelineMetric.RUN_COST_USD);
    }

    @Test
    void aMonthlyBudgetPublishesTheMonthsProjectedCost() {
        PipelineConfig budgeted = priced(100.0, true);
        RunCapacity fiveDpus = new RunCapacity(null, 5.0, "G.1X", 5, "4.0");
        // NOW is 1 June, 12:00 UTC: a run of this month (2 DPU-hours, $1) and one of May.
        JobRun june = new JobRun("jr_1", "SUCCEEDED", NOW.minus(minutes(40)), NOW.minus(minutes(16)), 1440, fiveDpus);
        JobRun may = new JobRun(
                "jr_0", "SUCCEEDED", NOW.minus(Duration.ofDays(1)), NOW.minus(minutes(1400)), 1440, fiveDpus);

        PipelineMeasurement measurement = collector(
                        List.of(june, may), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.empty())
                .collect(budgeted);
        // $1 on the 1st of a 30-day month.
        assertThat(measurement.published()).containsEntry(PipelineMetric.PROJECTED_MONTHLY_COST_USD, 30.0);

        PipelineMeasurement unbudgeted = collector(
                        List.of(june, may), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.empty())
                .collect(priced(null, true));
        assertThat(unbudgeted.published()).doesNotContainKey(PipelineMetric.PROJECTED_MONTHLY_COST_USD);
    }

    @Test
    void aBudgetWithoutRunCostMetricsPublishesOnlyTheProjection() {
        RunCapacity fiveDpus = new RunCapacity(null, 5.0, "G.1X", 5, "4.0");
        JobRun june = new JobRun("jr_1", "SUCCEEDED", NOW.minus(minutes(40)), NOW.minus(minutes(2)), 1440, fiveDpus);
        PipelineMeasurement measurement = collector(
                        List.of(june), recordsByRun(Map.of()), (j, r, s) -> OptionalDouble.empty())
                .collect(priced(100.0, false));
        assertThat(measurement.published())
                .containsEntry(PipelineMetric.PROJECTED_MONTHLY_COST_USD, 30.0)
                .doesNotContainKeys(PipelineMetric.DPU_HOURS, PipelineMetric.RUN_COST_USD);
    }

    /** A pipeline priced at $0.50 per DPU-hour. */
    private static PipelineConfig priced(Double monthlyBudgetUsd, boolean runCostMetrics) {
        return new PipelineConfig(
                "orders",
                "orders-etl",
                MetricsSource.GLUE,
                null,
                null,
                null,
                true,
                Optional.empty(),
                null,
                0.5,
                monthlyBudgetUsd,
                runCostMetrics,
                null,
                List.of());
    }
}
