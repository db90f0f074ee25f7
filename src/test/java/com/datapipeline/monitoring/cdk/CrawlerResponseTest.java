package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.contract.GlueEvents;
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
 * remediation topic, and the function's route table (read with its own parser) names the one pipeline each crawler
 * pages, notify-only: nothing is restarted. A crawler belongs to one pipeline: listed by two, the settings refuse it.
 */
class CrawlerResponseTest {
    private static TestStacks.Synthesized synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = TestStacks.synthesize(Map.of("monitoredJobs", """
                [{"jobName": "orders-etl",
                  "stages": [{"crawler": "orders-raw"}, {"job": "orders-etl"}, {"crawler": "orders-curated"}]},
                 {"jobName": "refunds-etl", "stages": [{"job": "refunds-etl"}, {"crawler": "refunds-curated"}]},
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
                                        List.of(GlueEvents.CRAWLER_STATE_CHANGE),
                                        "detail",
                                        Map.of(
                                                "crawlerName",
                                                List.of("orders-raw", "orders-curated", "refunds-curated"),
                                                "state",
                                                List.of("Failed"))),
                                "Targets",
                                List.of(Match.objectLike(Map.of("Arn", target, "Input", Match.absent())))));
        assertThat(String.valueOf(target.asObject())).contains("Remediation");
    }

    @Test
    void eachCrawlerRoutesNotifyOnlyToThePipelineThatListsIt() {
        ResponseConfig config = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                synthesized, "AlarmResponseFunction", MonitoringFunction.ALARM_RESPONSE));

        Map<String, String> owners =
                Map.of("orders-raw", "orders-etl", "orders-curated", "orders-etl", "refunds-curated", "refunds-etl");
        owners.forEach((crawler, pipeline) -> {
            ResponseConfig.Route route = config.routeFor(ResponseConfiguration.glueCrawlerStateRouteKey(crawler))
                    .orElseThrow();
            assertThat(route.action()).as(crawler).isEqualTo(RouteAction.NOTIFY_ONLY);
            assertThat(route.jobName()).as(crawler).isEqualTo(pipeline);
        });
        assertThat(config.pages().pipeline("orders-etl").pageAlarm()).contains("PipelineUnhealthyAlarm-orders-etl");
    }

    @Test
    void aCrawlerListedByTwoPipelinesIsRefusedWithOneLine() {
        assertThatThrownBy(() -> TestStacks.synthesize(Map.of("monitoredJobs", """
                        [{"jobName": "orders-etl", "stages": [{"crawler": "orders-raw"}, {"job": "orders-etl"}]},
                         {"jobName": "refunds-etl", "stages": [{"crawler": "orders-raw"}, {"job": "refunds-etl"}]}]""")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(
                        "context key 'monitoredJobs[refunds-etl].stages' is 'crawler orders-raw'; allowed: a crawler"
                                + " no other pipeline lists (orders-etl lists it; list it once, in the pipeline whose page its"
                                + " failure should raise)");
    }
}
