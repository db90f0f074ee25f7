package com.datapipeline.monitoring.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One JSON object read with jackson-jr, with typed accessors whose errors name the field by its path
 * ({@code routes.GlueJobFailureAlarm.jobName}). Both functions read their configuration with it
 * ({@link #readConfiguration}, strict: unknown fields are refused), and the response function its notifications,
 * so nothing slices strings.
 */
public final class JsonObject {

    // Duplicate keys and trailing content make a message ambiguous: refuse them rather than guess.
    private static final JSON READER =
            JSON.builder().enable(JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS).build();

    private final Map<String, Object> fields;
    private final String path;

    private JsonObject(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /**
     * Reads a function's configuration: {@code json} (the text of the variable {@code variable}) must be one JSON
     * object, and {@code reader} turns it into the typed configuration, refusing unknown fields with
     * {@link #refuseUnknown} so a misspelt setting fails the first invocation instead of being silently ignored.
     *
     * @throws IllegalArgumentException with a one-line message that starts with the variable and names the field
     */
    public static <T> T readConfiguration(String variable, String json, Function<JsonObject, T> reader) {
        try {
            return reader.apply(parse(json, "value"));
        } catch (JsonShapeException e) {
            throw new IllegalArgumentException(variable + " " + e.getMessage(), e);
        }
    }

    /** Parses {@code json}, which must be one JSON object. */
    public static JsonObject parse(String json, String what) {
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

    public Set<String> names() {
        return fields.keySet();
    }

    public boolean has(String name) {
        return fields.get(name) != null;
    }

    public String requiredString(String name) {
        return optionalString(name).orElseThrow(() -> invalid(name, "is missing"));
    }

    /** A non-blank string, or empty when the field is absent or null. */
    public Optional<String> optionalString(String name) {
        Optional<String> text = optionalText(name);
        if (text.isPresent() && text.get().isBlank()) {
            throw invalid(name, "must not be blank");
        }
        return text;
    }

    /** A string that may be blank; empty when absent or null. */
    public Optional<String> optionalText(String name) {
        return typed(name, String.class, "must be a string");
    }

    public Optional<Boolean> optionalBoolean(String name) {
        return typed(name, Boolean.class, "must be true or false");
    }

    /** A whole number within [min, max], or empty when absent. */
    public Optional<Integer> optionalInt(String name, int min, int max) {
        Optional<Number> value = typed(name, Number.class, "must be a whole number");
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!(value.get() instanceof Integer || value.get() instanceof Long)) {
            throw invalid(name, "must be a whole number");
        }
        long number = value.get().longValue();
        if (number < min || number > max) {
            throw invalid(
                    name,
                    (max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max)
                            + ", was " + number);
        }
        return Optional.of((int) number);
    }

    public Optional<Double> optionalNumber(String name) {
        return typed(name, Number.class, "must be a number").map(Number::doubleValue);
    }

    public JsonObject requiredObject(String name) {
        return optionalObject(name).orElseThrow(() -> invalid(name, "is missing"));
    }

    public Optional<JsonObject> optionalObject(String name) {
        return typed(name, Map.class, "must be a JSON object").map(map -> new JsonObject(castMap(map), pathOf(name)));
    }

    /** A list of objects; empty when the field is absent or null. */
    public List<JsonObject> objectList(String name) {
        List<?> list = typed(name, List.class, "must be a list").orElse(List.of());
        List<JsonObject> objects = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String element = pathOf(name) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> map)) {
                throw new JsonShapeException("field '" + element + "' must be a JSON object");
            }
            objects.add(new JsonObject(castMap(map), element));
        }
        return List.copyOf(objects);
    }

    /** A list of non-blank strings; empty when the field is absent or null. */
    public List<String> stringList(String name) {
        List<?> list = typed(name, List.class, "must be a list").orElse(List.of());
        List<String> strings = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String text) || text.isBlank()) {
                throw new JsonShapeException("field '" + pathOf(name) + "[" + i + "]' must be a non-blank string");
            }
            strings.add(text);
        }
        return List.copyOf(strings);
    }

    /** The field's value if it is a {@code type}; empty when absent or null. */
    private <T> Optional<T> typed(String name, Class<T> type, String problemOtherwise) {
        Object value = fields.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!type.isInstance(value)) {
            throw invalid(name, problemOtherwise);
        }
        return Optional.of(type.cast(value));
    }

    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The error for a field whose value is readable but wrong: {@code field 'a.b' <problem>}. */
    public JsonShapeException invalid(String name, String problem) {
        return new JsonShapeException("field '" + pathOf(name) + "' " + problem);
    }

    /** Refuses the first field not in {@code known}, naming its path and the known ones. */
    public void refuseUnknown(Set<String> known) {
        for (String name : fields.keySet()) {
            if (!known.contains(name)) {
                throw invalid(
                        name,
                        "is not a known setting; expected one of "
                                + known.stream().sorted().toList());
            }
        }
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
    public static final class JsonShapeException extends IllegalArgumentException {
        public JsonShapeException(String message) {
            super(message);
        }
    }
}
