package com.datapipeline.monitoring.response;

import static com.datapipeline.monitoring.contract.DecisionLine.ACTION;
import static com.datapipeline.monitoring.contract.DecisionLine.ALARM;
import static com.datapipeline.monitoring.contract.DecisionLine.ERROR;
import static com.datapipeline.monitoring.contract.DecisionLine.ERROR_CLASS;
import static com.datapipeline.monitoring.contract.DecisionLine.EXCERPT;
import static com.datapipeline.monitoring.contract.DecisionLine.INCIDENT;
import static com.datapipeline.monitoring.contract.DecisionLine.JOB_RUN_ID;
import static com.datapipeline.monitoring.contract.DecisionLine.MESSAGE_ID;
import static com.datapipeline.monitoring.contract.DecisionLine.OUTCOME;
import static com.datapipeline.monitoring.contract.DecisionLine.PAGE;
import static com.datapipeline.monitoring.contract.DecisionLine.PAGE_DELIVERY;
import static com.datapipeline.monitoring.contract.DecisionLine.REASON;
import static com.datapipeline.monitoring.contract.DecisionLine.STATE;
import static com.datapipeline.monitoring.contract.DecisionLine.TARGET;
import static com.datapipeline.monitoring.contract.LogFields.LEVEL;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.DecisionLine;
import com.datapipeline.monitoring.contract.LogFields;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.lambda.ErrorText;
import com.datapipeline.monitoring.lambda.JsonLines;
import java.io.PrintStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes each decision as one JSON line ({@link DecisionLine}), which Lambda sends to CloudWatch Logs as one event so
 * that Logs Insights discovers its fields (the app's "Alarm Response Audit" query).
 */
public final class JsonLineDecisionLog implements DecisionLog {

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
        line.put(LEVEL, "INFO");
        line.put(LogFields.EVENT, DecisionLine.EVENT);
        line.put(ALARM, decision.alarm());
        line.put(STATE, decision.state());
        line.put(ACTION, decision.action());
        line.put(TARGET, decision.target());
        line.put(OUTCOME, decision.outcome().logName());
        line.put(REASON, decision.reason());
        line.put(JOB_RUN_ID, decision.jobRunId());
        line.put(INCIDENT, decision.incident());
        line.put(ERROR_CLASS, decision.errorClass());
        line.put(PAGE, decision.page() == null ? null : decision.page().text());
        line.put(
                PAGE_DELIVERY,
                decision.page() == null ? null : decision.page().delivery().toString());
        line.put(MESSAGE_ID, delivery.messageId());
        line.put(EXCERPT, delivery.excerpt());
        return line;
    }

    @Override
    public void runFailurePaged(Instant eventTime) {
        write(runFailurePagedLine(eventTime));
    }

    /**
     * An embedded-metric-format line: {@code RunFailuresPaged} = 1, no dimension, at the failed run's event time, so
     * that it falls in the same period as the event history's count of the same run.
     */
    static Map<String, Object> runFailurePagedLine(Instant eventTime) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        eventTime.toEpochMilli(),
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                CustomMetric.NAMESPACE,
                                "Dimensions",
                                List.of(List.of()),
                                "Metrics",
                                List.of(Map.of("Name", ResponseConfiguration.RUN_PAGES_METRIC, "Unit", "Count"))))));
        line.put(ResponseConfiguration.RUN_PAGES_METRIC, 1);
        return line;
    }

    @Override
    public void failed(Delivery delivery, Notification notification, String target, RuntimeException error) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(LEVEL, "ERROR");
        line.put(LogFields.EVENT, DecisionLine.ERROR_EVENT);
        line.put(ALARM, notification.routeKey());
        line.put(STATE, notification.state());
        line.put(TARGET, target);
        line.put(MESSAGE_ID, delivery.messageId());
        line.put(ERROR, error.getClass().getSimpleName());
        line.put(REASON, ErrorText.message(error) + "; rethrown so Lambda retries and keeps the notification");
        write(line);
    }

    private void write(Map<String, Object> line) {
        // Null fields are written too (JsonLines), so every decision line has the same fields whatever the outcome.
        out.println(JsonLines.format(line));
    }
}
