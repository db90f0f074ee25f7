package com.datapipeline.monitoring.cdk.context;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.MuteWindow;
import com.datapipeline.monitoring.cdk.config.PipelineResponse;
import com.datapipeline.monitoring.cdk.naming.NumberText;
import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The typed value readers: text, true/false, numbers in a range, one of a few names, email addresses, lists and
 * JSON lists. Each error is one line, {@code context key 'K' is 'V'; allowed: A}, where A is the type's
 * {@link ValueType#allowed()}.
 */
public final class ValueTypes {
    /** Seven days: the longest run-health period in minutes. */
    public static final int MAX_MINUTES = 10_080;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private ValueTypes() {}

    /** The one shape of a bad value's message. */
    public static ConfigurationException invalid(String key, String value, String allowed) {
        return new ConfigurationException("context key '" + key + "' is '" + value + "'; allowed: " + allowed);
    }

    /** A single JSON value (string, number or boolean) as text, untrimmed. */
    static String text(String key, Object raw) {
        if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
            throw invalid(key, String.valueOf(raw), "a single value");
        }
        return raw.toString();
    }

    /** Trimmed text that matches a format. */
    public static ValueType<String> text(Pattern format, String allowed) {
        return of(allowed, (key, raw) -> {
            String value = text(key, raw).trim();
            if (!format.matcher(value).matches()) {
                throw invalid(key, value, allowed);
            }
            return value;
        });
    }

    /** Text exactly as given (no trimming: a space is an error, not silently dropped) that matches a format. */
    public static ValueType<String> exactText(Pattern format, String allowed) {
        return of(allowed, (key, raw) -> {
            String value = text(key, raw);
            if (!format.matcher(value).matches()) {
                throw invalid(key, value, allowed);
            }
            return value;
        });
    }

    /** Any trimmed text, e.g. a file path (checked where it is used). */
    public static ValueType<String> anyText(String allowed) {
        return of(allowed, (key, raw) -> text(key, raw).trim());
    }

    /** An email address like oncall@example.com, or empty for none. */
    public static ValueType<Optional<String>> email() {
        String allowed = "an email address like oncall@example.com, or empty for none";
        return text(EMAIL, allowed).orEmpty(allowed);
    }

    /** {@code true} or {@code false}, in any case. */
    public static ValueType<Boolean> bool() {
        String allowed = "true or false";
        return of(allowed, (key, raw) -> {
            String value = text(key, raw).trim().toLowerCase(Locale.ROOT);
            return switch (value) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(key, value, allowed);
            };
        });
    }

    /** A finite number from min to max. */
    public static ValueType<Double> number(double min, double max) {
        String allowed = "a number from " + NumberText.plain(min) + " to " + NumberText.plain(max);
        return of(allowed, (key, raw) -> {
            String value = text(key, raw).trim();
            double number;
            try {
                number = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw invalid(key, value, allowed);
            }
            if (!Double.isFinite(number) || number < min || number > max) {
                throw invalid(key, value, allowed);
            }
            return number;
        });
    }

    /** A whole number from min to max (1.0 counts; 1.5 does not). */
    public static ValueType<Integer> wholeNumber(int min, int max) {
        ValueType<Double> number = number(min, max);
        String allowed = "a whole number from " + min + " to " + max;
        return of(allowed, (key, raw) -> {
            double value = number.read(key, raw);
            if (value != Math.rint(value)) {
                throw invalid(key, text(key, raw), allowed);
            }
            return (int) value;
        });
    }

    /** A whole number that is one of the given values, e.g. CloudWatch's retention periods. */
    public static ValueType<Integer> oneOfNumbers(List<Integer> values, String allowed) {
        ValueType<Integer> whole = wholeNumber(values.get(0), values.get(values.size() - 1));
        return of(allowed, (key, raw) -> {
            int value = whole.read(key, raw);
            if (!values.contains(value)) {
                throw invalid(key, String.valueOf(value), allowed);
            }
            return value;
        });
    }

    /**
     * A whole number of minutes from 1 to 7 days, or empty; as a string, a number or JSON null (a job entry's
     * field may be null to turn an inherited setting off).
     */
    public static ValueType<OptionalInt> minutesOrEmpty() {
        String allowed = "a whole number of minutes from 1 to " + MAX_MINUTES + ", or empty";
        return of(allowed, (key, raw) -> {
            String value = raw == null ? "" : raw.toString().trim();
            if (value.isEmpty()) {
                return OptionalInt.empty();
            }
            try {
                double number = Double.parseDouble(value);
                if (number == Math.rint(number) && number >= 1 && number <= MAX_MINUTES) {
                    return OptionalInt.of((int) number);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw invalid(key, value, allowed);
        });
    }

    /** Mute windows: a JSON list of {schedule, duration, timeZone} (see {@link MuteWindow}); blank for none. */
    public static ValueType<List<MuteWindow>> muteWindows() {
        return of(
                MuteWindow.ALLOWED,
                (key, raw) -> MuteWindow.read(raw, (value, allowed) -> invalid(key, value, allowed)));
    }

    /** What {@link #errorClassActions()} accepts, in the words of an error message and of the README's table. */
    public static final String ERROR_CLASS_ACTIONS_ALLOWED = "a JSON object of error class ("
            + String.join(
                    ", ",
                    Arrays.stream(ErrorClass.values())
                            .map(ErrorClass::configName)
                            .toList()) + ") to "
            + inWords(Arrays.stream(RouteAction.values())
                    .filter(RouteAction::isErrorClassAction)
                    .map(RouteAction::configName)
                    .toList())
            + ", e.g. {\"resources\": \"pause-trigger\"}";

    /** Error class actions: a JSON object of class to action (see {@link PipelineResponse}); blank for none. */
    public static ValueType<Map<ErrorClass, RouteAction>> errorClassActions() {
        return of(
                ERROR_CLASS_ACTIONS_ALLOWED,
                (key, raw) -> PipelineResponse.readErrorClassActions(
                        raw, value -> invalid(key, value, ERROR_CLASS_ACTIONS_ALLOWED)));
    }

    /** One of an enum's values by its configuration name, in any case. */
    public static <E extends Enum<E>> ValueType<E> oneOf(E[] values, Function<E, String> configName) {
        String allowed = inWords(Arrays.stream(values).map(configName).toList());
        return of(allowed, (key, raw) -> {
            String value = text(key, raw).trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values)
                    .filter(v -> configName.apply(v).equals(value))
                    .findFirst()
                    .orElseThrow(() -> invalid(key, value, allowed));
        });
    }

    /**
     * A JSON list (from cdk.json, or as text from {@code -c}), or comma-separated names; blank is an empty list.
     * The entries stay as JSON gave them (a name, or an object with options).
     *
     * @param entries what the list holds, for the error of a broken JSON list
     */
    public static ValueType<List<Object>> list(String entries) {
        String allowed = "a JSON list of " + entries + ", or comma-separated names";
        return of(allowed, (key, raw) -> {
            if (raw instanceof List<?> items) {
                return List.copyOf(items);
            }
            String value = text(key, raw).trim();
            if (value.startsWith("[")) {
                try {
                    return List.copyOf(JSON.readValue(value, List.class));
                } catch (JsonProcessingException e) {
                    throw invalid(key, value, "a JSON list of " + entries + ": " + e.getOriginalMessage());
                }
            }
            if (value.isBlank()) {
                return List.of();
            }
            return Arrays.stream(value.split(",", -1))
                    .map(String::trim)
                    .map(name -> (Object) name)
                    .toList();
        });
    }

    /** A list of names, each of which must pass a check ({@code names} says what they are). */
    public static ValueType<List<String>> names(String entries, Predicate<String> valid, String names) {
        ValueType<List<Object>> list = list(entries);
        String allowed = names + ", comma-separated or a JSON list";
        return of(
                allowed,
                (key, raw) -> list.read(key, raw).stream()
                        .map(entry -> {
                            String name = String.valueOf(entry).trim();
                            if (!valid.test(name)) {
                                throw invalid(key, name, allowed);
                            }
                            return name;
                        })
                        .toList());
    }

    /** A list of names from a fixed set. */
    public static ValueType<List<String>> namesFrom(String entries, Collection<String> known) {
        return names(entries, known::contains, entries + " from " + known);
    }

    /** "a", "a or b", "a, b or c". */
    static String inWords(List<String> choices) {
        if (choices.size() == 1) {
            return choices.get(0);
        }
        return String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1);
    }

    private interface Reader<T> {
        T read(String key, Object raw);
    }

    private static <T> ValueType<T> of(String allowed, Reader<T> reader) {
        return new Simple<>(allowed, reader);
    }

    private record Simple<T>(String allowed, Reader<T> reader) implements ValueType<T> {
        @Override
        public T read(String key, Object raw) {
            return reader.read(key, raw);
        }
    }
}
