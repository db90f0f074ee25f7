package com.datapipeline.monitoring.response;

/** Logs Insights query over this function's log group: every decision it took, newest first. */
public final class AuditQuery {

    public static final String TEXT = "fields @timestamp, alarm, state, action, target, outcome, reason, jobRunId,"
            + " incident, errorClass, page, pageDelivery, messageId, excerpt"
            + " | filter event = \"alarm-response\""
            + " | sort @timestamp desc"
            + " | limit 100";

    private AuditQuery() {
    }
}
