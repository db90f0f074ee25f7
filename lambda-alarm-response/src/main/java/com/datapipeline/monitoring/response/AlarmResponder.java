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
    private final Pager pager;

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
        this(config, sources, remediator, log, pages, links, null);
    }

    /**
     * @param pager publishes the pages of one-alarm pipelines ({@code pageTopics}); null: those pages are only logged
     */
    public AlarmResponder(
            ResponseConfig config,
            SourceTopics sources,
            JobRemediator remediator,
            DecisionLog log,
            PageDelivery pages,
            ConsoleLinks links,
            Pager pager) {
        this.config = config;
        this.sources = sources;
        this.remediator = remediator;
        this.log = log;
        this.pages = pages;
        this.links = links;
        this.pager = pager;
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
        if (notification instanceof AlarmNotification alarm && pages()) {
            Optional<PipelinePage> paged = config.pages().pagedByAlarm(alarm.alarmName());
            if (paged.isPresent()) {
                return record(delivery, pageSignal(delivery, alarm, paged.get()));
            }
        }
        if (notification instanceof GlueJobStateNotification event && event.succeeded()) {
            Decision decision = route.isPresent() && route.get().action().startsJob() && config.remediationEnabled()
                    ? resume(delivery, event, route.get())
                    : ignoredState(notification, action, target);
            PipelinePage pipeline = config.pages().pipeline(event.jobName());
            if (pages() && pipeline.pagedByFunction()) {
                decision = resolvedBySuccess(delivery, event, pipeline, decision);
            }
            return record(delivery, decision);
        }
        if (!notification.isAlarm()) {
            return record(delivery, ignoredState(notification, action, target));
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
                            delivery,
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
                            delivery,
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
        return record(delivery, paged(delivery, notification, decision));
    }

    /** A notification whose state calls for no response. */
    private static Decision ignoredState(Notification notification, String action, String target) {
        return new Decision(
                notification.routeKey(),
                notification.state(),
                action,
                target,
                Outcome.IGNORED_STATE,
                "state " + notification.state() + " needs no response",
                null,
                null);
    }

    /** A run succeeded: the triggers a pause of its job stopped start again. */
    private Decision resume(Delivery delivery, GlueJobStateNotification event, Route route) {
        try {
            return remediator.resumeAfterSuccess(event, route);
        } catch (SdkException e) {
            log.failed(delivery, event, route.jobName(), e);
            throw e;
        }
    }

    /**
     * The decision with the page about its failed run: the one the remediator read, or for a Glue event that it did
     * not read, what the event says. A duplicate delivery pages nothing (its first delivery did).
     */
    private Decision paged(Delivery delivery, Notification notification, Decision decision) {
        if (links == null) {
            return decision;
        }
        boolean duplicate = decision.outcome() == Outcome.SKIPPED_DUPLICATE;
        Optional<PipelinePage> byFunction = notification instanceof GlueJobStateNotification event
                ? Optional.of(config.pages().pipeline(event.jobName())).filter(PipelinePage::pagedByFunction)
                : Optional.empty();
        // A one-alarm pipeline's page ledger knows whether its page went out: a retry after a failed publish (a
        // duplicate incident by then) must still page.
        if (duplicate && (byFunction.isEmpty() || !pages())) {
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
        PageDelivery.Result result;
        if (pipeline.pagedByFunction() && pages()) {
            String page = pipeline.pageAlarm().orElseThrow();
            try {
                result = pager.open(
                        page, pipeline.pageTopics().get(page), false, PagerMessages.runFailed(page, text, failure));
            } catch (RuntimeException e) {
                log.failed(delivery, notification, page, e);
                throw e;
            }
        } else {
            result = pipeline.pageAlarm()
                    .map(alarm -> pages.deliver(alarm, text.fitted(PageText.STATE_REASON_LIMIT)))
                    .orElse(new PageDelivery.Result(
                            PageDelivery.Status.NO_PAGE_ALARM,
                            "the configuration names no page alarm for " + failure.jobName()));
        }
        if (notification instanceof GlueJobStateNotification event
                && event.isAlarm()
                && !(duplicate && result.status() == PageDelivery.Status.ALREADY_OPEN)) {
            log.runFailurePaged(eventTime(event));
        }
        return decision.with(new Decision.Page(text.full(), result));
    }

    /** Whether this responder publishes the pages of one-alarm pipelines. */
    private boolean pages() {
        return pager != null && links != null;
    }

    /**
     * A one-alarm pipeline's page alarm changed state: on ALARM the page (unless a signal opened it already), on OK
     * after ALARM its one resolution.
     */
    private Decision pageSignal(Delivery delivery, AlarmNotification alarm, PipelinePage pipeline) {
        String topic = pipeline.pageTopics().get(alarm.alarmName());
        PageMessage message;
        PageDelivery.Result result;
        try {
            if (alarm.newState() == AlarmState.ALARM) {
                message = alarmPage(alarm, pipeline);
                result = pager.open(alarm.alarmName(), topic, true, message);
            } else if (alarm.newState() == AlarmState.OK
                    && AlarmState.ALARM.name().equals(alarm.oldState())) {
                message = PagerMessages.resolved(pipeline, alarm.alarmName(), "its page alarm returned to OK");
                result = pager.resolve(alarm.alarmName(), topic, message);
            } else {
                return new Decision(
                        alarm.routeKey(),
                        alarm.state(),
                        null,
                        null,
                        Outcome.IGNORED_STATE,
                        "state " + alarm.state() + " after " + alarm.oldState() + " neither opens nor resolves a page",
                        null,
                        null);
            }
        } catch (RuntimeException e) {
            log.failed(delivery, alarm, topic, e);
            throw e;
        }
        return new Decision(
                        alarm.routeKey(),
                        alarm.state(),
                        null,
                        null,
                        Outcome.PAGE_SIGNAL,
                        "the function is the pager of " + pipeline.job() + "'s one-alarm page",
                        null,
                        alarm.incident().id())
                .with(new Decision.Page(message.subject() + "\n" + message.body(), result));
    }

    /** The page of a page alarm's ALARM: its modes, and the newest failed run when a mode is about a run. */
    private PageMessage alarmPage(AlarmNotification alarm, PipelinePage pipeline) {
        Optional<PageText> runText = Optional.empty();
        if (PagerMessages.aboutARun(PagerMessages.firedModes(alarm.reason()))) {
            runText = remediator
                    .newestFailure(pipeline.job())
                    .map(failure -> PageText.of(
                            pipeline,
                            new Decision(
                                    alarm.routeKey(),
                                    alarm.state(),
                                    null,
                                    null,
                                    Outcome.PAGE_SIGNAL,
                                    "this page came from the page alarm; the run's own Glue event decides about a restart"
                                            + " (Alarm Response Audit)",
                                    failure.runId(),
                                    null),
                            failure,
                            links,
                            config.pages().runbookUrl(),
                            config.pages().logGroups()));
        }
        return PagerMessages.alarm(
                pipeline, alarm, runText, links, config.pages().runbookUrl());
    }

    /** The job succeeded: a page its failed run's event opened, and no alarm confirmed, is resolved. */
    private Decision resolvedBySuccess(
            Delivery delivery, GlueJobStateNotification event, PipelinePage pipeline, Decision decision) {
        String page = pipeline.pageAlarm().orElseThrow();
        PageMessage message = PagerMessages.resolved(
                pipeline, page, "run " + event.jobRunId() + " of " + event.jobName() + " succeeded");
        try {
            PageDelivery.Result result =
                    pager.resolveAfterSuccess(page, pipeline.pageTopics().get(page), message);
            return decision.with(new Decision.Page(message.subject() + "\n" + message.body(), result));
        } catch (RuntimeException e) {
            log.failed(delivery, event, page, e);
            throw e;
        }
    }

    /** When Glue says the run ended, for the guard's count; the function's clock when the event says nothing usable. */
    private static java.time.Instant eventTime(GlueJobStateNotification event) {
        try {
            return java.time.Instant.parse(event.time());
        } catch (RuntimeException e) {
            return java.time.Instant.now();
        }
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
