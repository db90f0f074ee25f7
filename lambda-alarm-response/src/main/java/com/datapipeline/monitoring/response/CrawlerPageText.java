package com.datapipeline.monitoring.response;

import java.util.Objects;

/**
 * The page of a failed crawl: which pipeline and crawler, when, Glue's error, that nothing was restarted and why, and
 * links to the crawler in the Glue console and to the pipeline's dashboard. It raises the pipeline's one page, as a
 * failed run's text does; the job that reads the crawler's tables may fail next, and then finds the page open.
 */
public final class CrawlerPageText {
    /** Said in every crawler page: the function never starts a crawler (a rerun could overwrite the catalog). */
    static final String RESPONSE = "Response: not restarted: the response function never starts a crawler; rerun it"
            + " when its error is fixed, then the pipeline's next stages";

    private CrawlerPageText() {}

    static String of(GlueCrawlerStateNotification crawl, PipelinePage pipeline, ConsoleLinks links, String runbookUrl) {
        Objects.requireNonNull(crawl, "crawl");
        StringBuilder text = new StringBuilder()
                .append("Pipeline ")
                .append(pipeline.job())
                .append(": Glue crawler ")
                .append(crawl.crawlerName())
                .append(" Failed")
                .append(crawl.time() == null ? "" : " at " + crawl.time())
                .append('\n')
                .append("Error: ")
                .append(crawl.errorMessage().isBlank() ? "(Glue sent no error message)" : crawl.errorMessage())
                .append('\n')
                .append(RESPONSE)
                .append('\n')
                .append("Runbook: ")
                .append(pipeline.runbookUrl().orElse(runbookUrl))
                .append("#crawler-failed\n")
                .append("Crawler: ")
                .append(links.crawler(crawl.crawlerName()));
        pipeline.dashboard()
                .ifPresent(name -> text.append('\n').append("Dashboard: ").append(links.dashboard(name)));
        return text.toString();
    }
}
