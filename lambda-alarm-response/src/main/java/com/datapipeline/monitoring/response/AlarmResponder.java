package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.DrillMarker;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.response.ResponseConfig.Route;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns one SNS delivery into one logged {@link Decision}. The order of the checks is the policy: foreign topic,
 * malformed, foreign alarm, drill, not-an-alarm state, unknown route, notify-only, remediation disabled, then the
 * guard rails of {@link JobRemediator}.
 */
public final class AlarmResponder {

    private final ResponseConfig config;
    private final SourceTopics sources;
    private final JobRemediator remediator;
    private final DecisionLog log;

    public AlarmResponder(ResponseConfig config, SourceTopics sources, JobRemediator remediator, DecisionLog log) {
        this.config = config;
        this.sources = sources;
        this.remediator = remediator;
        this.log = log;
    }

    /**
     * Handles one SNS delivery. Returns normally for everything that a retry would not change (including malformed
     * input); throws the SDK's exception when AWS failed, after logging it.
     */
    public Decision respond(Delivery delivery) {
        Optional<String> foreignTopic = sources.foreignTopic(delivery.topicArn());
        if (foreignTopic.isPresent()) {
            return record(delivery, new Decision(null, null, null, null, Outcome.IGNORED_ORIGIN, foreignTopic.get(),
                    null, null));
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
                return record(delivery, new Decision(notification.routeKey(), notification.state(), null, null,
                        Outcome.IGNORED_ORIGIN, foreignAlarm.get(), null, null));
            }
        }
        Optional<Route> route = config.routeFor(notification.routeKey());
        String action = route.map(r -> r.action().configName()).orElse(null);
        String target = route.map(Route::jobName).orElse(null);
        if (notification.isDrill()) {
            return record(delivery, new Decision(notification.routeKey(), notification.state(), action, target,
                    Outcome.DRILL, "fire drill (" + DrillMarker.TEXT + "); no remediation", null, null));
        }
        if (!notification.isAlarm()) {
            return record(delivery, new Decision(notification.routeKey(), notification.state(), action, target,
                    Outcome.IGNORED_STATE, "state " + notification.state() + " needs no response", null, null));
        }
        if (route.isEmpty()) {
            return record(delivery, new Decision(notification.routeKey(), notification.state(), null, null,
                    Outcome.UNKNOWN_ROUTE, "no route for '" + notification.routeKey() + "' in "
                    + MonitoringFunction.ALARM_RESPONSE.configVariable(), null, null));
        }
        if (!route.get().action().startsJob()) {
            return record(delivery, new Decision(notification.routeKey(), notification.state(), action, null,
                    Outcome.NOTIFY_ONLY, "route is notify-only", null, null));
        }
        if (!config.remediationEnabled()) {
            return record(delivery, new Decision(notification.routeKey(), notification.state(), action, target,
                    Outcome.DISABLED, "remediation is disabled (remediationEnabled=false); would have run " + action
                            + " on " + target, null, null));
        }
        try {
            return record(delivery, remediator.remediate(notification, route.get()));
        } catch (SdkException e) {
            log.failed(delivery, notification, target, e);
            throw e;
        }
    }

    private Decision record(Delivery delivery, Decision decision) {
        log.decided(delivery, decision);
        return decision;
    }
}
