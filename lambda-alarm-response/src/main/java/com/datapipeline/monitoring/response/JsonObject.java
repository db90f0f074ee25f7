package com.datapipeline.monitoring.response;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One JSON object read with jackson-jr, with typed accessors whose errors name the field by its path
 * ({@code routes.GlueJobFailureAlarm.jobName}). Both the notification parser and the config parser use it,
 * so neither slices strings.
 */
final class JsonObject {

    // Duplicate keys and trailing content make a message ambiguous: refuse them rather than guess.
    private static final JSON READER = JSON.builder()
            .enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .build();

    private final Map<String, Object> fields;
    private final String path;

    private JsonObject(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** Parses {@code json}, which must be one JSON object. */
    static JsonObject parse(String json, String what) {
        if (json == null) {
            throw new JsonShapeException(what + " is missing");
        }
        Object root;
        try (JsonParser parser = READER.getStreamingFactory().createParser(json)) {
            root = READER.anyFrom(parser);
            if (parser.nextToken() != null) {
                throw new JsonShapeException(what + " has content after the JSON value");
            }
        } catch (IOException e) {
            // jackson-jr reports syntax errors, nesting/length limits and trailing tokens as IOExceptions.
            throw new JsonShapeException(what + " is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new JsonShapeException(what + " is not a JSON object");
        }
        return new JsonObject(castMap(map), "");
    }

    Set<String> names() {
        return fields.keySet();
    }

    boolean has(String name) {
        return fields.get(name) != null;
    }

    String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> new JsonShapeException("field '" + pathOf(name) + "' is missing"));
    }

    /** A non-blank string, or empty when the field is absent or null. */
    Optional<String> optionalString(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be a string");
        }
        if (text.isBlank()) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must not be blank");
        }
        return Optional.of(text);
    }

    /** A string that may be blank; empty when absent or null. */
    Optional<String> optionalText(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be a string");
        }
        return Optional.of(text);
    }

    Optional<Boolean> optionalBoolean(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean flag)) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be true or false");
        }
        return Optional.of(flag);
    }

    /** A whole number within [min, max], or empty when absent. */
    Optional<Integer> optionalInt(String name, int min, int max) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be a whole number");
        }
        long number = ((Number) value).longValue();
        if (number < min || number > max) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be between " + min + " and " + max
                    + ", was " + number);
        }
        return Optional.of((int) number);
    }

    Optional<Double> optionalNumber(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be a number");
        }
        return Optional.of(number.doubleValue());
    }

    JsonObject requiredObject(String name) {
        return optionalObject(name).orElseThrow(() -> new JsonShapeException("field '" + pathOf(name) + "' is missing"));
    }

    Optional<JsonObject> optionalObject(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be a JSON object");
        }
        return Optional.of(new JsonObject(castMap(map), pathOf(name)));
    }

    /** A list of objects; empty when the field is absent or null. */
    List<JsonObject> objectList(String name) {
        Object value = fields.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new JsonShapeException("field '" + pathOf(name) + "' must be a list");
        }
        List<JsonObject> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new JsonShapeException("field '" + pathOf(name) + "[" + i + "]' must be a JSON object");
            }
            objects.add(new JsonObject(castMap(map), pathOf(name) + "[" + i + "]"));
        }
        return List.copyOf(objects);
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> map) {
        // jackson-jr builds maps with String keys only.
        return (Map<String, Object>) map;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** The JSON was readable but not of the expected shape; the message names the field. */
    static final class JsonShapeException extends IllegalArgumentException {
        JsonShapeException(String message) {
            super(message);
        }
    }
}
