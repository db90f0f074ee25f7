package com.datapipeline.monitoring.cdk.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A planned quiet time (a backfill, maintenance): while it lasts, a pipeline's pages send nothing, and their alarms
 * still evaluate and record their state. Synthesized as an {@code AWS::CloudWatch::AlarmMuteRule}, whose schedule
 * this mirrors: a cron expression of five fields (minute, hour, day of month, month, day of week) for a recurring
 * window or {@code at(yyyy-mm-ddThh:mm)} for a one-off, an ISO 8601 duration from PT1M to P15D, and an IANA time
 * zone (UTC when not given).
 *
 * @param schedule {@code cron(...)} or {@code at(...)}, as CloudWatch takes it
 * @param duration ISO 8601, as CloudWatch takes it (e.g. PT4H, P2DT12H)
 * @param timeZone an IANA time zone such as Europe/Berlin
 */
public record MuteWindow(String schedule, String duration, String timeZone) {
    /** The field names of a window's JSON object. */
    public static final Set<String> FIELDS = Set.of("schedule", "duration", "timeZone");

    public static final String ALLOWED = "a JSON list of {\"schedule\": \"cron(m h dom mon dow)\" or"
            + " \"at(yyyy-mm-ddThh:mm)\", \"duration\": \"PT1M\" to \"P15D\", \"timeZone\": \"Europe/Berlin\" (optional, UTC)}";
    private static final Duration SHORTEST = Duration.ofMinutes(1);
    private static final Duration LONGEST = Duration.ofDays(15);
    private static final Pattern CRON = Pattern.compile("^cron\\(([^()]+)\\)$");
    private static final Pattern CRON_FIELD = Pattern.compile("^[0-9A-Za-z*?,/#L W-]+$");
    private static final Pattern AT = Pattern.compile("^at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2})?)\\)$");

    public MuteWindow {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** True for a one-off window ({@code at(...)}), false for a recurring one. */
    public boolean oneOff() {
        return schedule.startsWith("at(");
    }

    /** One line for the summary and descriptions, e.g. "cron(0 2 * * SUN) for PT4H (Europe/Berlin)". */
    public String text() {
        return schedule + " for " + duration + " (" + timeZone + ")";
    }

    /**
     * Reads windows from a configuration value: a JSON list of window objects (as text or parsed), one object, or
     * empty/blank for none.
     *
     * @param invalid makes the one-line error for a bad value: (what is wrong, what is allowed)
     */
    public static List<MuteWindow> read(Object value, BiFunction<String, String, ConfigurationException> invalid) {
        Optional<Object> json = JsonValue.of(value, text -> invalid.apply(text, ALLOWED));
        if (json.isEmpty()) {
            return List.of();
        }
        Object parsed = json.get();
        List<?> entries = parsed instanceof List<?> list ? list : List.of(parsed);
        List<MuteWindow> windows = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw invalid.apply(String.valueOf(entry), ALLOWED);
            }
            windows.add(window(fields, invalid));
        }
        return List.copyOf(windows);
    }

    private static MuteWindow window(Map<?, ?> fields, BiFunction<String, String, ConfigurationException> invalid) {
        Set<String> unknown =
                new TreeSet<>(fields.keySet().stream().map(String::valueOf).toList());
        unknown.removeAll(FIELDS);
        if (!unknown.isEmpty()) {
            throw invalid.apply(String.valueOf(fields), "mute windows with only the fields " + new TreeSet<>(FIELDS));
        }
        String schedule = text(fields.get("schedule"));
        String duration = text(fields.get("duration"));
        String zone = text(fields.get("timeZone"));
        if (!validSchedule(schedule)) {
            throw invalid.apply(
                    schedule,
                    "a schedule \"cron(minute hour day-of-month month day-of-week)\" or" + " \"at(yyyy-mm-ddThh:mm)\"");
        }
        if (!validDuration(duration)) {
            throw invalid.apply(duration, "a duration in ISO 8601 from PT1M to P15D, e.g. PT4H or P2DT12H");
        }
        zone = zone.isEmpty() ? "UTC" : zone;
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw invalid.apply(zone, "an IANA time zone such as UTC or Europe/Berlin");
        }
        return new MuteWindow(schedule, duration, zone);
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value).trim();
    }

    private static boolean validSchedule(String schedule) {
        Matcher at = AT.matcher(schedule);
        if (at.matches()) {
            try {
                LocalDateTime.parse(at.group(1));
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
        Matcher cron = CRON.matcher(schedule);
        if (!cron.matches()) {
            return false;
        }
        String[] parts = cron.group(1).trim().split("\\s+");
        if (parts.length != 5) {
            return false;
        }
        for (String part : parts) {
            if (!CRON_FIELD.matcher(part).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean validDuration(String duration) {
        try {
            Duration parsed = Duration.parse(duration);
            return parsed.compareTo(SHORTEST) >= 0 && parsed.compareTo(LONGEST) <= 0;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
