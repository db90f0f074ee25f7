package com.datapipeline.monitoring.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/** Reads the JSON lines a function wrote to its log group (one JSON object per log event). */
final class LogLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One JSON line with the time CloudWatch Logs recorded for it. */
    record Line(Instant timestamp, JsonNode json) {
        String text(String field) {
            JsonNode value = json.get(field);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private LogLines() {}

    /** JSON lines logged since {@code from}; an absent log group has none. */
    static List<Line> since(CloudWatchLogsClient logs, String logGroup, Instant from) {
        List<Line> lines = new ArrayList<>();
        String token = null;
        try {
            do {
                String page = token;
                FilterLogEventsResponse response = logs.filterLogEvents(r ->
                        r.logGroupName(logGroup).startTime(from.toEpochMilli()).nextToken(page));
                for (FilteredLogEvent event : response.events()) {
                    parse(event.message())
                            .ifPresent(json -> lines.add(new Line(Instant.ofEpochMilli(event.timestamp()), json)));
                }
                token = response.nextToken();
            } while (token != null);
        } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
            return List.of();
        }
        return lines;
    }

    /** The JSON object in a log message; Lambda may put a prefix (time, request id) before it. */
    static Optional<JsonNode> parse(String message) {
        if (message == null) {
            return Optional.empty();
        }
        int start = message.indexOf('{');
        if (start < 0) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(message.substring(start).trim());
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
