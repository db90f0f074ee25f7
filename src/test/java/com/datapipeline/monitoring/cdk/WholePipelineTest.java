package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.catalog.StageMetrics;
import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * A multi-stage pipeline: each stage gets the alarms that fit it, from the stage's events, under the pipeline's one
 * page; a pipeline without stages, and a stack without crawlers, keeps exactly the job's alarms and rules.
 */
class WholePipelineTest {
    private static final String STAGED = """
            [{"jobName": "orders-etl",
              "stages": [{"crawler": "orders-raw"}, {"job": "orders-etl"}, {"crawler": "orders-curated"}],
              "output": {"glueTable": "curated.orders", "freshWithinMinutes": 1500}},
             {"jobName": "refunds-etl", "stages": [{"job": "refunds-etl"}, {"crawler": "refunds-curated"}]},
             "billing-etl"]""";
    private static Template staged;
    private static Template jobsOnly;

    @BeforeAll
    static void synthesize() {
        // Detailed metrics in both: a pipeline with a crawler keeps composite pages (its crawlers' alarm has no bit
        // in a one-alarm page), so only then are the job's own alarms the same with and without stages.
        staged = TestStacks.synthesize(Map.of("monitoredJobs", STAGED, "detailedMetrics", true))
                .template();
        jobsOnly = TestStacks.synthesize(Map.of(
                        "monitoredJobs", "[\"orders-etl\", \"refunds-etl\", \"billing-etl\"]", "detailedMetrics", true))
                .template();
    }

    @Test
    void oneRuleKeepsEveryStateChangeOfEveryDeclaredCrawlerInTheEventHistory() {
        Capture target = new Capture();
        staged.resourcePropertiesCountIs(
                "AWS::Events::Rule",
                Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.glue"),
                                "detail-type", List.of(GlueEvents.CRAWLER_STATE_CHANGE),
                                "detail",
                                        Match.objectEquals(Map.of(
                                                "crawlerName",
                                                List.of("orders-raw", "orders-curated", "refunds-curated"))))),
                1);
        staged.hasResourceProperties(
                "AWS::Events::Rule",
                Map.of(
                        "EventPattern",
                                Match.objectLike(Map.of("detail-type", List.of(GlueEvents.CRAWLER_STATE_CHANGE))),
                        "Targets", List.of(Match.objectLike(Map.of("Arn", target)))));
        assertThat(String.valueOf(target.asObject())).contains(":log-group:/aws/events/");
    }

    @Test
    void theEventHistoryCountsFailedCrawlsPerCrawler() {
        staged.hasResourceProperties(
                "AWS::Logs::MetricFilter",
                Map.of(
                        "FilterPattern",
                        "{ ($.detail.crawlerName = *) && ($.detail.state = \"Failed\") }",
                        "MetricTransformations",
                        List.of(Match.objectLike(Map.of(
                                "MetricName",
                                StageMetrics.FAILED_CRAWLS,
                                "MetricNamespace",
                                "DataPipelineMetrics",
                                "MetricValue",
                                "1",
                                "Dimensions",
                                List.of(Map.of(
                                        "Key", StageMetrics.CRAWLER_DIMENSION, "Value", "$.detail.crawlerName")))))));
    }

    @Test
    void aPipelineWithTwoCrawlersAlarmsWhenEitherFails() {
        staged.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "GlueCrawlerFailedAlarm-orders-etl",
                        "ComparisonOperator", "GreaterThanOrEqualToThreshold",
                        "Threshold", 1,
                        "TreatMissingData", "notBreaching",
                        "Metrics",
                                Match.arrayWith(List.of(
                                        Match.objectLike(Map.of("Expression", "MAX([FILL(c0, 0), FILL(c1, 0)])")),
                                        crawlerQuery("c0", "orders-raw"),
                                        crawlerQuery("c1", "orders-curated"))))));
    }

    @Test
    void aPipelineWithOneCrawlerAlarmsOnItsSeries() {
        staged.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "GlueCrawlerFailedAlarm-refunds-etl",
                        "MetricName",
                        StageMetrics.FAILED_CRAWLS,
                        "Statistic",
                        "Sum",
                        "Period",
                        60,
                        "Dimensions",
                        List.of(Map.of("Name", StageMetrics.CRAWLER_DIMENSION, "Value", "refunds-curated")))));
    }

    @Test
    void theCrawlerAlarmIsAChildOfItsPipelinesPageBesideTheRunFailedAlarm() {
        Capture rule = new Capture();
        staged.hasResourceProperties(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of("AlarmName", "PipelineUnhealthyAlarm-orders-etl", "AlarmRule", rule)));
        assertThat(String.valueOf(rule.asObject()))
                .contains(alarmId("GlueCrawlerFailedAlarm-orders-etl"), alarmId("GlueJobRunFailedAlarm-orders-etl"));
    }

    @Test
    void aPipelineWithoutCrawlersGetsNoCrawlerAlarm() {
        assertThat(staged.findResources(
                        "AWS::CloudWatch::Alarm",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(Map.of("AlarmName", "GlueCrawlerFailedAlarm-billing-etl"))))))
                .isEmpty();
    }

    @Test
    void aStackWithoutStagesHasNoCrawlerRuleFilterOrAlarm() {
        assertThat(jobsOnly.findResources(
                        "AWS::Logs::MetricFilter",
                        Match.objectLike(Map.of(
                                "Properties",
                                Match.objectLike(Map.of("FilterPattern", Match.stringLikeRegexp(".*crawlerName.*")))))))
                .isEmpty();
        assertThat(jobsOnly.toJSON().toString())
                .doesNotContain(GlueEvents.CRAWLER_STATE_CHANGE, "GlueCrawlerFailedAlarm");
        // The job's own alarms are the same with and without stages: the stages add two crawler alarms, the delivery
        // alarms of the crawler rules (history, failures) and the output's freshness alarm.
        assertThat(staged.findResources("AWS::CloudWatch::Alarm").size())
                .isEqualTo(jobsOnly.findResources("AWS::CloudWatch::Alarm").size() + 2 + 2 + 1);
    }

    private static String alarmId(String name) {
        return TestStacks.alarmId(staged, name);
    }

    private static Object crawlerQuery(String id, String crawler) {
        return Match.objectLike(Map.of(
                "Id",
                id,
                "MetricStat",
                Match.objectLike(Map.of(
                        "Metric",
                        Map.of(
                                "Namespace",
                                "DataPipelineMetrics",
                                "MetricName",
                                StageMetrics.FAILED_CRAWLS,
                                "Dimensions",
                                List.of(Map.of("Name", StageMetrics.CRAWLER_DIMENSION, "Value", crawler))),
                        "Stat",
                        "Sum",
                        "Period",
                        60))));
    }
}
