package com.datapipeline.monitoring.contract;

import java.util.List;

/**
 * The alarm-response function's log lines: one decision line per notification ({@link #EVENT}), and an error line
 * ({@link #ERROR_EVENT}) when an AWS call failed and Lambda will retry. The app's "Alarm Response Audit" query shows
 * {@link #AUDIT_FIELDS}; `make verify`'s drill waits for the decision line of each drilled alarm.
 */
public final class DecisionLine {
    /** The {@link LogFields#EVENT} of a decision. */
    public static final String EVENT = "alarm-response";
    /** The {@link LogFields#EVENT} of a failure that is rethrown so that Lambda retries. */
    public static final String ERROR_EVENT = "alarm-response-error";

    /** The route key: an alarm name, or a {@link ResponseConfiguration#glueJobStateRouteKey}. */
    public static final String ALARM = "alarm";
    /** The notification's new state, e.g. ALARM. */
    public static final String STATE = "state";
    /** The route's {@link RouteAction#configName()}. */
    public static final String ACTION = "action";
    /** The Glue job the action targets. */
    public static final String TARGET = "target";
    /** How the notification was handled, e.g. {@link #DRILL_OUTCOME}. */
    public static final String OUTCOME = "outcome";

    public static final String REASON = "reason";
    public static final String JOB_RUN_ID = "jobRunId";
    public static final String INCIDENT = "incident";
    /** The failed run's {@link ErrorClass#configName()}; null when no failed run was read. */
    public static final String ERROR_CLASS = "errorClass";
    /** The text of the page the function sent about a failed run; null when it sent none. */
    public static final String PAGE = "page";
    /** How that page was delivered. */
    public static final String PAGE_DELIVERY = "pageDelivery";
    /** The SNS MessageId. */
    public static final String MESSAGE_ID = "messageId";
    /** The first characters of the message, for messages that could not be read. */
    public static final String EXCERPT = "excerpt";
    /** On an error line: the exception's class. */
    public static final String ERROR = "error";

    /** The outcome of a notification carrying the {@link DrillMarker}. */
    public static final String DRILL_OUTCOME = "drill";

    /** The fields of a decision the audit query shows, in its column order (after the log event's time). */
    public static final List<String> AUDIT_FIELDS = List.of(
            ALARM,
            STATE,
            ACTION,
            TARGET,
            OUTCOME,
            REASON,
            JOB_RUN_ID,
            INCIDENT,
            ERROR_CLASS,
            PAGE,
            PAGE_DELIVERY,
            MESSAGE_ID,
            EXCERPT);

    private DecisionLine() {}
}
