package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.catalog.FreshnessObjective;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.NumberText;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.applicationsignals.CfnServiceLevelObjective;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.constructs.Construct;

/**
 * A pipeline's output-freshness objective as a CloudWatch Application Signals SLO
 * ({@code AWS::ApplicationSignals::ServiceLevelObjective}): period-based, its SLI OutputAgeSeconds (missing periods
 * filled in as stale) at most the declared limit, its goal the declared percent of a rolling {@value
 * FreshnessObjective#WINDOW_DAYS}-day window. Application Signals then keeps the attainment and the error budget,
 * with its budget reports and burn rates; the dashboard draws the budget from the same definition. Only pipelines
 * that declare {@code output.freshWithinMinutes} get one.
 */
public final class FreshnessSlo {
    public static final String BASE_NAME = "PipelineOutputFreshness";
    /** The SLO's period: one metric period, the metrics function's schedule. */
    private static final int PERIOD_SECONDS = (int) PipelineMetricSet.PERIOD.toSeconds();

    private FreshnessSlo() {}

    /** The SLO of a pipeline with a freshness expectation, in its construct tree; empty for any other. */
    public static Optional<CfnServiceLevelObjective> of(
            Construct pipelineScope, MonitoredPipeline pipeline, PipelineMetricSet metrics, ResourceNames names) {
        return FreshnessObjective.of(pipeline)
                .map(objective -> create(pipelineScope, objective, metrics, names.perPipeline(BASE_NAME, pipeline)));
    }

    private static CfnServiceLevelObjective create(
            Construct scope, FreshnessObjective objective, PipelineMetricSet metrics, String name) {
        Metric age = metrics.outputAgeSeconds();
        return CfnServiceLevelObjective.Builder.create(scope, "OutputFreshnessObjective")
                .name(sloName(name))
                .description("Output of pipeline " + objective.pipeline() + " fresh (OutputAgeSeconds at most "
                        + objective.freshWithinSeconds() + " s) " + NumberText.plain(objective.objectivePercent())
                        + " % of the time over " + FreshnessObjective.WINDOW_DAYS + " days")
                .sli(CfnServiceLevelObjective.SliProperty.builder()
                        .sliMetric(CfnServiceLevelObjective.SliMetricProperty.builder()
                                .metricDataQueries(List.of(
                                        CfnServiceLevelObjective.MetricDataQueryProperty.builder()
                                                .id("age")
                                                .metricStat(CfnServiceLevelObjective.MetricStatProperty.builder()
                                                        .metric(CfnServiceLevelObjective.MetricProperty.builder()
                                                                .namespace(age.getNamespace())
                                                                .metricName(age.getMetricName())
                                                                .dimensions(age.getDimensions().entrySet().stream()
                                                                        .map(dimension -> (Object)
                                                                                CfnServiceLevelObjective
                                                                                        .DimensionProperty.builder()
                                                                                        .name(dimension.getKey())
                                                                                        .value(String.valueOf(
                                                                                                dimension.getValue()))
                                                                                        .build())
                                                                        .toList())
                                                                .build())
                                                        .period(PERIOD_SECONDS)
                                                        .stat(age.getStatistic())
                                                        .build())
                                                .returnData(false)
                                                .build(),
                                        CfnServiceLevelObjective.MetricDataQueryProperty.builder()
                                                .id("sli")
                                                .expression(objective.sliExpression("age"))
                                                .returnData(true)
                                                .build()))
                                .build())
                        .metricThreshold(objective.freshWithinSeconds())
                        .comparisonOperator("LessThanOrEqualTo")
                        .build())
                .goal(CfnServiceLevelObjective.GoalProperty.builder()
                        .interval(CfnServiceLevelObjective.IntervalProperty.builder()
                                .rollingInterval(CfnServiceLevelObjective.RollingIntervalProperty.builder()
                                        .durationUnit("DAY")
                                        .duration(FreshnessObjective.WINDOW_DAYS)
                                        .build())
                                .build())
                        .attainmentGoal(objective.objectivePercent())
                        .build())
                .build();
    }

    /** An SLO name is 1-128 letters, digits, spaces, '-', '.' or '_', starting and ending with a letter or digit. */
    static String sloName(String name) {
        String cleaned = name.replaceAll("[^-._0-9A-Za-z ]", "-");
        cleaned = cleaned.length() > 128 ? cleaned.substring(0, 128) : cleaned;
        return cleaned.replaceAll("^[^0-9A-Za-z]+|[^0-9A-Za-z]+$", "");
    }
}
