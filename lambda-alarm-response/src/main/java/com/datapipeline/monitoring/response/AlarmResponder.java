package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.DrillMarker;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.response.ResponseConfig.Route;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns one SNS delivery into one logged {@link Decision}. The order of the checks is the policy: foreign topic,
 * malformed, foreign alarm, drill, a successful run (which resumes paused triggers), not-an-alarm state, unknown route,
 * notify-only, remediation disabled, then the guard rails of {@link JobRemediator}.
 */
public final class AlarmResponder {

    private final ResponseConfig config;
    private final SourceTopics sources;
    private final JobRemediator remediator;
    private final DecisionLog log;
    private final PageDelivery pages;
    private final ConsoleLinks links;

    /** A responder that writes no pages (the tests of routing and guard rails). */
    public AlarmResponder(ResponseConfig config, SourceTopics sources, JobRemediator remediator, DecisionLog log) {
        this(config, sources, remediator, log, PageDelivery.NONE, null);
    }

    /**
     * @param pages where a failed run's page text goes
     * @param links the console of the function's Region, for the page's links; null: no page text at all
     */
    public AlarmResponder(
            ResponseConfig config,
            SourceTopics sources,
            JobRemediator remediator,
            DecisionLog log,
            PageDelivery pages,
            ConsoleLinks links) {
        this.config = config;
        this.sources = sources;
        this.remediator = remediator;
        this.log = log;
        this.pages = pages;
        this.links = links;
    }

    /**
     * Handles one SNS delivery. Returns normally for everything that a retry would not change (including malformed
     * input); throws the SDK's exception when AWS failed, after logging it.
     */
    public Decision respond(Delivery delivery) {
        Optional<String> foreignTopic = sources.foreignTopic(delivery.topicArn());
        if (foreignTopic.isPresent()) {
            return record(
                    delivery,
                    new Decision(null, null, null, null, Outcome.IGNORED_ORIGIN, foreignTopic.get(), null, null));
        }
        return switch (NotificationParser.parse(delivery.message())) {
            case ParseResult.Malformed malformed -> record(delivery, Decision.malformed(malformed.reason()));
            case ParseResult.Parsed parsed -> respond(delivery, parsed.notification());
        };
    }

    /** Logs an SNS event or record that carried no message to respond to. */
    public Decision malformedEnvelope(String reason) {
        return record(Delivery.NONE, Decision.malformed(reason));
    }

    private Decision respond(Delivery delivery, Notification notification) {
        if (notification instanceof AlarmNotification alarm) {
            Optional<String> foreignAlarm = SourceTopics.foreignAlarm(delivery.topicArn(), alarm.alarmArn());
            if (foreignAlarm.isPresent()) {
                return record(
                        delivery,
                        new Decision(
                                notification.routeKey(),
                                notification.state(),
                                null,
                                null,
                                Outcome.IGNORED_ORIGIN,
                                foreignAlarm.get(),
                                null,
                                null));
            }
        }
        Optional<Route> route = config.routeFor(notification.routeKey());
        String action = route.map(r -> r.action().configName()).orElse(null);
        String target = route.map(Route::jobName).orElse(null);
        if (notification.isDrill()) {
            return record(
                    delivery,
                    new Decision(
                            notification.routeKey(),
                            notification.state(),
                            action,
                            target,
                            Outcome.DRILL,
                            "fire drill (" + DrillMarker.TEXT + "); no remediation",
                            null,
                            null));
        }
        if (notification instanceof GlueJobStateNotification event
                && event.succeeded()
                && route.isPresent()
                && route.get().action().startsJob()
                && config.remediationEnabled()) {
            return resume(delivery, event, route.get());
        }
        if (!notification.isAlarm()) {
            return record(
                    delivery,
                    new Decision(
                            notification.routeKey(),
                            notification.state(),
                            action,
                            target,
                            Outcome.IGNORED_STATE,
                            "state " + notification.state() + " needs no response",
                            null,
                            null));
        }
        if (route.isEmpty()) {
            return record(
                    delivery,
                    new Decision(
                            notification.routeKey(),
                            notification.state(),
                            null,
                            null,
                            Outcome.UNKNOWN_ROUTE,
                            "no route for '" + notification.routeKey() + "' in "
                                    + MonitoringFunction.ALARM_RESPONSE.configVariable(),
                            null,
                            null));
        }
        if (!route.get().action().startsJob()) {
            return record(
                    delivery,
                    paged(
                            notification,
                            new Decision(
                                    notification.routeKey(),
                                    notification.state(),
                                    action,
                                    null,
                                    Outcome.NOTIFY_ONLY,
                                    "route is notify-only",
                                    null,
                                    null)));
        }
        if (!config.remediationEnabled()) {
            return record(
                    delivery,
                    paged(
                            notification,
                            new Decision(
                                    notification.routeKey(),
                                    notification.state(),
                                    action,
                                    target,
                                    Outcome.DISABLED,
                                    "remediation is disabled (remediationEnabled=false); would have" + " run " + action
                                            + " on " + target,
                                    null,
                                    null)));
        }
        Decision decision;
        try {
            decision = remediator.remediate(notification, route.get());
        } catch (SdkException e) {
            log.failed(delivery, notification, target, e);
            throw e;
        }
        return record(delivery, paged(notification, decision));
    }

    /** A run succeeded: the triggers a pause of its job stopped start again. */
    private Decision resume(Delivery delivery, GlueJobStateNotification event, Route route) {
        try {
            return record(delivery, remediator.resumeAfterSuccess(event, route));
        } catch (SdkException e) {
            log.failed(delivery, event, route.jobName(), e);
            throw e;
        }
    }

    /**
     * The decision with the page about its failed run: the one the remediator read, or for a Glue event that it did
     * not read, what the event says. A duplicate delivery pages nothing (its first delivery did).
     */
    private Decision paged(Notification notification, Decision decision) {
        if (links == null || decision.outcome() == Outcome.SKIPPED_DUPLICATE) {
            return decision;
        }
        if (notification instanceof GlueCrawlerStateNotification crawl && crawl.isAlarm()) {
            return pagedCrawl(crawl, decision);
        }
        RunFailure failure = decision.failure();
        if (failure == null && notification instanceof GlueJobStateNotification event && event.isAlarm()) {
            failure = RunFailure.ofEvent(event);
            decision = decision.about(failure);
        }
        if (failure == null) {
            return decision;
        }
        PipelinePage pipeline = config.pages().pipeline(failure.jobName());
        PageText text = PageText.of(
                pipeline,
                decision,
                failure,
                links,
                config.pages().runbookUrl(),
                config.pages().logGroups());
        PageDelivery.Result result = pipeline.pageAlarm()
                .map(alarm -> pages.deliver(alarm, text.fitted(PageText.STATE_REASON_LIMIT)))
                .orElse(new PageDelivery.Result(
                        PageDelivery.Status.NO_PAGE_ALARM,
                        "the configuration names no page alarm for " + failure.jobName()));
        return decision.with(new Decision.Page(text.full(), result));
    }

    /** A failed crawl raises the page of the pipeline its route names, with a text that names the crawler. */
    private Decision pagedCrawl(GlueCrawlerStateNotification crawl, Decision decision) {
        Optional<String> job = config.routeFor(crawl.routeKey()).map(Route::jobName);
        if (job.isEmpty()) {
            return decision;
        }
        PipelinePage pipeline = config.pages().pipeline(job.get());
        String text = CrawlerPageText.of(crawl, pipeline, links, config.pages().runbookUrl());
        PageDelivery.Result result = pipeline.pageAlarm()
                .map(alarm -> pages.deliver(alarm, PageText.cut(text, PageText.STATE_REASON_LIMIT)))
                .orElse(new PageDelivery.Result(
                        PageDelivery.Status.NO_PAGE_ALARM, "the configuration names no page alarm for " + job.get()));
        return decision.with(new Decision.Page(text, result));
    }

    private Decision record(Delivery delivery, Decision decision) {
        log.decided(delivery, decision);
        return decision;
    }
}
