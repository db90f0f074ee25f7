package com.datapipeline.monitoring.cdk.config;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.naming.NumberText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
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

    /** Keys of earlier versions, with why they went, so an old cdk.json gets an answer rather than "unknown key". */
    private static final Map<String, String> REMOVED = Map.of(
            "pipelineUnhealthyAlarm", "every pipeline's alarms now page through its composite alarms (one incident,"
                    + " one page); delete the key",
            "childAlarmActions", "a composite's child alarms never page on their own any more (one incident, one page);"
                    + " delete the key");

    /** More pipelines than this go to nested stacks, whose placement needs a pipelines file to stay stable. */
    public static final int MAX_PIPELINES_IN_CONTEXT = 20;

    private static final Set<String> JOB_OPTIONS =
            Set.of("jobName", "stuckRunMinutes", "expectedSuccessEveryMinutes", "dataQualityRuleset", "muteWindows");
    private static final Pattern RULESET_NAME = Pattern.compile("^[A-Za-z0-9_. -]{1,255}$");
    private static final ObjectMapper JSON = new ObjectMapper();
    // Formats AWS Chatbot's CloudFormation schema enforces (a mistake would otherwise fail at deploy).
    private static final Pattern SLACK_WORKSPACE = Pattern.compile("^[0-9A-Z]{1,255}$");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("^[A-Za-z0-9]{1,255}$");
    private static final Pattern UUID = Pattern.compile("^[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$");
    /** A Teams channel id as it appears in the channel's link, URL-encoded: 19%3a...%40thread.tacv2 */
    private static final Pattern TEAMS_CHANNEL = Pattern.compile("^[A-Za-z0-9_=+/.,-]*%3[aA][A-Za-z0-9_=+/.,-]*%40[A-Za-z0-9_=+/.,-]*$");
    private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{N} _.:/=+@-]{1,256}$");
    private static final Pattern ACCOUNT_ID = Pattern.compile("^\\d{12}$");
    private static final Pattern ORGANIZATION_ID = Pattern.compile("^o-[a-z0-9]{10,32}$");
    private static final Pattern SINK_ARN = Pattern.compile("^arn:aws[a-z-]*:oam:[a-z0-9-]+:\\d{12}:sink/[A-Za-z0-9-]+$");
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
            if (REMOVED.containsKey(key)) {
                throw new ConfigurationException("context key '" + key + "' was removed: " + REMOVED.get(key));
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
        double durationThresholdSeconds = number("durationThresholdSeconds", 1, 172_800);
        List<MonitoredPipeline> pipelines = pipelines(durationThresholdSeconds);
        Optional<PipelinePlacement> placement = pipelinesFile().map(file -> PipelinePlacement.assign(
                PipelinePlacement.fileFor(file), pipelines.stream().map(MonitoredPipeline::jobName).toList(),
                PipelinePlacement.PIPELINES_PER_STACK));
        return new MonitoringSettings(
                prefix(),
                alertEmail(),
                pipelines,
                new AlarmThresholds(
                        durationThresholdSeconds,
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
                logRetentionDays(),
                number("missedRunGraceFactor", 1, 10),
                switches(),
                placement);
    }

    private FeatureSwitches switches() {
        return new FeatureSwitches(
                bool("tracing"),
                choice("anomalyDetection", FeatureSwitches.AnomalyDetection.values()),
                number("anomalyBandWidth", 0.5, 10),
                text("minThroughputRecordsPerSecond").isBlank()
                        ? OptionalDouble.empty()
                        : OptionalDouble.of(number("minThroughputRecordsPerSecond", 0.001, 1e9)),
                bool("severityTopics"),
                warningAlarms(),
                email("criticalEmail"),
                email("warningEmail"),
                email("healthEmail"),
                chatChannel("slack", Map.of("slackWorkspaceId", SLACK_WORKSPACE, "slackChannelId", SLACK_CHANNEL),
                        "slackWorkspaceId", null, "slackChannelId", "slackWarningChannelId"),
                chatChannel("teams", Map.of("teamsTeamId", UUID, "teamsTenantId", UUID, "teamsChannelId", TEAMS_CHANNEL,
                                "teamsWarningChannelId", TEAMS_CHANNEL),
                        "teamsTeamId", "teamsTenantId", "teamsChannelId", "teamsWarningChannelId"),
                tagValue("environment", false).orElseThrow(),
                tagValue("owner", true),
                bool("contributorInsights"),
                bool("eventHistory"),
                observability(),
                choice("capacityAlarms", FeatureSwitches.CapacityAlarms.values()));
    }

    /** One of an enum's constants, by its name in lower case: "off, beside or instead". */
    private <E extends Enum<E>> E choice(String key, E[] modes) {
        String value = text(key).trim().toUpperCase(Locale.ROOT);
        List<String> names = Arrays.stream(modes).map(mode -> mode.name().toLowerCase(Locale.ROOT)).toList();
        return Arrays.stream(modes)
                .filter(mode -> mode.name().equals(value))
                .findFirst()
                .orElseThrow(() -> invalid(key, value.toLowerCase(Locale.ROOT),
                        String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast()));
    }

    private Set<String> warningAlarms() {
        Set<String> names = new TreeSet<>();
        for (Object entry : list("warningAlarms")) {
            String name = String.valueOf(entry).trim();
            if (!AlarmKind.signalNames().contains(name)) {
                throw invalid("warningAlarms", name, "alarm names from " + AlarmKind.signalNames());
            }
            names.add(name);
        }
        return names;
    }

    private Optional<String> email(String key) {
        String email = text(key).trim();
        if (email.isEmpty()) {
            return Optional.empty();
        }
        if (!EMAIL.matcher(email).matches()) {
            throw invalid(key, email, "an email address like oncall@example.com, or empty for none");
        }
        return Optional.of(email);
    }

    /** A chat channel needs all of its ids, or none. */
    private Optional<FeatureSwitches.ChatChannel> chatChannel(String chat, Map<String, Pattern> formats, String workspaceKey,
                                                               String tenantKey, String channelKey, String warningChannelKey) {
        List<String> required = tenantKey == null ? List.of(workspaceKey, channelKey) : List.of(workspaceKey, tenantKey, channelKey);
        long given = required.stream().filter(key -> !text(key).isBlank()).count();
        if (given == 0) {
            if (!text(warningChannelKey).isBlank()) {
                throw invalid(warningChannelKey, text(warningChannelKey), "a value only together with " + required);
            }
            return Optional.empty();
        }
        for (String key : required) {
            String value = text(key).trim();
            Pattern format = formats.getOrDefault(key, formats.get(channelKey));
            if (!format.matcher(value).matches()) {
                throw invalid(key, value, "a " + chat + " id matching " + format.pattern() + ", all of " + required + " together");
            }
        }
        String warning = text(warningChannelKey).trim();
        Pattern channelFormat = formats.get(channelKey);
        if (!warning.isEmpty() && !channelFormat.matcher(warning).matches()) {
            throw invalid(warningChannelKey, warning, "a " + chat + " channel id matching " + channelFormat.pattern());
        }
        return Optional.of(new FeatureSwitches.ChatChannel(text(workspaceKey).trim(),
                tenantKey == null ? Optional.empty() : Optional.of(text(tenantKey).trim()),
                text(channelKey).trim(), warning.isEmpty() ? Optional.empty() : Optional.of(warning)));
    }

    private Optional<String> tagValue(String key, boolean mayBeEmpty) {
        String value = text(key).trim();
        if (value.isEmpty() && mayBeEmpty) {
            return Optional.empty();
        }
        if (!TAG_VALUE.matcher(value).matches()) {
            throw invalid(key, value, "a tag value of 1-256 letters, digits, spaces and _ . : / = + - @");
        }
        return Optional.of(value);
    }

    private FeatureSwitches.Observability observability() {
        List<String> accounts = list("observabilitySourceAccounts").stream().map(a -> String.valueOf(a).trim()).toList();
        for (String account : accounts) {
            if (!ACCOUNT_ID.matcher(account).matches()) {
                throw invalid("observabilitySourceAccounts", account, "12-digit AWS account ids");
            }
        }
        String organization = text("observabilityOrganizationId").trim();
        if (!organization.isEmpty() && !ORGANIZATION_ID.matcher(organization).matches()) {
            throw invalid("observabilityOrganizationId", organization, "an organization id like o-a1b2c3d4e5");
        }
        String sinkArn = text("observabilitySinkArn").trim();
        if (!sinkArn.isEmpty() && !SINK_ARN.matcher(sinkArn).matches()) {
            throw invalid("observabilitySinkArn", sinkArn, "an OAM sink ARN like arn:aws:oam:eu-west-1:111122223333:sink/ab12...");
        }
        return new FeatureSwitches.Observability(accounts,
                organization.isEmpty() ? Optional.empty() : Optional.of(organization),
                sinkArn.isEmpty() ? Optional.empty() : Optional.of(sinkArn));
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

    /**
     * The sample job, or the listed existing jobs. An entry of monitoredJobs is a job name, or (in a JSON
     * list) an object {"jobName": ..., "stuckRunMinutes": ..., "expectedSuccessEveryMinutes": ...} that
     * overrides the global defaults for that job.
     */
    private List<MonitoredPipeline> pipelines(double durationThresholdSeconds) {
        // A run still going at twice the duration alarm's threshold is no longer just slow.
        int stuckDefault = context.get("stuckRunMinutes").toString().isBlank()
                ? (int) Math.ceil(2 * durationThresholdSeconds / 60)
                : (int) wholeNumber("stuckRunMinutes", 1, 10_080);
        OptionalInt expectedDefault = optionalWholeNumber("expectedSuccessEveryMinutes", context.get("expectedSuccessEveryMinutes"));
        List<MuteWindow> muteDefault = MuteWindow.read(context.get("muteWindows"),
                (value, allowed) -> invalid("muteWindows", value, allowed));
        List<Object> listed = list("monitoredJobs");
        Optional<Path> file = pipelinesFile();
        if (file.isPresent() && !listed.isEmpty()) {
            throw invalid("pipelinesFile", file.get().toString(), "empty while monitoredJobs lists jobs (one list of pipelines)");
        }
        if (file.isEmpty() && listed.isEmpty()) {
            return List.of(new MonitoredPipeline(MonitoredPipeline.SAMPLE_JOB_NAME, true, stuckDefault, expectedDefault,
                    Optional.empty(), muteDefault));
        }
        List<Object> entries = file.map(PipelinesFile::entries).orElse(listed);
        List<MonitoredPipeline> pipelines = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            Map<?, ?> options = entry instanceof Map<?, ?> map ? map : Map.of("jobName", entry);
            EntryField field = file.isPresent() ? new FileEntryField(file.get(), i + 1, options.get("jobName"))
                    : new ContextEntryField(options.get("jobName"));
            Set<String> unknownOptions = new TreeSet<>(options.keySet().stream().map(String::valueOf).toList());
            unknownOptions.removeAll(JOB_OPTIONS);
            if (!unknownOptions.isEmpty()) {
                throw field.invalid(unknownOptions.iterator().next(), String.valueOf(entry), "job entries with only the keys "
                        + JOB_OPTIONS);
            }
            String name = String.valueOf(options.get("jobName")).trim();
            if (!GLUE_JOB_NAME.matcher(name).matches()) {
                throw field.invalid("jobName", name,
                        "Glue job names of 1-255 letters, digits, '.', '-' or '_'" + (file.isPresent() ? "" : ", comma-separated or a JSON list"));
            }
            if (pipelines.stream().anyMatch(p -> p.jobName().equals(name))) {
                throw field.invalid("jobName", name, "each job name once");
            }
            int stuck = options.containsKey("stuckRunMinutes")
                    ? optionalWholeNumber(field, "stuckRunMinutes", options.get("stuckRunMinutes")).orElse(stuckDefault)
                    : stuckDefault;
            OptionalInt expected = options.containsKey("expectedSuccessEveryMinutes")
                    ? optionalWholeNumber(field, "expectedSuccessEveryMinutes", options.get("expectedSuccessEveryMinutes"))
                    : expectedDefault;
            Optional<String> ruleset = Optional.ofNullable(options.get("dataQualityRuleset")).map(String::valueOf)
                    .map(String::trim).filter(value -> !value.isEmpty());
            if (ruleset.isPresent() && !RULESET_NAME.matcher(ruleset.get()).matches()) {
                throw field.invalid("dataQualityRuleset", ruleset.get(),
                        "a Glue Data Quality ruleset name of 1-255 letters, digits, spaces, '.', '-' or '_'");
            }
            List<MuteWindow> mute = options.containsKey("muteWindows")
                    ? MuteWindow.read(options.get("muteWindows"), (value, allowed) -> field.invalid("muteWindows", value, allowed))
                    : muteDefault;
            pipelines.add(new MonitoredPipeline(name, false, stuck, expected, ruleset, mute));
        }
        if (file.isEmpty() && pipelines.size() > MAX_PIPELINES_IN_CONTEXT) {
            throw invalid("monitoredJobs", pipelines.size() + " jobs", "at most " + MAX_PIPELINES_IN_CONTEXT
                    + "; list more in a pipelines file (pipelinesFile), whose pipelines get nested stacks they never leave");
        }
        return pipelines;
    }

    private Optional<Path> pipelinesFile() {
        String file = text("pipelinesFile").trim();
        return file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file));
    }

    /** Where a pipeline entry came from, for errors that name the file, the entry and the field. */
    private interface EntryField {
        ConfigurationException invalid(String field, String value, String allowed);
    }

    private record ContextEntryField(Object jobName) implements EntryField {
        @Override
        public ConfigurationException invalid(String field, String value, String allowed) {
            String key = JOB_OPTIONS.contains(field) && !"jobName".equals(field)
                    ? "monitoredJobs[" + jobName + "]." + field : "monitoredJobs";
            return SettingsReader.invalid(key, value, allowed);
        }
    }

    private record FileEntryField(Path file, int entry, Object jobName) implements EntryField {
        @Override
        public ConfigurationException invalid(String field, String value, String allowed) {
            return new ConfigurationException("pipelines file " + file + ", entry " + entry
                    + (jobName == null ? "" : " (" + jobName + ")") + ", field '" + field + "' is '" + value
                    + "'; allowed: " + allowed);
        }
    }

    private static OptionalInt optionalWholeNumber(EntryField field, String name, Object value) {
        try {
            return optionalWholeNumber(name, value);
        } catch (ConfigurationException e) {
            throw field.invalid(name, String.valueOf(value), "a whole number of minutes from 1 to 10080, or empty");
        }
    }

    /** A whole number of minutes from 1 to 7 days, or empty when the value is blank or null. */
    private static OptionalInt optionalWholeNumber(String key, Object value) {
        String raw = value == null ? "" : value.toString().trim();
        if (raw.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            double number = Double.parseDouble(raw);
            if (number == Math.rint(number) && number >= 1 && number <= 10_080) {
                return OptionalInt.of((int) number);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(key, raw, "a whole number of minutes from 1 to 10080, or empty");
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

    /** A JSON list (from cdk.json, or as text from -c), or comma-separated names. */
    private List<Object> list(String key) {
        Object value = context.get(key);
        if (value instanceof List<?> items) {
            return List.copyOf(items);
        }
        String text = text(key).trim();
        if (text.startsWith("[")) {
            try {
                return List.copyOf(JSON.readValue(text, List.class));
            } catch (JsonProcessingException e) {
                throw invalid(key, text, "a JSON list of job names or job objects: " + e.getOriginalMessage());
            }
        }
        if (text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",", -1)).map(String::trim).map(name -> (Object) name).toList();
    }

    private double number(String key, double min, double max) {
        String raw = text(key).trim();
        double value;
        try {
            value = Double.parseDouble(raw);
        } catch (NumberFormatException e) {
            throw invalid(key, raw, "a number from " + NumberText.plain(min) + " to " + NumberText.plain(max));
        }
        if (!Double.isFinite(value) || value < min || value > max) {
            throw invalid(key, raw, "a number from " + NumberText.plain(min) + " to " + NumberText.plain(max));
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


    private static ConfigurationException invalid(String key, String value, String allowed) {
        return new ConfigurationException("context key '" + key + "' is '" + value + "'; allowed: " + allowed);
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("prefix", "");
        defaults.put("alertEmail", "");
        defaults.put("monitoredJobs", "");
        defaults.put("pipelinesFile", "");
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
        defaults.put("stuckRunMinutes", "");
        defaults.put("expectedSuccessEveryMinutes", "");
        defaults.put("missedRunGraceFactor", 1.5);
        defaults.put("muteWindows", "");
        defaults.put("tracing", true);
        defaults.put("anomalyDetection", "off");
        defaults.put("anomalyBandWidth", 2);
        defaults.put("minThroughputRecordsPerSecond", "");
        defaults.put("severityTopics", false);
        defaults.put("warningAlarms", String.join(",", AlarmKind.defaultWarningNames()));
        defaults.put("criticalEmail", "");
        defaults.put("warningEmail", "");
        defaults.put("healthEmail", "");
        defaults.put("slackWorkspaceId", "");
        defaults.put("slackChannelId", "");
        defaults.put("slackWarningChannelId", "");
        defaults.put("teamsTeamId", "");
        defaults.put("teamsTenantId", "");
        defaults.put("teamsChannelId", "");
        defaults.put("teamsWarningChannelId", "");
        defaults.put("environment", "dev");
        defaults.put("owner", "");
        defaults.put("contributorInsights", true);
        defaults.put("eventHistory", true);
        defaults.put("capacityAlarms", "quota");
        defaults.put("observabilitySourceAccounts", "");
        defaults.put("observabilityOrganizationId", "");
        defaults.put("observabilitySinkArn", "");
        defaults.put("logRetentionDays", 30);
        return Map.copyOf(defaults);
    }
}
