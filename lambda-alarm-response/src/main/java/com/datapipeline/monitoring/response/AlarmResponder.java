package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.response.ResponseConfig.Route;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Turns one SNS message into one logged {@link Decision}. The order of the checks is the policy:
 * malformed, drill, not-an-alarm state, unknown route, notify-only, remediation disabled, then the guard rails of
 * {@link JobRemediator}.
 */
public final class AlarmResponder {

    private final ResponseConfig config;
    private final JobRemediator remediator;
    private final DecisionLog log;

    public AlarmResponder(ResponseConfig config, GlueClient glue, Clock clock, DecisionLog log) {
        this.config = config;
        this.remediator = new JobRemediator(glue, clock, config.restartBudget());
        this.log = log;
    }

    /**
     * Handles one SNS message. Returns normally for everything that a retry would not change (including malformed
     * input); throws the SDK's exception when AWS failed, after logging it.
     */
    public Decision respond(String snsMessage) {
        return switch (NotificationParser.parse(snsMessage)) {
            case ParseResult.Malformed malformed -> record(Decision.malformed(malformed.reason()));
            case ParseResult.Parsed parsed -> respond(parsed.notification());
        };
    }

    /** Logs a message that could not even be taken out of its envelope. */
    public Decision malformedEnvelope(String reason) {
        return record(Decision.malformed(reason));
    }

    private Decision respond(Notification notification) {
        Optional<Route> route = config.routeFor(notification.routeKey());
        String action = route.map(r -> r.action().configName()).orElse(null);
        String target = route.map(Route::jobName).orElse(null);
        if (notification.isDrill()) {
            return record(new Decision(notification.routeKey(), notification.state(), action, target, Outcome.DRILL,
                    "fire drill (" + DrillMarker.TEXT + "); no remediation", null));
        }
        if (!notification.isAlarm()) {
            return record(new Decision(notification.routeKey(), notification.state(), action, target,
                    Outcome.IGNORED_STATE, "state " + notification.state() + " needs no response", null));
        }
        if (route.isEmpty()) {
            return record(new Decision(notification.routeKey(), notification.state(), null, null,
                    Outcome.UNKNOWN_ROUTE, "no route for '" + notification.routeKey() + "' in RESPONSE_CONFIG", null));
        }
        if (!route.get().action().startsJob()) {
            return record(new Decision(notification.routeKey(), notification.state(), action, null,
                    Outcome.NOTIFY_ONLY, "route is notify-only", null));
        }
        if (!config.remediationEnabled()) {
            return record(new Decision(notification.routeKey(), notification.state(), action, target,
                    Outcome.DISABLED, "remediation is disabled (remediationEnabled=false); would have run " + action
                            + " on " + target, null));
        }
        try {
            return record(remediator.remediate(notification, route.get()));
        } catch (SdkException e) {
            log.failed(notification, target, e);
            throw e;
        }
    }

    private Decision record(Decision decision) {
        log.decided(decision);
        return decision;
    }
}
