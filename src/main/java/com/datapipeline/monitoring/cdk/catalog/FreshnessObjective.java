package com.datapipeline.monitoring.cdk.catalog;

import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.NumberText;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;

/**
 * A pipeline's availability objective for its output: "fresh {@code objectivePercent} % of the time over
 * {@value #WINDOW_DAYS} days", where fresh means OutputAgeSeconds at most the declared {@code freshWithinMinutes}.
 * Defined once here for the Application Signals SLO (period-based, one period per metric period) and the dashboard's
 * error-budget graph. A period without a data point counts as stale, as the freshness alarm treats missing data.
 *
 * @param pipeline         the pipeline's name (its Pipeline dimension)
 * @param freshWithinSeconds the freshness limit, the SLI's threshold
 * @param objectivePercent the attainment goal, in percent of the periods
 */
public record FreshnessObjective(String pipeline, long freshWithinSeconds, double objectivePercent) {
    /** The SLO's rolling window, as issue 19 asks (28 days: four whole weeks, so every weekday counts equally). */
    public static final int WINDOW_DAYS = 28;
    /** The dashboard draws the budget per hour: a 28-day graph at the metric's period would be thousands of points. */
    public static final Duration BUDGET_GRAPH_PERIOD = Duration.hours(1);

    /** The objective of a pipeline that declares an output with a freshness expectation; empty for any other. */
    public static Optional<FreshnessObjective> of(MonitoredPipeline pipeline) {
        return pipeline.stages()
                .output()
                .filter(output -> output.freshWithinMinutes().isPresent())
                .map(output -> new FreshnessObjective(
                        pipeline.jobName(),
                        output.freshWithinMinutes().getAsInt() * 60L,
                        output.freshObjectivePercent()));
    }

    /** The share of the window's periods that may be stale, 0 to 1: the error budget. */
    public double budgetFraction() {
        return (100 - objectivePercent) / 100;
    }

    /**
     * The SLI as metric math over OutputAgeSeconds: the age, with a missing period filled in as just past the limit,
     * so Application Signals and the graph count it as stale.
     */
    public String sliExpression(String ageId) {
        return "FILL(" + ageId + ", " + (freshWithinSeconds + 1) + ")";
    }

    /** How much of the error budget is left, in percent, over the graph's time range (28 days by default). */
    public MathExpression budgetRemainingPercent(Metric outputAgeSeconds) {
        long periods = WINDOW_DAYS * 24L / BUDGET_GRAPH_PERIOD.toHours().longValue();
        return MathExpression.Builder.create()
                .expression("100 - 100 * RUNNING_SUM(IF(" + sliExpression("age") + " > " + freshWithinSeconds
                        + ", 1, 0)) / " + NumberText.plain(budgetFraction() * periods))
                .usingMetrics(Map.of(
                        "age",
                        outputAgeSeconds.with(MetricOptions.builder()
                                .period(BUDGET_GRAPH_PERIOD)
                                .build())))
                .label("Error budget left (% of " + NumberText.plain(100 - objectivePercent) + " % of " + WINDOW_DAYS
                        + " days)")
                .period(BUDGET_GRAPH_PERIOD)
                .build();
    }
}
