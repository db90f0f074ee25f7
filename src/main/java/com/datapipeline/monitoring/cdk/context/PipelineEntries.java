package com.datapipeline.monitoring.cdk.context;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MuteWindow;
import com.datapipeline.monitoring.cdk.config.PipelineResponse;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.config.SampleChain;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The section reader of the pipelines: the sample job, or the jobs of {@code monitoredJobs} or of a pipelines file.
 * An entry is a job name, or an object {"jobName": ..., "stuckRunMinutes": ..., "expectedSuccessEveryMinutes": ...,
 * "dataQualityRuleset": ...} whose run-health fields override the global keys of the same name for that job, and
 * whose response fields ("errorClassActions", "runbookUrl", "validationJob") say what AlarmResponseFunction does for it.
 * {@code pipelines/schema.json} states the same rules for editors (a test keeps the two equal).
 */
public final class PipelineEntries {
    public static final String JOB_NAME = "jobName";
    public static final String DATA_QUALITY_RULESET = "dataQualityRuleset";
    /** A whole pipeline's stages in order and its output (config.PipelineStages reads them). */
    public static final String STAGES = "stages";

    public static final String OUTPUT = "output";
    /** The Glue job a data-quality alarm of the pipeline starts ({@code start-validation-job}). */
    public static final String VALIDATION_JOB = "validationJob";
    /** The fields of a job entry; the run-health ones are named like the context keys they override. */
    public static final Set<String> FIELDS = Set.of(
            JOB_NAME,
            ConfigKeys.STUCK_RUN_MINUTES.name(),
            ConfigKeys.EXPECTED_SUCCESS_EVERY_MINUTES.name(),
            DATA_QUALITY_RULESET,
            STAGES,
            OUTPUT,
            ConfigKeys.MUTE_WINDOWS.name(),
            ConfigKeys.ERROR_CLASS_ACTIONS.name(),
            ConfigKeys.RUNBOOK_URL.name(),
            VALIDATION_JOB,
            ConfigKeys.MONTHLY_BUDGET_USD.name());

    public static final Pattern GLUE_JOB_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,255}$");
    public static final Pattern RULESET_NAME = PipelineStages.RULESET_NAME;
    private static final ValueType<OptionalInt> MINUTES = ValueTypes.minutesOrEmpty();

    private PipelineEntries() {}

    static List<MonitoredPipeline> read(ContextValues values, double durationThresholdSeconds) {
        // A run still going at twice the duration alarm's threshold is no longer just slow.
        int stuckDefault = values.get(ConfigKeys.STUCK_RUN_MINUTES)
                .orElseGet(() -> (int) Math.ceil(2 * durationThresholdSeconds / 60));
        OptionalInt expectedDefault = values.get(ConfigKeys.EXPECTED_SUCCESS_EVERY_MINUTES);
        List<MuteWindow> muteDefault = values.get(ConfigKeys.MUTE_WINDOWS);
        OptionalDouble budgetDefault = optional(values.get(ConfigKeys.MONTHLY_BUDGET_USD));
        List<Object> listed = values.get(ConfigKeys.MONITORED_JOBS);
        Optional<Path> file = file(values);
        if (file.isPresent() && !listed.isEmpty()) {
            throw ValueTypes.invalid(
                    ConfigKeys.PIPELINES_FILE.name(),
                    file.get().toString(),
                    "empty while " + ConfigKeys.MONITORED_JOBS.name() + " lists jobs (one list of pipelines)");
        }
        if (file.isEmpty() && listed.isEmpty()) {
            return List.of(new MonitoredPipeline(
                    MonitoredPipeline.SAMPLE_JOB_NAME,
                    true,
                    stuckDefault,
                    expectedDefault,
                    Optional.empty(),
                    new SampleChain(
                                    MonitoredPipeline.SAMPLE_JOB_NAME,
                                    new ResourceNames(values.get(ConfigKeys.PREFIX)).glueDatabase())
                            .stages(freshWithin(expectedDefault, values.get(ConfigKeys.MISSED_RUN_GRACE_FACTOR))),
                    muteDefault,
                    PipelineResponse.NONE,
                    budgetDefault));
        }
        List<Object> entries = file.map(PipelinesFile::entries).orElse(listed);
        List<MonitoredPipeline> pipelines = new ArrayList<>();
        Map<String, String> crawlerOwners = new java.util.HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Object entry = entries.get(i);
            Map<?, ?> options = entry instanceof Map<?, ?> map ? map : Map.of(JOB_NAME, entry);
            EntryField field = file.isPresent()
                    ? new FileEntryField(file.get(), i + 1, options.get(JOB_NAME))
                    : new ContextEntryField(options.get(JOB_NAME));
            Set<String> unknownOptions =
                    new TreeSet<>(options.keySet().stream().map(String::valueOf).toList());
            unknownOptions.removeAll(FIELDS);
            if (!unknownOptions.isEmpty()) {
                throw field.invalid(
                        unknownOptions.iterator().next(),
                        String.valueOf(entry),
                        "job entries with only the keys " + FIELDS);
            }
            String name = String.valueOf(options.get(JOB_NAME)).trim();
            if (!GLUE_JOB_NAME.matcher(name).matches()) {
                throw field.invalid(
                        JOB_NAME,
                        name,
                        "Glue job names of 1-255 letters, digits, '.', '-' or '_'"
                                + (file.isPresent() ? "" : ", comma-separated or a JSON list"));
            }
            if (pipelines.stream().anyMatch(p -> p.jobName().equals(name))) {
                throw field.invalid(JOB_NAME, name, "each job name once");
            }
            int stuck = minutes(field, ConfigKeys.STUCK_RUN_MINUTES, options)
                    .map(m -> m.orElse(stuckDefault))
                    .orElse(stuckDefault);
            OptionalInt expected = minutes(field, ConfigKeys.EXPECTED_SUCCESS_EVERY_MINUTES, options)
                    .orElse(expectedDefault);
            Optional<String> ruleset = text(options, DATA_QUALITY_RULESET);
            if (ruleset.isPresent() && !RULESET_NAME.matcher(ruleset.get()).matches()) {
                throw field.invalid(
                        DATA_QUALITY_RULESET,
                        ruleset.get(),
                        "a Glue Data Quality ruleset name of 1-255 letters, digits, spaces, '.', '-' or '_'");
            }
            PipelineStages stages = PipelineStages.read(name, options.get(STAGES), options.get(OUTPUT), field::invalid);
            // One failed crawl is one incident: it pages the one pipeline that lists the crawler (its response route
            // and its crawler alarm); a pipeline downstream of another's crawler notices through its own output.
            for (String crawler : stages.named(PipelineStages.Kind.CRAWLER)) {
                String owner = crawlerOwners.putIfAbsent(crawler, name);
                if (owner != null) {
                    throw field.invalid(
                            STAGES,
                            PipelineStages.Kind.CRAWLER.key() + " " + crawler,
                            "a crawler no other pipeline lists (" + owner + " lists it; list it once, in the pipeline"
                                    + " whose page its failure should raise)");
                }
            }
            String muteField = ConfigKeys.MUTE_WINDOWS.name();
            List<MuteWindow> mute = options.containsKey(muteField)
                    ? MuteWindow.read(
                            options.get(muteField), (value, allowed) -> field.invalid(muteField, value, allowed))
                    : muteDefault;
            pipelines.add(new MonitoredPipeline(
                    name,
                    false,
                    stuck,
                    expected,
                    ruleset,
                    stages,
                    mute,
                    response(field, options),
                    budget(field, options).orElse(budgetDefault)));
        }
        if (file.isEmpty() && pipelines.size() > ConfigKeys.MAX_PIPELINES_IN_CONTEXT) {
            throw ValueTypes.invalid(
                    ConfigKeys.MONITORED_JOBS.name(),
                    pipelines.size() + " jobs",
                    "at most "
                            + ConfigKeys.MAX_PIPELINES_IN_CONTEXT + "; list more in a pipelines file ("
                            + ConfigKeys.PIPELINES_FILE.name()
                            + "), whose pipelines get nested stacks they never leave");
        }
        return pipelines;
    }

    /**
     * How fresh the sample's output must be: a run is due every {@code expected} minutes and missed after that times
     * the grace factor (the missed-run alarm's limit); its crawl adds the partition minutes after the run succeeds.
     */
    private static OptionalInt freshWithin(OptionalInt expected, double graceFactor) {
        return expected.isEmpty() ? expected : OptionalInt.of((int) Math.ceil(expected.getAsInt() * graceFactor));
    }

    /** The entry's own response options: its error class actions, runbook and validation job. */
    private static PipelineResponse response(EntryField field, Map<?, ?> options) {
        String actionsField = ConfigKeys.ERROR_CLASS_ACTIONS.name();
        Map<ErrorClass, RouteAction> actions = PipelineResponse.readErrorClassActions(
                options.get(actionsField),
                value -> field.invalid(actionsField, value, ValueTypes.ERROR_CLASS_ACTIONS_ALLOWED));
        String runbookField = ConfigKeys.RUNBOOK_URL.name();
        Optional<String> runbook = text(options, runbookField);
        if (runbook.isPresent()
                && !PipelineResponse.RUNBOOK_URL.matcher(runbook.get()).matches()) {
            throw field.invalid(runbookField, runbook.get(), PipelineResponse.RUNBOOK_URL_ALLOWED);
        }
        Optional<String> validation = text(options, VALIDATION_JOB);
        if (validation.isPresent() && !GLUE_JOB_NAME.matcher(validation.get()).matches()) {
            throw field.invalid(
                    VALIDATION_JOB, validation.get(), "a Glue job name of 1-255 letters, digits, '.', '-' or '_'");
        }
        return new PipelineResponse(actions, runbook, validation);
    }

    private static Optional<String> text(Map<?, ?> options, String field) {
        return Optional.ofNullable(options.get(field))
                .map(String::valueOf)
                .map(String::trim)
                .filter(value -> !value.isEmpty());
    }

    static Optional<Path> file(ContextValues values) {
        return values.get(ConfigKeys.PIPELINES_FILE).map(Path::of);
    }

    /** A job's own run-health field: empty when the entry does not have it. */
    private static Optional<OptionalInt> minutes(EntryField field, ConfigKey<?> key, Map<?, ?> options) {
        if (!options.containsKey(key.name())) {
            return Optional.empty();
        }
        Object value = options.get(key.name());
        try {
            return Optional.of(MINUTES.read(key.name(), value));
        } catch (ConfigurationException e) {
            throw field.invalid(key.name(), String.valueOf(value), MINUTES.allowed());
        }
    }

    /** A job's own monthly budget: empty when the entry does not have it; null in the entry: no budget. */
    private static Optional<OptionalDouble> budget(EntryField field, Map<?, ?> options) {
        ConfigKey<Optional<Double>> key = ConfigKeys.MONTHLY_BUDGET_USD;
        if (!options.containsKey(key.name())) {
            return Optional.empty();
        }
        Object value = options.get(key.name());
        try {
            return Optional.of(optional(key.type().read(key.name(), value == null ? "" : value)));
        } catch (ConfigurationException e) {
            throw field.invalid(key.name(), String.valueOf(value), key.type().allowed());
        }
    }

    private static OptionalDouble optional(Optional<Double> value) {
        return value.map(OptionalDouble::of).orElseGet(OptionalDouble::empty);
    }

    /** Where a pipeline entry came from, for errors that name the file, the entry and the field. */
    private interface EntryField {
        ConfigurationException invalid(String field, String value, String allowed);
    }

    private record ContextEntryField(Object jobName) implements EntryField {
        @Override
        public ConfigurationException invalid(String field, String value, String allowed) {
            String jobs = ConfigKeys.MONITORED_JOBS.name();
            String key = FIELDS.contains(field) && !JOB_NAME.equals(field) ? jobs + "[" + jobName + "]." + field : jobs;
            return ValueTypes.invalid(key, value, allowed);
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
}
