package com.datapipeline.monitoring.cdk.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns CDK context ({@code cdk.json} and {@code -c key=value}) into {@link MonitoringSettings}.
 *
 * <p>Values arrive as JSON types from cdk.json and as strings from the command line, so every reader
 * accepts both. Keys with a ':' or starting with '@' belong to the CDK itself (feature flags, CLI
 * settings) and are left alone; any other key this reader does not know is a typo and stops synth.
 */
public final class SettingsReader {

    /** The defaults; cdk.json repeats them so users can see them (a test keeps the two equal). */
    public static final Map<String, Object> DEFAULTS = defaults();

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PREFIX = Pattern.compile("^[A-Za-z0-9_-]{0,32}$");
    private static final Pattern GLUE_JOB_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,255}$");
    private static final List<Integer> LOG_RETENTION_DAYS =
            List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private final Map<String, Object> context;

    private SettingsReader(Map<String, Object> context) {
        this.context = context;
    }

    /** Reads and validates; throws {@link ConfigurationException} naming the first bad setting. */
    public static MonitoringSettings read(Map<String, ?> rawContext) {
        Map<String, Object> ours = new LinkedHashMap<>(DEFAULTS);
        Set<String> unknown = new TreeSet<>();
        rawContext.forEach((key, value) -> {
            if (key.contains(":") || key.startsWith("@")) {
                return;
            }
            if (!DEFAULTS.containsKey(key)) {
                unknown.add(key);
            } else if (value != null) {
                ours.put(key, value);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("unknown context key(s) " + unknown + "; known keys are "
                    + new TreeSet<>(DEFAULTS.keySet()));
        }
        return new SettingsReader(ours).settings();
    }

    private MonitoringSettings settings() {
        return new MonitoringSettings(
                prefix(),
                alertEmail(),
                pipelines(),
                new AlarmThresholds(
                        number("durationThresholdSeconds", 1, 172_800),
                        number("failedTasksThreshold", 0, 1_000_000),
                        number("memoryThresholdPercent", 1, 100),
                        number("dataQualityThresholdPercent", 0, 100),
                        number("errorRateThresholdPercent", 0, 100),
                        number("latencyThresholdSeconds", 1, 172_800)),
                metricsSource(),
                new RemediationSettings(
                        bool("remediation"),
                        (int) wholeNumber("maxRestarts", 0, 100),
                        (int) wholeNumber("restartWindowMinutes", 1, 1440)),
                (int) wholeNumber("jobTimeoutMinutes", 1, 2880),
                logRetentionDays());
    }

    private String prefix() {
        String prefix = text("prefix");
        if (!PREFIX.matcher(prefix).matches()) {
            throw invalid("prefix", prefix, "up to 32 letters, digits, '-' or '_' (it starts every resource name)");
        }
        return prefix;
    }

    private Optional<String> alertEmail() {
        String email = text("alertEmail").trim();
        if (email.isEmpty()) {
            return Optional.empty();
        }
        if (!EMAIL.matcher(email).matches()) {
            throw invalid("alertEmail", email, "an email address like oncall@example.com, or empty for none");
        }
        return Optional.of(email);
    }

    private List<MonitoredPipeline> pipelines() {
        List<String> names = list("monitoredJobs");
        if (names.isEmpty()) {
            return List.of(MonitoredPipeline.sample());
        }
        List<MonitoredPipeline> pipelines = new ArrayList<>();
        for (String name : names) {
            if (!GLUE_JOB_NAME.matcher(name).matches()) {
                throw invalid("monitoredJobs", name,
                        "Glue job names of 1-255 letters, digits, '.', '-' or '_', comma-separated or a JSON list");
            }
            if (pipelines.stream().anyMatch(p -> p.jobName().equals(name))) {
                throw invalid("monitoredJobs", name, "each job name once");
            }
            pipelines.add(MonitoredPipeline.existing(name));
        }
        return pipelines;
    }

    private MetricsSource metricsSource() {
        String value = text("metricsSource").trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(MetricsSource.values())
                .filter(source -> source.configName().equals(value))
                .findFirst()
                .orElseThrow(() -> invalid("metricsSource", value, Arrays.stream(MetricsSource.values())
                        .map(MetricsSource::configName).collect(Collectors.joining(" or "))));
    }

    private int logRetentionDays() {
        int days = (int) wholeNumber("logRetentionDays", 1, 3653);
        if (!LOG_RETENTION_DAYS.contains(days)) {
            throw invalid("logRetentionDays", String.valueOf(days), "one of CloudWatch's " + LOG_RETENTION_DAYS);
        }
        return days;
    }

    private String text(String key) {
        Object value = context.get(key);
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            throw invalid(key, String.valueOf(value), "a single value");
        }
        return value.toString();
    }

    private List<String> list(String key) {
        Object value = context.get(key);
        if (value instanceof List<?> items) {
            return items.stream().map(item -> String.valueOf(item).trim()).toList();
        }
        String joined = text(key).trim();
        if (joined.startsWith("[")) {
            joined = joined.substring(1, joined.endsWith("]") ? joined.length() - 1 : joined.length());
        }
        if (joined.isBlank()) {
            return List.of();
        }
        return Arrays.stream(joined.split(",", -1))
                .map(name -> name.trim().replaceAll("^\"|\"$", ""))
                .toList();
    }

    private double number(String key, double min, double max) {
        String raw = text(key).trim();
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a number from " + plain(min) + " to " + plain(max));
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw invalid(key, raw, "a number from " + plain(min) + " to " + plain(max));
        }
        return value;
    }

    private long wholeNumber(String key, long min, long max) {
        double value = number(key, min, max);
        if (value != Math.rint(value)) {
            throw invalid(key, text(key), "a whole number from " + min + " to " + max);
        }
        return (long) value;
    }

    private boolean bool(String key) {
        String value = text(key).trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static ConfigurationException invalid(String key, String value, String allowed) {
        return new ConfigurationException("context key '" + key + "' is '" + value + "'; allowed: " + allowed);
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("prefix", "");
        defaults.put("alertEmail", "");
        defaults.put("monitoredJobs", "");
        defaults.put("durationThresholdSeconds", 300);
        defaults.put("failedTasksThreshold", 0);
        defaults.put("memoryThresholdPercent", 80);
        defaults.put("dataQualityThresholdPercent", 90);
        defaults.put("errorRateThresholdPercent", 2);
        defaults.put("latencyThresholdSeconds", 180);
        defaults.put("metricsSource", MetricsSource.GLUE.configName());
        defaults.put("remediation", true);
        defaults.put("maxRestarts", 2);
        defaults.put("restartWindowMinutes", 60);
        defaults.put("jobTimeoutMinutes", 30);
        defaults.put("logRetentionDays", 30);
        return Map.copyOf(defaults);
    }
}
