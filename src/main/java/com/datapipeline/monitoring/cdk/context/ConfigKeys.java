package com.datapipeline.monitoring.cdk.context;

import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.ALERTING;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.CHAT;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.CROSS_ACCOUNT;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.NAMES;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.OBSERVABILITY;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.PIPELINES;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.REMEDIATION;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.RUN_HEALTH;
import static com.datapipeline.monitoring.cdk.context.ConfigKey.Section.THRESHOLDS;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.config.AnomalyDetection;
import com.datapipeline.monitoring.cdk.config.CapacityAlarms;
import com.datapipeline.monitoring.cdk.config.MuteWindow;
import com.datapipeline.monitoring.cdk.config.PipelineResponse;
import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The key registry: every context key the app reads, defined once (name, section, type, default, help). The
 * readers read through it, an unknown key is refused with the nearest known one, and cdk.json's context and
 * the README's configuration table are written from it ({@link ConfigTable}; tests keep all three equal).
 * A new key is one line here plus its use in {@link SettingsReader} (README, "Contributing").
 */
public final class ConfigKeys {
    /** More pipelines than this go to nested stacks, whose placement needs a pipelines file to stay stable. */
    public static final int MAX_PIPELINES_IN_CONTEXT = 20;

    // Formats AWS Chatbot's CloudFormation schema enforces (a mistake would otherwise fail at deploy).
    private static final Pattern SLACK_WORKSPACE = Pattern.compile("^[0-9A-Z]{1,255}$");
    private static final Pattern SLACK_CHANNEL = Pattern.compile("^[A-Za-z0-9]{1,255}$");
    private static final Pattern UUID = Pattern.compile("^[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}$");
    /** A Teams channel id as it appears in the channel's link, URL-encoded: 19%3a...%40thread.tacv2 */
    private static final Pattern TEAMS_CHANNEL =
            Pattern.compile("^[A-Za-z0-9_=+/.,-]*%3[aA][A-Za-z0-9_=+/.,-]*%40[A-Za-z0-9_=+/.,-]*$");

    private static final ValueType<String> TAG_VALUE = ValueTypes.text(
            Pattern.compile("^[\\p{L}\\p{N} _.:/=+@-]{1,256}$"),
            "a tag value of 1-256 letters, digits, spaces and _ . : / = + - @");
    private static final List<Integer> RETENTION_PERIODS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private static final List<ConfigKey<?>> KEYS = new ArrayList<>();

    // ---- Names and tags
    public static final ConfigKey<String> PREFIX = key(
            "prefix",
            NAMES,
            ValueTypes.exactText(
                    Pattern.compile("^[A-Za-z0-9_-]{0,32}$"),
                    "up to 32 letters, digits, '-' or '_' (it starts every resource name)"),
            "",
            "starts every name (topic, alarms, dashboard, functions, queries, stack), for several deployments per"
                    + " account");
    public static final ConfigKey<String> ENVIRONMENT =
            key("environment", NAMES, TAG_VALUE, "dev", "the `environment` tag on every resource");
    public static final ConfigKey<Optional<String>> OWNER =
            key("owner", NAMES, TAG_VALUE.orEmpty(), "", "the `owner` tag on every resource; empty: no owner tag");

    // ---- Pipelines
    public static final ConfigKey<List<Object>> MONITORED_JOBS = key(
            "monitoredJobs",
            PIPELINES,
            ValueTypes.list("job names or job objects"),
            "",
            "existing Glue jobs to monitor, at most " + MAX_PIPELINES_IN_CONTEXT + ", each a name or an object with its"
                    + " own options (below); empty: create and monitor the lab's sample job");
    public static final ConfigKey<Optional<String>> PIPELINES_FILE = key(
            "pipelinesFile",
            PIPELINES,
            ValueTypes.anyText("a JSON file's path from the project root").orEmpty(),
            "",
            "a pipelines file to read the jobs from instead (see \"Many pipelines: the pipelines file\")");
    public static final ConfigKey<MetricsSource> METRICS_SOURCE = key(
            "metricsSource",
            PIPELINES,
            ValueTypes.oneOf(MetricsSource.values(), MetricsSource::configName),
            MetricsSource.GLUE.configName(),
            "`glue`: metrics measured from the jobs; `simulate`: the lab's random values, for demos");
    public static final ConfigKey<Integer> JOB_TIMEOUT_MINUTES =
            key("jobTimeoutMinutes", PIPELINES, ValueTypes.wholeNumber(1, 2880), 30, "timeout of the sample job");

    // ---- Alarm thresholds
    public static final ConfigKey<Double> DURATION_THRESHOLD_SECONDS = key(
            "durationThresholdSeconds",
            THRESHOLDS,
            ValueTypes.number(1, 172_800),
            300,
            "`GlueJobDurationAlarm`: ETL time above this");
    public static final ConfigKey<Double> FAILED_TASKS_THRESHOLD = key(
            "failedTasksThreshold",
            THRESHOLDS,
            ValueTypes.number(0, 1_000_000),
            0,
            "`GlueJobFailureAlarm`: failed Spark tasks above this");
    public static final ConfigKey<Double> MEMORY_THRESHOLD_PERCENT = key(
            "memoryThresholdPercent",
            THRESHOLDS,
            ValueTypes.number(1, 100),
            80,
            "`GlueJobMemoryAlarm`: driver heap above this");
    public static final ConfigKey<Double> DATA_QUALITY_THRESHOLD_PERCENT = key(
            "dataQualityThresholdPercent",
            THRESHOLDS,
            ValueTypes.number(0, 100),
            90,
            "`DataQualityAlarm`: score below this");
    public static final ConfigKey<Double> ERROR_RATE_THRESHOLD_PERCENT = key(
            "errorRateThresholdPercent",
            THRESHOLDS,
            ValueTypes.number(0, 100),
            2,
            "`ErrorRateAlarm`: percent of failed runs above this");
    public static final ConfigKey<Double> LATENCY_THRESHOLD_SECONDS = key(
            "latencyThresholdSeconds",
            THRESHOLDS,
            ValueTypes.number(1, 172_800),
            180,
            "`ProcessingLatencyAlarm`: latest run longer than this");
    public static final ConfigKey<Optional<Double>> MIN_THROUGHPUT = key(
            "minThroughputRecordsPerSecond",
            THRESHOLDS,
            ValueTypes.number(0.001, 1e9).orEmpty(),
            "",
            "`LowThroughputAlarm`: records per second below this (the throughput graphs are always there); empty:"
                    + " no alarm");
    public static final ConfigKey<AnomalyDetection> ANOMALY_DETECTION = key(
            "anomalyDetection",
            THRESHOLDS,
            ValueTypes.oneOf(AnomalyDetection.values(), AnomalyDetection::configName),
            AnomalyDetection.OFF.configName(),
            "anomaly-detection alarms on DataQualityScore, ErrorRate and ProcessingLatency, beside or instead of their"
                    + " static thresholds");
    public static final ConfigKey<Double> ANOMALY_BAND_WIDTH = key(
            "anomalyBandWidth",
            THRESHOLDS,
            ValueTypes.number(0.5, 10),
            2,
            "the anomaly band's width, in standard deviations");
    public static final ConfigKey<CapacityAlarms> CAPACITY_ALARMS = key(
            "capacityAlarms",
            THRESHOLDS,
            ValueTypes.oneOf(CapacityAlarms.values(), CapacityAlarms::configName),
            CapacityAlarms.QUOTA.configName(),
            "`quota`: `GlueConcurrentRunsQuotaAlarm` on the account's concurrent Glue job runs; `all`: also five"
                    + " capacity signals per pipeline (see \"Capacity alarms\")");
    public static final ConfigKey<Boolean> DETAILED_METRICS = key(
            "detailedMetrics",
            THRESHOLDS,
            ValueTypes.bool(),
            false,
            "added pipelines (the sample job always has them): `ErrorRate`, `ProcessingLatency`, `LongestRunningSeconds`,"
                    + " `DataQualityScore`, `SecondsSinceLastSuccess`, `RecordsProcessed` and `CollectionErrors` with an"
                    + " alarm each under a composite page; off: one `Breach` metric and one alarm per page (see \"What it"
                    + " costs\"); always on with `metricsSource=simulate`");

    // ---- Stuck and missed runs (defaults for every job; a job entry may override them)
    public static final ConfigKey<Optional<Integer>> STUCK_RUN_MINUTES = key(
            "stuckRunMinutes",
            RUN_HEALTH,
            ValueTypes.wholeNumber(1, ValueTypes.MAX_MINUTES).orEmpty(),
            "",
            "`GlueJobStuckRunAlarm`: a run still going after this many minutes; empty: twice the duration threshold"
                    + " (10)");
    public static final ConfigKey<OptionalInt> EXPECTED_SUCCESS_EVERY_MINUTES = key(
            "expectedSuccessEveryMinutes",
            RUN_HEALTH,
            ValueTypes.minutesOrEmpty(),
            "",
            "`GlueJobMissedRunAlarm`: the job should succeed at least this often; empty: no missed-run alarm");
    public static final ConfigKey<Double> MISSED_RUN_GRACE_FACTOR = key(
            "missedRunGraceFactor",
            RUN_HEALTH,
            ValueTypes.number(1, 10),
            1.5,
            "the missed-run alarm fires after `expectedSuccessEveryMinutes` × this");
    public static final ConfigKey<List<MuteWindow>> MUTE_WINDOWS = key(
            "muteWindows",
            RUN_HEALTH,
            ValueTypes.muteWindows(),
            "",
            "planned quiet times of every pipeline's pages, a JSON list of `{\"schedule\", \"duration\", \"timeZone\"}`"
                    + " (see \"Mute windows\"); empty: none");

    // ---- Who gets paged
    public static final ConfigKey<Optional<String>> ALERT_EMAIL = key(
            "alertEmail",
            ALERTING,
            ValueTypes.email(),
            "",
            "email address subscribed to the alert topic(s) and, unless `healthEmail` or `criticalEmail` is set, the"
                    + " monitoring-health topic (confirm the email AWS sends)");
    public static final ConfigKey<Optional<String>> HEALTH_EMAIL = key(
            "healthEmail",
            ALERTING,
            ValueTypes.email(),
            "",
            "email address for the monitoring-health topic instead; empty: `criticalEmail`, else `alertEmail`");
    public static final ConfigKey<Boolean> SEVERITY_TOPICS = key(
            "severityTopics",
            ALERTING,
            ValueTypes.bool(),
            false,
            "a critical and a warning topic, each paging once per pipeline incident, instead of one alert topic");
    public static final ConfigKey<List<String>> WARNING_ALARMS = key(
            "warningAlarms",
            ALERTING,
            ValueTypes.namesFrom("alarm names", AlarmKind.signalNames()),
            String.join(",", AlarmKind.defaultWarningNames()),
            "with `severityTopics`: the signals that page on the warning topic (the others are critical)");
    public static final ConfigKey<Optional<String>> CRITICAL_EMAIL = key(
            "criticalEmail",
            ALERTING,
            ValueTypes.email(),
            "",
            "with `severityTopics`: email address for the critical topic, besides `alertEmail`");
    public static final ConfigKey<Optional<String>> WARNING_EMAIL = key(
            "warningEmail",
            ALERTING,
            ValueTypes.email(),
            "",
            "with `severityTopics`: email address for the warning topic, besides `alertEmail`");

    // ---- Chat channels (AWS Chatbot): each chat's ids all together, or none
    private static final String SLACK_IDS = "[slackWorkspaceId, slackChannelId]";
    private static final String TEAMS_IDS = "[teamsTeamId, teamsTenantId, teamsChannelId]";
    public static final ConfigKey<Optional<String>> SLACK_WORKSPACE_ID = key(
            "slackWorkspaceId",
            CHAT,
            chatId("slack", SLACK_WORKSPACE, SLACK_IDS),
            "",
            "Slack workspace for alerts through AWS Chatbot (authorize it in the Chatbot console first)");
    public static final ConfigKey<Optional<String>> SLACK_CHANNEL_ID = key(
            "slackChannelId",
            CHAT,
            chatId("slack", SLACK_CHANNEL, SLACK_IDS),
            "",
            "Slack channel for critical alerts, and for warnings unless `slackWarningChannelId` is set");
    public static final ConfigKey<Optional<String>> SLACK_WARNING_CHANNEL_ID = key(
            "slackWarningChannelId", CHAT, warningChannel("slack", SLACK_CHANNEL), "", "Slack channel for warnings");
    public static final ConfigKey<Optional<String>> TEAMS_TEAM_ID = key(
            "teamsTeamId",
            CHAT,
            chatId("teams", UUID, TEAMS_IDS),
            "",
            "Microsoft Teams team for alerts through AWS Chatbot (authorize it in the Chatbot console first)");
    public static final ConfigKey<Optional<String>> TEAMS_TENANT_ID =
            key("teamsTenantId", CHAT, chatId("teams", UUID, TEAMS_IDS), "", "the Microsoft Teams team's tenant");
    public static final ConfigKey<Optional<String>> TEAMS_CHANNEL_ID = key(
            "teamsChannelId",
            CHAT,
            chatId("teams", TEAMS_CHANNEL, TEAMS_IDS),
            "",
            "Teams channel (URL-encoded, as in its link) for critical alerts, and for warnings unless"
                    + " `teamsWarningChannelId` is set");
    public static final ConfigKey<Optional<String>> TEAMS_WARNING_CHANNEL_ID = key(
            "teamsWarningChannelId", CHAT, warningChannel("teams", TEAMS_CHANNEL), "", "Teams channel for warnings");

    // ---- Remediation
    public static final ConfigKey<Boolean> REMEDIATION_ENABLED = key(
            "remediation",
            REMEDIATION,
            ValueTypes.bool(),
            true,
            "`false` turns every automated action off (decisions are still logged)");
    public static final ConfigKey<Integer> MAX_RESTARTS = key(
            "maxRestarts",
            REMEDIATION,
            ValueTypes.wholeNumber(0, 100),
            2,
            "restarts per job within `restartWindowMinutes`");
    public static final ConfigKey<Integer> RESTART_WINDOW_MINUTES = key(
            "restartWindowMinutes",
            REMEDIATION,
            ValueTypes.wholeNumber(1, 1440),
            60,
            "the rolling window of the restart budget");

    public static final ConfigKey<Map<ErrorClass, RouteAction>> ERROR_CLASS_ACTIONS = key(
            ResponseConfiguration.ERROR_CLASS_ACTIONS,
            REMEDIATION,
            ValueTypes.errorClassActions(),
            "",
            "what a failed run of each error class gets, for every pipeline (a pipeline entry may override classes); the"
                    + " classes not named keep their default: `transient` restart-job, the others notify-only (see"
                    + " \"Error classes\")");
    public static final ConfigKey<Integer> PAUSE_AFTER_FAILURES = key(
            ResponseConfiguration.PAUSE_AFTER_FAILURES,
            REMEDIATION,
            ValueTypes.wholeNumber(
                    ResponseConfiguration.MIN_PAUSE_AFTER_FAILURES, ResponseConfiguration.MAX_PAUSE_AFTER_FAILURES),
            ResponseConfiguration.DEFAULT_PAUSE_AFTER_FAILURES,
            "a class routed to `pause-trigger` stops the job's own triggers after this many failed runs in a row");
    public static final ConfigKey<Optional<String>> RUNBOOK_URL = key(
            ResponseConfiguration.RUNBOOK_URL,
            REMEDIATION,
            ValueTypes.text(PipelineResponse.RUNBOOK_URL, PipelineResponse.RUNBOOK_URL_ALLOWED)
                    .orEmpty(),
            "",
            "the runbook pages and alarm descriptions link to, with the failure mode's section as an anchor (a pipeline"
                    + " entry may have its own); empty: `" + ResponseConfiguration.DEFAULT_RUNBOOK + "` of this"
                    + " repository");

    // ---- The monitoring's own logs and traces
    public static final ConfigKey<Boolean> TRACING = key(
            "tracing",
            OBSERVABILITY,
            ValueTypes.bool(),
            true,
            "X-Ray active tracing on both functions, with a subsegment per AWS SDK call");
    public static final ConfigKey<Integer> LOG_RETENTION_DAYS = key(
            "logRetentionDays",
            OBSERVABILITY,
            ValueTypes.oneOfNumbers(RETENTION_PERIODS, "one of CloudWatch's " + RETENTION_PERIODS),
            30,
            "retention of the functions' and the event history's log groups");
    public static final ConfigKey<Boolean> CONTRIBUTOR_INSIGHTS = key(
            "contributorInsights",
            OBSERVABILITY,
            ValueTypes.bool(),
            true,
            "Contributor Insights rule `TopGlueJobFailures`: failed runs' jobs and errors, ranked");
    public static final ConfigKey<Boolean> EVENT_HISTORY = key(
            "eventHistory",
            OBSERVABILITY,
            ValueTypes.bool(),
            true,
            "this stack's alarm state changes kept beside the Glue job events and shown on the dashboard");
    public static final ConfigKey<Boolean> COST_PER_RUN = key(
            "costPerRun",
            OBSERVABILITY,
            ValueTypes.bool(),
            false,
            "`DpuHours` and `RunCostUsd` of each pipeline's finished Glue runs, published by the metrics function (two"
                    + " custom metrics per pipeline, see \"Cost per run\")");
    public static final ConfigKey<Double> GLUE_PRICE_PER_DPU_HOUR = key(
            "gluePricePerDpuHour",
            OBSERVABILITY,
            ValueTypes.number(0.01, 100),
            0.44,
            "USD per DPU-hour that `RunCostUsd` multiplies the DPU-hours by (Glue's list price for Spark ETL jobs in"
                    + " us-east-1, see \"Cost per run\")");

    public static final ConfigKey<Optional<Double>> MONTHLY_BUDGET_USD = key(
            "monthlyBudgetUsd",
            OBSERVABILITY,
            ValueTypes.number(0.01, 1_000_000).orEmpty(),
            "",
            "every pipeline's monthly budget (a pipeline entry may have its own, `null` for none):"
                    + " `PipelineOverBudgetAlarm`, a warning, when the month's projected cost of its Glue runs is above"
                    + " it (see \"Cost per run\"); empty: no budget");

    // ---- Cross-account observability (CloudWatch Observability Access Manager)
    public static final ConfigKey<List<String>> OBSERVABILITY_SOURCE_ACCOUNTS = key(
            "observabilitySourceAccounts",
            CROSS_ACCOUNT,
            ValueTypes.names(
                    "account ids", Pattern.compile("^\\d{12}$").asMatchPredicate(), "12-digit AWS account ids"),
            "",
            "in a monitoring account: the accounts that may link to its observability sink");
    public static final ConfigKey<Optional<String>> OBSERVABILITY_ORGANIZATION_ID = key(
            "observabilityOrganizationId",
            CROSS_ACCOUNT,
            ValueTypes.text(Pattern.compile("^o-[a-z0-9]{10,32}$"), "an organization id like o-a1b2c3d4e5")
                    .orEmpty(),
            "",
            "in a monitoring account: an organization whose accounts may link (instead of or besides the list)");
    public static final ConfigKey<Optional<String>> OBSERVABILITY_SINK_ARN = key(
            "observabilitySinkArn",
            CROSS_ACCOUNT,
            ValueTypes.text(
                            Pattern.compile("^arn:aws[a-z-]*:oam:[a-z0-9-]+:\\d{12}:sink/[A-Za-z0-9-]+$"),
                            "an OAM sink ARN like arn:aws:oam:eu-west-1:111122223333:sink/ab12...")
                    .orEmpty(),
            "",
            "in a source account: the monitoring account's sink to link to");

    /** Every key, in the order of the sections and of cdk.json. */
    public static final List<ConfigKey<?>> ALL = List.copyOf(KEYS);

    /** Keys of earlier versions, with why they went, so an old cdk.json gets an answer rather than "unknown key". */
    public static final Map<String, String> REMOVED = Map.of(
            "pipelineUnhealthyAlarm",
                    "every pipeline's alarms now page through its composite alarms (one incident,"
                            + " one page); delete the key",
            "childAlarmActions",
                    "a composite's child alarms never page on their own any more (one incident, one page);"
                            + " delete the key");

    private ConfigKeys() {}

    /** Each key's default, as cdk.json shows it. */
    public static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        ALL.forEach(key -> defaults.put(key.name(), key.defaultValue()));
        return defaults;
    }

    public static Optional<ConfigKey<?>> find(String name) {
        return ALL.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    /** The known key a typo most likely meant, if one is close enough to guess. */
    public static Optional<String> nearest(String unknown) {
        String typo = unknown.toLowerCase(Locale.ROOT);
        return ALL.stream()
                .map(ConfigKey::name)
                .map(name -> Map.entry(name, editDistance(typo, name.toLowerCase(Locale.ROOT))))
                .filter(candidate -> candidate.getValue() <= Math.max(2, typo.length() / 3))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    /** Levenshtein distance, with a swap of two neighbouring letters counted as one edit. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static ValueType<Optional<String>> chatId(String chat, Pattern format, String together) {
        String allowed = "a " + chat + " id matching " + format.pattern() + ", all of " + together + " together";
        return ValueTypes.text(format, allowed).orEmpty(allowed);
    }

    private static ValueType<Optional<String>> warningChannel(String chat, Pattern format) {
        return ValueTypes.text(format, "a " + chat + " channel id matching " + format.pattern())
                .orEmpty();
    }

    private static <T> ConfigKey<T> key(
            String name, ConfigKey.Section section, ValueType<T> type, Object defaultValue, String help) {
        ConfigKey<T> key = new ConfigKey<>(name, section, type, defaultValue, help);
        KEYS.add(key);
        return key;
    }
}
