package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.lambda.ErrorText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Measures a pipeline from its Glue job: runs in the look-back window ({@link GlueRunMetrics}), records
 * from the job's final log line, and the newest Data Quality score.
 *
 * <p>Failing to read the runs fails the pipeline. Failing to read the logs or the Data Quality results only
 * skips that metric, with the error as the reason, so one missing permission does not hide the others.
 */
public final class GlueMetricsCollector implements MetricsCollector {

    private final JobRunSource runs;
    private final RecordsLogReader recordsLog;
    private final DataQualitySource dataQuality;
    private final Clock clock;
    private final Duration lookback;
    private final Duration interval;
    private final MonthToDateCost monthToDate;

    public GlueMetricsCollector(
            JobRunSource runs,
            RecordsLogReader recordsLog,
            DataQualitySource dataQuality,
            Clock clock,
            Duration lookback,
            Duration interval) {
        this.runs = runs;
        this.recordsLog = recordsLog;
        this.dataQuality = dataQuality;
        this.clock = clock;
        this.lookback = lookback;
        this.interval = interval;
        this.monthToDate = new MonthToDateCost(runs);
    }

    @Override
    public PipelineMeasurement collect(MetricsConfig.PipelineConfig pipeline) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(lookback);
        List<JobRun> jobRuns = runs.recentRuns(pipeline.jobName(), windowStart);
        String window = "in the last " + lookback.toMinutes() + " minutes";
        PipelineMeasurement.Builder measurement = new PipelineMeasurement.Builder();

        publishOrSkip(
                measurement,
                PipelineMetric.ERROR_RATE,
                GlueRunMetrics.errorRatePercent(jobRuns, windowStart),
                "no run finished " + window);
        publishOrSkip(
                measurement,
                PipelineMetric.PROCESSING_LATENCY,
                GlueRunMetrics.processingLatencySeconds(jobRuns, windowStart),
                "no finished run with a known duration " + window);
        publishOrSkip(
                measurement,
                PipelineMetric.SECONDS_SINCE_LAST_SUCCESS,
                GlueRunMetrics.secondsSinceLastSuccess(jobRuns, now),
                "no successful run " + window + " (the alarm treats missing data as breaching)");
        measurement.publish(PipelineMetric.LONGEST_RUNNING_SECONDS, GlueRunMetrics.longestRunningSeconds(jobRuns, now));
        addRecordsProcessed(measurement, pipeline, GlueRunMetrics.succeededInInterval(jobRuns, now, interval));
        addDataQualityScore(measurement, pipeline, windowStart, window);
        addRunCost(measurement, pipeline, jobRuns, now);
        return measurement.build(false);
    }

    private void addRecordsProcessed(
            PipelineMeasurement.Builder measurement, MetricsConfig.PipelineConfig pipeline, List<JobRun> succeeded) {
        PipelineMetric metric = PipelineMetric.RECORDS_PROCESSED;
        if (pipeline.outputLogGroup() == null) {
            measurement.skip(metric, "no outputLogGroup configured");
            return;
        }
        if (succeeded.isEmpty()) {
            measurement.skip(metric, "no run succeeded in the last " + interval.toMinutes() + " minutes");
            return;
        }
        try {
            long total = 0;
            int runsWithCount = 0;
            for (JobRun run : succeeded) {
                OptionalLong records = recordsLog.recordsProcessed(pipeline.outputLogGroup(), run);
                if (records.isPresent()) {
                    total += records.getAsLong();
                    runsWithCount++;
                }
            }
            if (runsWithCount == 0) {
                measurement.skip(
                        metric,
                        "none of the " + succeeded.size()
                                + " runs that succeeded in the interval logged 'Processed N records'");
            } else {
                measurement.publish(metric, (double) total);
            }
        } catch (RuntimeException e) {
            measurement.skip(metric, "reading " + pipeline.outputLogGroup() + " failed: " + ErrorText.describe(e));
        }
    }

    private void addRunCost(
            PipelineMeasurement.Builder measurement,
            MetricsConfig.PipelineConfig pipeline,
            List<JobRun> jobRuns,
            Instant now) {
        if (pipeline.pricePerDpuHour() == null) {
            return;
        }
        if (pipeline.runCostMetrics()) {
            OptionalDouble dpuHours = GlueRunMetrics.dpuHoursInInterval(jobRuns, now, interval);
            String reason = "no run with a known capacity finished in the last " + interval.toMinutes() + " minutes";
            publishOrSkip(measurement, PipelineMetric.DPU_HOURS, dpuHours, reason);
            publishOrSkip(
                    measurement,
                    PipelineMetric.RUN_COST_USD,
                    dpuHours.isPresent()
                            ? OptionalDouble.of(
                                    GlueRunMetrics.costUsd(dpuHours.getAsDouble(), pipeline.pricePerDpuHour()))
                            : dpuHours,
                    reason);
        }
        if (pipeline.monthlyBudgetUsd() != null) {
            addProjectedMonthlyCost(measurement, pipeline, jobRuns, now);
        }
    }

    /** The month's projected cost; a failed read of the month's runs skips it, the other metrics stay. */
    private void addProjectedMonthlyCost(
            PipelineMeasurement.Builder measurement,
            MetricsConfig.PipelineConfig pipeline,
            List<JobRun> jobRuns,
            Instant now) {
        try {
            double monthToDateUsd = GlueRunMetrics.costUsd(
                    monthToDate.dpuHours(pipeline.jobName(), jobRuns, now), pipeline.pricePerDpuHour());
            measurement.publish(
                    PipelineMetric.PROJECTED_MONTHLY_COST_USD, MonthlyCost.projectedUsd(monthToDateUsd, now));
        } catch (RuntimeException e) {
            measurement.skip(
                    PipelineMetric.PROJECTED_MONTHLY_COST_USD,
                    "reading the month's runs failed: " + ErrorText.describe(e));
        }
    }

    private void addDataQualityScore(
            PipelineMeasurement.Builder measurement,
            MetricsConfig.PipelineConfig pipeline,
            Instant windowStart,
            String window) {
        PipelineMetric metric = PipelineMetric.DATA_QUALITY_SCORE;
        if (pipeline.dataQualityRuleset() == null) {
            measurement.skip(metric, "no dataQualityRuleset configured");
            return;
        }
        try {
            OptionalDouble score =
                    dataQuality.latestScore(pipeline.jobName(), pipeline.dataQualityRuleset(), windowStart);
            // Glue reports the score as a fraction 0-1; the metric is a Percent.
            publishOrSkip(
                    measurement,
                    metric,
                    score.isPresent() ? OptionalDouble.of(score.getAsDouble() * 100) : score,
                    "no data quality result for ruleset " + pipeline.dataQualityRuleset() + " " + window);
        } catch (RuntimeException e) {
            measurement.skip(metric, "reading data quality results failed: " + ErrorText.describe(e));
        }
    }

    private static void publishOrSkip(
            PipelineMeasurement.Builder measurement,
            PipelineMetric metric,
            OptionalDouble value,
            String reasonWhenEmpty) {
        if (value.isPresent()) {
            measurement.publish(metric, value.getAsDouble());
        } else {
            measurement.skip(metric, reasonWhenEmpty);
        }
    }
}
