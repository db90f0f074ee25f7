package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.lambda.ErrorText;
import com.datapipeline.monitoring.lambda.JsonLines;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes each decision as one JSON line, which Lambda sends to CloudWatch Logs as one event so that Logs Insights
 * discovers its fields ({@link AuditQuery#TEXT}).
 */
public final class JsonLineDecisionLog implements DecisionLog {

    public static final String EVENT = "alarm-response";
    public static final String ERROR_EVENT = "alarm-response-error";

    private final PrintStream out;

    public JsonLineDecisionLog(PrintStream out) {
        this.out = out;
    }

    @Override
    public void decided(Delivery delivery, Decision decision) {
        write(line(delivery, decision));
    }

    /** The fields of a decision's line, in the order they are written; tests read decisions through it. */
    static Map<String, Object> line(Delivery delivery, Decision decision) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "INFO");
        line.put("event", EVENT);
        line.put("alarm", decision.alarm());
        line.put("state", decision.state());
        line.put("action", decision.action());
        line.put("target", decision.target());
        line.put("outcome", decision.outcome().logName());
        line.put("reason", decision.reason());
        line.put("jobRunId", decision.jobRunId());
        line.put("incident", decision.incident());
        line.put("errorClass", decision.errorClass());
        line.put("page", decision.page() == null ? null : decision.page().text());
        line.put("pageDelivery", decision.page() == null ? null : decision.page().delivery().toString());
        line.put("messageId", delivery.messageId());
        line.put("excerpt", delivery.excerpt());
        return line;
    }

    @Override
    public void failed(Delivery delivery, Notification notification, String target, RuntimeException error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("level", "ERROR");
        line.put("event", ERROR_EVENT);
        line.put("alarm", notification.routeKey());
        line.put("state", notification.state());
        line.put("target", target);
        line.put("messageId", delivery.messageId());
        line.put("error", error.getClass().getSimpleName());
        line.put("reason", ErrorText.message(error) + "; rethrown so Lambda retries and keeps the notification");
        write(line);
    }

    private void write(Map<String, Object> line) {
        // Null fields are written too (JsonLines), so every decision line has the same fields whatever the outcome.
        out.println(JsonLines.format(line));
    }
}
