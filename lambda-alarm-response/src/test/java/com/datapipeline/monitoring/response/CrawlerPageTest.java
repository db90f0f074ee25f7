package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A failed crawl of a pipeline's crawler reaches the response function as the raw "Glue Crawler State Change" event
 * (the stack's crawler rule forwards it unchanged): it raises the pipeline's one page with a text that names the
 * crawler and Glue's error, and starts nothing.
 */
class CrawlerPageTest {
    /** The documented "Crawler Failed" sample event's shape (EventBridge user guide, event types), as SNS carries it. */
    static final String FAILED_CRAWL = """
            {"version":"0","id":"01234567-0123-0123-0123-012345678901","detail-type":"Glue Crawler State Change",
             "source":"aws.glue","account":"123456789012","time":"2026-11-30T01:02:03Z","region":"us-east-1",
             "resources":[],
             "detail":{"crawlerName":"orders-raw-crawler","errorMessage":"Internal Service Exception",
                       "accountId":"123456789012","cloudWatchLogLink":"https://console.aws.amazon.com/cloudwatch/x",
                       "state":"Failed","message":"Crawler Failed"}}""";

    static final String CONFIG = PageTest.CONFIG.replace(
            "\"routes\":{",
            "\"routes\":{\"glue-crawler-state:orders-raw-crawler\":{\"action\":\"notify-only\","
                    + "\"jobName\":\"sample-etl-job\"},");

    final PageTest pageTest = new PageTest();

    @Test
    void theParserReadsTheRawCrawlerEventAndOnlyFailedIsAnAlarm() {
        Notification notification = ((ParseResult.Parsed) NotificationParser.parse(FAILED_CRAWL)).notification();

        assertThat(notification)
                .isEqualTo(new GlueCrawlerStateNotification(
                        "orders-raw-crawler", "Failed", "Internal Service Exception", "2026-11-30T01:02:03Z"));
        assertThat(notification.routeKey()).isEqualTo("glue-crawler-state:orders-raw-crawler");
        assertThat(notification.isAlarm()).isTrue();
        assertThat(((ParseResult.Parsed) NotificationParser.parse(FAILED_CRAWL
                                .replace("\"Failed\"", "\"Succeeded\"")
                                .replace(",\"errorMessage\":\"Internal Service Exception\"", "")))
                        .notification()
                        .isAlarm())
                .isFalse();
    }

    @Test
    void aFailedCrawlPagesItsPipelineOnceNamingTheCrawlerAndRestartsNothing() {
        Decision decision = pageTest.responder(CONFIG).respond(Corpus.deliveryOf(FAILED_CRAWL));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOTIFY_ONLY);
        assertThat(decision.page().text().lines().toList())
                .containsExactly(
                        "Pipeline sample-etl-job: Glue crawler orders-raw-crawler Failed at 2026-11-30T01:02:03Z",
                        "Error: Internal Service Exception",
                        CrawlerPageText.RESPONSE,
                        "Runbook: docs/runbook.md#crawler-failed",
                        "Crawler: https://console.aws.amazon.com/glue/home?region=us-east-1"
                                + "#/v2/data-catalog/crawlers/view/orders-raw-crawler",
                        "Dashboard: https://console.aws.amazon.com/cloudwatch/home?region=us-east-1"
                                + "#dashboards:name=DataPipelineMonitoring");
        assertThat(pageTest.pages.alarms).containsExactly("PipelineUnhealthyAlarm");
        assertThat(pageTest.pages.texts.getFirst()).startsWith("Pipeline sample-etl-job: Glue crawler orders-raw");
        assertThat(pageTest.glue.starts).isEmpty();
    }

    @Test
    void aCrawlerWithoutARouteIsLoggedAsUnknownAndPagesNothing() {
        Decision decision = pageTest.responder(PageTest.CONFIG).respond(Corpus.deliveryOf(FAILED_CRAWL));

        assertThat(decision.outcome()).isEqualTo(Outcome.UNKNOWN_ROUTE);
        assertThat(pageTest.pages.alarms).isEmpty();
    }
}
