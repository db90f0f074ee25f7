package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.DrillMarker;
import com.datapipeline.monitoring.contract.GlueEvents;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.util.Objects;

/**
 * A raw "Glue Crawler State Change" event (docs/glue-events.md): a crawler of a pipeline Started, Succeeded or
 * Failed. Only Failed is an alarm; the response function never restarts a crawler, it only pages the pipeline the
 * crawler's route names, with a text that names the crawler.
 *
 * @param state        Started, Succeeded or Failed, capitalised as Glue sends it (unlike a job run's FAILED)
 * @param errorMessage Glue's error for a failed crawl, or Glue's message, or empty
 * @param time         the event's time, which with the crawler identifies one failed crawl
 */
public record GlueCrawlerStateNotification(String crawlerName, String state, String errorMessage, String time)
        implements Notification {

    public GlueCrawlerStateNotification {
        Objects.requireNonNull(crawlerName, "crawlerName");
        Objects.requireNonNull(state, "state");
        errorMessage = errorMessage == null ? "" : errorMessage;
    }

    @Override
    public String routeKey() {
        return ResponseConfiguration.glueCrawlerStateRouteKey(crawlerName);
    }

    @Override
    public boolean isAlarm() {
        return GlueEvents.CRAWLER_FAILED.equals(state);
    }

    @Override
    public boolean isDrill() {
        return DrillMarker.isDrill(errorMessage);
    }

    @Override
    public Incident incident() {
        return new Incident(crawlerName + "/crawl/" + time);
    }
}
