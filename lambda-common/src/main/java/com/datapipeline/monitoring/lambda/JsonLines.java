package com.datapipeline.monitoring.lambda;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Formats a log line: one JSON object per line, which Lambda sends to CloudWatch Logs as one event so that Logs
 * Insights discovers its fields. Fields are written in the map's order (pass a {@code LinkedHashMap}) and null
 * values are written too, so every line of an event has the same fields whatever the outcome.
 */
public final class JsonLines {

    private static final JSON WRITER =
            JSON.builder().enable(JSON.Feature.WRITE_NULL_PROPERTIES).build();

    private JsonLines() {}

    /** The line for {@code fields}: strings, numbers, booleans, nulls, lists and maps of them. */
    public static String format(Map<String, ?> fields) {
        try {
            return WRITER.asString(fields);
        } catch (IOException e) {
            throw new UncheckedIOException("a map of plain values always serializes", e);
        }
    }
}
