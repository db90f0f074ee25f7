package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.alarms.CrawlerEvents;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.response.ResponseConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;

/**
 * Crawler failures reach AlarmResponseFunction: a rule sends the declared crawlers' Failed events, unchanged, to the
 * remediation topic, and the function's route table (read with its own parser) names the pipeline each crawler pages,
 * notify-only: nothing is restarted.
 */
class CrawlerResponseTest {
    private static TestStacks.Synthesized synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = TestStacks.synthesize(Map.of("monitoredJobs", """
                [{"jobName": "orders-etl",
                  "stages": [{"crawler": "orders-raw"}, {"job": "orders-etl"}, {"crawler": "orders-curated"}]},
                 {"jobName": "refunds-etl", "stages": [{"job": "refunds-etl"}, {"crawler": "orders-raw"}]},
                 "billing-etl"]"""));
    }

    @Test
    void aRuleSendsTheDeclaredCrawlersFailedEventsRawToTheRemediationTopic() {
        Capture target = new Capture();
        synthesized
                .template()
                .hasResourceProperties(
                        "AWS::Events::Rule",
                        Map.of(
                                "EventPattern",
                                Map.of(
                                        "source",
                                        List.of("aws.glue"),
                                        "detail-type",
                                        List.of(CrawlerEvents.STATE_CHANGE),
                                        "detail",
                                        Map.of(
                                                "crawlerName",
                                                List.of("orders-raw", "orders-curated"),
                                                "state",
                                                List.of("Failed"))),
                                "Targets",
                                List.of(Match.objectLike(Map.of("Arn", target, "Input", Match.absent())))));
        assertThat(String.valueOf(target.asObject())).contains("Remediation");
    }

    @Test
    void eachCrawlerRoutesNotifyOnlyToTheFirstPipelineThatListsIt() {
        ResponseConfig config = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                synthesized, "AlarmResponseFunction", MonitoringFunction.ALARM_RESPONSE));

        for (String crawler : List.of("orders-raw", "orders-curated")) {
            ResponseConfig.Route route = config.routeFor(ResponseConfiguration.glueCrawlerStateRouteKey(crawler))
                    .orElseThrow();
            assertThat(route.action()).as(crawler).isEqualTo(RouteAction.NOTIFY_ONLY);
            assertThat(route.jobName()).as(crawler).isEqualTo("orders-etl");
        }
        assertThat(config.pages().pipeline("orders-etl").pageAlarm()).contains("PipelineUnhealthyAlarm-orders-etl");
    }
}
