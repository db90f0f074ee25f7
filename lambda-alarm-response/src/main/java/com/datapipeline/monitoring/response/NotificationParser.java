package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.GlueEvents;
import com.datapipeline.monitoring.lambda.JsonObject;
import com.datapipeline.monitoring.lambda.JsonObject.JsonShapeException;
import com.datapipeline.monitoring.response.AlarmNotification.AlarmTrigger;
import com.datapipeline.monitoring.response.AlarmNotification.CompositeTrigger;
import com.datapipeline.monitoring.response.AlarmNotification.MetricMathTrigger;
import com.datapipeline.monitoring.response.AlarmNotification.MetricQuery;
import com.datapipeline.monitoring.response.AlarmNotification.MetricTrigger;
import com.datapipeline.monitoring.response.AlarmNotification.TriggeringChild;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code Message} of an SNS record: a CloudWatch alarm notification (metric, metric-math or composite
 * alarm), a Glue Job State Change (transformed by the EventBridge rule, or raw) or a raw Glue Crawler State Change.
 *
 * <p>Never throws: anything it cannot read comes back as {@link ParseResult.Malformed} with a reason, because a
 * malformed message will not get better on a retry.
 */
public final class NotificationParser {

    /** SNS's own message size limit; anything larger did not come from CloudWatch or EventBridge. */
    public static final int MAX_MESSAGE_BYTES = 256 * 1024;

    // Glue's events (GlueEvents): a job run's state change; a run still going after the job's notify-delay (a stuck
    // run: logged, never remediated); a crawler's state change (the raw event: a failure pages, nothing restarts).

    private NotificationParser() {}

    public static ParseResult parse(String message) {
        if (message == null || message.isBlank()) {
            return new ParseResult.Malformed("SNS message is empty");
        }
        // Cheap bound first (a UTF-8 character is at most 3 bytes per UTF-16 unit), exact count only when close.
        if (message.length() > MAX_MESSAGE_BYTES
                || (message.length() * 3L > MAX_MESSAGE_BYTES
                        && message.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES)) {
            return new ParseResult.Malformed("SNS message is larger than " + MAX_MESSAGE_BYTES + " bytes");
        }
        try {
            JsonObject json = JsonObject.parse(message, "SNS message");
            if (json.has("AlarmName")) {
                return new ParseResult.Parsed(alarm(json));
            }
            if (isGlueEvent(json)) {
                return new ParseResult.Parsed(glueEvent(json));
            }
            return new ParseResult.Malformed("SNS message is neither a CloudWatch alarm notification (no AlarmName)"
                    + " nor a Glue Job State Change");
        } catch (JsonShapeException e) {
            return new ParseResult.Malformed(e.getMessage());
        }
    }

    private static AlarmNotification alarm(JsonObject json) {
        String name = json.requiredString("AlarmName");
        String stateText = json.requiredString("NewStateValue");
        AlarmState state = switch (stateText) {
            case "ALARM" -> AlarmState.ALARM;
            case "OK" -> AlarmState.OK;
            case "INSUFFICIENT_DATA" -> AlarmState.INSUFFICIENT_DATA;
            default -> throw new JsonShapeException("field 'NewStateValue' has unknown state '" + stateText + "'");
        };
        return new AlarmNotification(
                name,
                state,
                json.optionalText("OldStateValue").orElse(null),
                json.optionalText("NewStateReason").orElse(""),
                json.requiredString("StateChangeTime"),
                json.optionalText("AlarmArn").orElse(null),
                trigger(json));
    }

    private static AlarmTrigger trigger(JsonObject json) {
        // Composite alarms carry AlarmRule and no Trigger.
        Optional<String> rule = json.optionalString("AlarmRule");
        if (rule.isPresent()) {
            List<TriggeringChild> children = json.objectList("TriggeringChildren").stream()
                    .map(child -> new TriggeringChild(
                            child.optionalText("Arn").orElse(null),
                            child.optionalObject("State")
                                    .flatMap(s -> s.optionalText("Value"))
                                    .orElse(null)))
                    .toList();
            return new CompositeTrigger(rule.get(), children);
        }
        JsonObject trigger = json.optionalObject("Trigger")
                .orElseThrow(() -> new JsonShapeException("alarm notification has neither 'Trigger' nor 'AlarmRule'"));
        String operator = trigger.optionalText("ComparisonOperator").orElse(null);
        Double threshold = trigger.optionalNumber("Threshold").orElse(null);
        if (trigger.has("Metrics")) {
            List<MetricQuery> queries = trigger.objectList("Metrics").stream()
                    .map(NotificationParser::query)
                    .toList();
            if (queries.isEmpty()) {
                throw new JsonShapeException("field 'Trigger.Metrics' is empty");
            }
            return new MetricMathTrigger(queries, operator, threshold);
        }
        Map<String, String> dimensions = new LinkedHashMap<>();
        // Alarm notifications write dimensions as [{"value": ..., "name": ...}], lower-case keys.
        for (JsonObject dimension : trigger.objectList("Dimensions")) {
            dimensions.put(
                    dimension.requiredString("name"),
                    dimension.optionalText("value").orElse(""));
        }
        return new MetricTrigger(
                trigger.optionalText("Namespace").orElse(null),
                trigger.requiredString("MetricName"),
                trigger.optionalText("Statistic").orElse(null),
                dimensions,
                operator,
                threshold);
    }

    private static MetricQuery query(JsonObject query) {
        Optional<JsonObject> metric = query.optionalObject("MetricStat").flatMap(stat -> stat.optionalObject("Metric"));
        return new MetricQuery(
                query.requiredString("Id"),
                query.optionalText("Expression").orElse(null),
                metric.flatMap(m -> m.optionalText("Namespace")).orElse(null),
                metric.flatMap(m -> m.optionalText("MetricName")).orElse(null),
                query.optionalBoolean("ReturnData").orElse(false));
    }

    private static boolean isGlueEvent(JsonObject json) {
        return GlueEvents.SOURCE.equals(json.optionalText("source").orElse(null));
    }

    private static Notification glueEvent(JsonObject json) {
        // The rule's input transformer writes detailType and flat fields; the raw event has detail-type and detail{}.
        boolean raw = json.has("detail");
        String detailType =
                json.optionalText(raw ? "detail-type" : "detailType").orElse(null);
        if (raw && GlueEvents.CRAWLER_STATE_CHANGE.equals(detailType)) {
            JsonObject detail = json.requiredObject("detail");
            return new GlueCrawlerStateNotification(
                    detail.requiredString("crawlerName"),
                    detail.requiredString("state"),
                    detail.optionalText("errorMessage")
                            .or(() -> detail.optionalText("message"))
                            .orElse(""),
                    json.optionalText("time").orElse(null));
        }
        if (!GlueEvents.JOB_STATE_CHANGE.equals(detailType) && !GlueEvents.JOB_RUN_STATUS.equals(detailType)) {
            throw new JsonShapeException(
                    "Glue event detail type is '" + detailType + "', expected '" + GlueEvents.JOB_STATE_CHANGE + "', '"
                            + GlueEvents.JOB_RUN_STATUS + "' or '" + GlueEvents.CRAWLER_STATE_CHANGE + "'");
        }
        JsonObject fields = raw ? json.requiredObject("detail") : json;
        return new GlueJobStateNotification(
                fields.requiredString("jobName"),
                fields.requiredString("jobRunId"),
                fields.requiredString("state"),
                fields.optionalText("message").orElse(""),
                json.optionalText("time").orElse(null));
    }
}
