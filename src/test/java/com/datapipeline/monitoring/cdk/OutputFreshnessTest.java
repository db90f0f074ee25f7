package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import com.datapipeline.monitoring.metrics.OutputLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A multi-stage pipeline's output: OutputAgeSeconds measured by the metrics function (told where the output is, and
 * allowed to read only that), a freshness alarm at the declared expectation under the pipeline's one page, an
 * Application Signals SLO over 28 days, and the stages in order with their state and the error budget on the
 * dashboard.
 */
class OutputFreshnessTest {
    private static final String PIPELINES = """
            [{"jobName": "orders-etl",
              "stages": [{"crawler": "orders-raw"}, {"workflow": "orders-daily"}, {"job": "orders-etl"},
                         {"crawler": "orders-curated"}, {"dataQualityRuleset": "orders-checks"}],
              "output": {"glueTable": "curated.orders", "freshWithinMinutes": 1500}},
             {"jobName": "events-etl", "stages": [{"job": "events-etl"}],
              "output": {"s3Prefix": "s3://lake-bucket/events/daily/", "freshWithinMinutes": 90,
                         "freshObjectivePercent": 99.5}},
             {"jobName": "audit-etl", "output": {"s3Prefix": "s3://lake-bucket/audit/"}},
             "billing-etl"]""";
    private static TestStacks.Synthesized synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        synthesized = TestStacks.synthesize(Map.of("monitoredJobs", PIPELINES));
        template = synthesized.template();
    }

    @Test
    void theFreshnessAlarmFiresAtTheDeclaredExpectationAndMissingDataIsStale() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "PipelineOutputStaleAlarm-orders-etl",
                        "Namespace",
                        CustomMetric.NAMESPACE,
                        "MetricName",
                        CustomMetric.OUTPUT_AGE_SECONDS.metricName(),
                        "Dimensions",
                        List.of(Map.of("Name", "Pipeline", "Value", "orders-etl")),
                        "Statistic",
                        "Maximum",
                        "Threshold",
                        1500 * 60,
                        "ComparisonOperator",
                        "GreaterThanThreshold",
                        "TreatMissingData",
                        "breaching")));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("AlarmName", "PipelineOutputStaleAlarm-events-etl", "Threshold", 90 * 60)));
    }

    @Test
    void anOutputWithoutExpectationIsMeasuredButNotAlarmedAndAJobAloneIsNeither() throws Exception {
        assertThat(template.toJSON().toString())
                .doesNotContain("PipelineOutputStaleAlarm-audit-etl", "PipelineOutputStaleAlarm-billing-etl");
        MetricsConfig config = MetricsConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                synthesized, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::output)
                .containsExactly(
                        new OutputLocation.GlueTable("curated", "orders"),
                        new OutputLocation.S3Prefix("lake-bucket", "events/daily/"),
                        new OutputLocation.S3Prefix("lake-bucket", "audit/"),
                        null);
    }

    @Test
    void theFreshnessAlarmIsAChildOfThePipelinesOnePageBesideTheCrawlerAndRunAlarms() {
        Capture rule = new Capture();
        template.hasResourceProperties(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of("AlarmName", "PipelineUnhealthyAlarm-orders-etl", "AlarmRule", rule)));
        assertThat(String.valueOf(rule.asObject()))
                .contains(
                        alarmId("PipelineOutputStaleAlarm-orders-etl"),
                        alarmId("GlueCrawlerFailedAlarm-orders-etl"),
                        alarmId("GlueJobRunFailedAlarm-orders-etl"));
    }

    @Test
    void theMetricsFunctionMayReadOnlyTheDeclaredTableAndPrefix() {
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of(
                        "PolicyDocument", Match.objectLike(Map.of("Statement", statements)),
                        "Roles", List.of(Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("CustomMetrics.*")))))));
        String policy = String.valueOf(statements.asArray());
        assertThat(policy)
                .contains("ReadDeclaredOutputTables", "glue:GetTable", "glue:GetPartitions")
                .contains(":catalog", ":database/curated", ":table/curated/orders")
                .contains("ListDeclaredOutputPrefix", "s3:ListBucket", "s3:prefix=[events/daily/*]", "audit/*")
                .doesNotContain("s3:GetObject", "glue:GetTables", ":table/curated/*");
    }

    @Test
    void eachPipelineWithAnExpectationHasAnSloOfFreshPeriodsOver28Days() {
        template.resourceCountIs("AWS::ApplicationSignals::ServiceLevelObjective", 2);
        template.hasResourceProperties(
                "AWS::ApplicationSignals::ServiceLevelObjective",
                Match.objectLike(Map.of(
                        "Name", "PipelineOutputFreshness-events-etl",
                        "Sli",
                                Map.of(
                                        "SliMetric",
                                        Map.of(
                                                "MetricDataQueries",
                                                List.of(
                                                        Match.objectLike(Map.of(
                                                                "Id",
                                                                "age",
                                                                "ReturnData",
                                                                false,
                                                                "MetricStat",
                                                                Map.of(
                                                                        "Metric",
                                                                        Map.of(
                                                                                "Namespace",
                                                                                CustomMetric.NAMESPACE,
                                                                                "MetricName",
                                                                                "OutputAgeSeconds",
                                                                                "Dimensions",
                                                                                List.of(Map.of(
                                                                                        "Name",
                                                                                        "Pipeline",
                                                                                        "Value",
                                                                                        "events-etl"))),
                                                                        "Period",
                                                                        PipelineMetricSet.PERIOD
                                                                                .toSeconds()
                                                                                .intValue(),
                                                                        "Stat",
                                                                        "Maximum"))),
                                                        Map.of(
                                                                "Id",
                                                                "sli",
                                                                "Expression",
                                                                "FILL(age, 5401)",
                                                                "ReturnData",
                                                                true))),
                                        "MetricThreshold",
                                        5400,
                                        "ComparisonOperator",
                                        "LessThanOrEqualTo"),
                        "Goal",
                                Map.of(
                                        "Interval",
                                        Map.of("RollingInterval", Map.of("DurationUnit", "DAY", "Duration", 28)),
                                        "AttainmentGoal",
                                        99.5))));
        template.hasResourceProperties(
                "AWS::ApplicationSignals::ServiceLevelObjective",
                Match.objectLike(Map.of(
                        "Name",
                        "PipelineOutputFreshness-orders-etl",
                        "Goal",
                        Match.objectLike(Map.of("AttainmentGoal", 99)))));
    }

    @Test
    void theDashboardShowsTheStagesInOrderWithTheirStateAndTheErrorBudget() {
        String body = dashboardBody();
        String stages = "1. crawler `orders-raw`: GlueCrawlerFailedAlarm-orders-etl\\n"
                + "2. workflow `orders-daily`: no signal of its own yet (the output's freshness covers it)\\n"
                + "3. job `orders-etl`: GlueJobRunFailedAlarm-orders-etl, GlueJobStuckRunAlarm-orders-etl\\n"
                + "4. crawler `orders-curated`: GlueCrawlerFailedAlarm-orders-etl\\n"
                + "5. dataQualityRuleset `orders-checks`: ";
        assertThat(body).contains(stages).contains("6. output Glue table `curated.orders`: PipelineOutputStaleAlarm");
        assertThat(body)
                .contains("Stages in order - orders-etl: state")
                .contains("Output freshness: error budget - events-etl")
                .contains("\"start\":\"-P28D\"")
                .contains("100 - 100 * RUNNING_SUM(IF(FILL(age, 5401) > 5400, 1, 0)) / 3.36")
                .doesNotContain("Stages in order - billing-etl", "error budget - audit-etl");
    }

    private static String dashboardBody() {
        Map<String, Map<String, Object>> dashboards = template.findResources("AWS::CloudWatch::Dashboard");
        assertThat(dashboards).hasSize(1);
        return String.valueOf(dashboards.values().iterator().next().get("Properties"));
    }

    private static String alarmId(String name) {
        return TestStacks.alarmId(template, name);
    }
}
