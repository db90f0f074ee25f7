package com.datapipeline.monitoring.cdk.config;

import com.datapipeline.monitoring.contract.MetricsConfiguration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The stages of a whole pipeline beyond its Glue job, as a pipelines-file entry declares them under {@code "stages"}
 * (in the order they run) and {@code "output"}: crawlers, a workflow, triggers, Data Quality rulesets, a Step
 * Functions state machine, and the job itself at its place in the chain; plus what the pipeline produces (a Glue
 * table or an S3 prefix) and how fresh it must be. A job-only entry has {@link #NONE}, and its templates do not
 * change.
 *
 * @param order  every stage in the order it runs, the pipeline's job included once
 * @param output what downstream users read; empty when none is declared
 */
public record PipelineStages(List<Stage> order, Optional<Output> output) {
    /**
     * A metric-math alarm reads at most 10 metrics, and a pipeline's crawler (or Data Quality) alarm reads one per
     * crawler (or ruleset).
     */
    public static final int MAX_STAGES_PER_ALARM = 10;

    public static final PipelineStages NONE = new PipelineStages(List.of(), Optional.empty());

    /** The kinds of stage a pipeline may list, each as a one-key object {@code {"crawler": "raw-orders"}}. */
    public enum Kind {
        JOB("job"),
        CRAWLER("crawler"),
        WORKFLOW("workflow"),
        TRIGGER("trigger"),
        DATA_QUALITY_RULESET("dataQualityRuleset"),
        STATE_MACHINE("stateMachine");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** One stage: its kind and the name of the AWS resource (a job, crawler, workflow, trigger, ruleset, state machine). */
    public record Stage(Kind kind, String name) {
        public Stage {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }
    }

    /** Where the output lives: a Glue table ({@code database.table}) or an S3 prefix ({@code s3://bucket/prefix/}). */
    public sealed interface Location {}

    public record GlueTable(String database, String table) implements Location {}

    public record S3Prefix(String bucket, String prefix) implements Location {}

    /**
     * @param location              the table or prefix
     * @param freshWithinMinutes    the newest partition, object or table update must be at most this old; empty for
     *                              no freshness expectation
     * @param freshObjectivePercent the share of the time over 28 days the output must be fresh (its SLO)
     */
    public record Output(Location location, OptionalInt freshWithinMinutes, double freshObjectivePercent) {
        /** The objective when the file names none: fresh 99 % of the time, about 6 h 43 min of budget in 28 days. */
        public static final double DEFAULT_OBJECTIVE_PERCENT = 99;

        public Output {
            Objects.requireNonNull(location, "location");
            Objects.requireNonNull(freshWithinMinutes, "freshWithinMinutes");
        }

        public Output(Location location, OptionalInt freshWithinMinutes) {
            this(location, freshWithinMinutes, DEFAULT_OBJECTIVE_PERCENT);
        }
    }

    public PipelineStages {
        order = List.copyOf(order);
        Objects.requireNonNull(output, "output");
    }

    /** The names of the stages of one kind, in the order they run. */
    public List<String> named(Kind kind) {
        return order.stream()
                .filter(stage -> stage.kind() == kind)
                .map(Stage::name)
                .toList();
    }

    public boolean declared() {
        return !order.isEmpty() || output.isPresent();
    }

    // Glue names crawlers, workflows and triggers with single-line strings of 1-255 characters (API_Crawler,
    // API_Workflow, API_Trigger); rulesets as SettingsReader already checks; state machines 1-80 characters without
    // whitespace, brackets, wildcards or control characters (API_CreateStateMachine).
    private static final Pattern GLUE_NAME = Pattern.compile("^[^\\p{Cntrl}]{1,255}$");
    public static final Pattern RULESET_NAME = Pattern.compile("^[A-Za-z0-9_. -]{1,255}$");
    private static final Pattern STATE_MACHINE_NAME =
            Pattern.compile("^[^\\s<>{}\\[\\]?*\"#%\\\\^|~`$&,;:/\\p{Cntrl}]{1,80}$");
    private static final Pattern GLUE_TABLE = MetricsConfiguration.GLUE_TABLE_FORM;
    private static final Pattern S3_PREFIX = MetricsConfiguration.S3_PREFIX_FORM;
    private static final Set<String> OUTPUT_FIELDS =
            Set.of("glueTable", "s3Prefix", "freshWithinMinutes", "freshObjectivePercent");

    /**
     * Reads an entry's {@code stages} and {@code output} (either may be absent) for the job {@code jobName}.
     *
     * @param invalid builds the one-line error for a field, its value and what is expected
     */
    public static PipelineStages read(String jobName, Object stages, Object output, Invalid invalid) {
        List<Stage> order = new ArrayList<>();
        if (stages != null) {
            if (!(stages instanceof List<?> list) || list.isEmpty()) {
                throw invalid.of(
                        "stages",
                        String.valueOf(stages),
                        "a non-empty list of one-key objects such as"
                                + " {\"crawler\": \"raw-orders\"}, in the order the stages run");
            }
            for (Object item : list) {
                order.add(stage(item, invalid));
            }
            long jobs = order.stream().filter(stage -> stage.kind() == Kind.JOB).count();
            if (jobs != 1
                    || order.stream()
                            .noneMatch(stage ->
                                    stage.kind() == Kind.JOB && stage.name().equals(jobName))) {
                throw invalid.of(
                        "stages",
                        String.valueOf(stages),
                        "the pipeline's own job {\"job\": \"" + jobName
                                + "\"} once, where it runs in the chain (list other jobs as pipelines of their own)");
            }
            if (order.stream()
                            .filter(stage -> stage.kind() == Kind.WORKFLOW || stage.kind() == Kind.STATE_MACHINE)
                            .map(Stage::kind)
                            .distinct()
                            .count()
                    != order.stream()
                            .filter(stage -> stage.kind() == Kind.WORKFLOW || stage.kind() == Kind.STATE_MACHINE)
                            .count()) {
                throw invalid.of("stages", String.valueOf(stages), "at most one workflow and one state machine");
            }
            for (Kind counted : List.of(Kind.CRAWLER, Kind.DATA_QUALITY_RULESET)) {
                long count =
                        order.stream().filter(stage -> stage.kind() == counted).count();
                if (count > MAX_STAGES_PER_ALARM) {
                    throw invalid.of(
                            "stages",
                            count + " " + counted.key() + " stages",
                            "at most " + MAX_STAGES_PER_ALARM + " per pipeline (its alarm is metric math over one"
                                    + " series per stage, and an alarm reads at most 10 metrics)");
                }
            }
            Set<Stage> seen = new java.util.HashSet<>();
            for (Stage stage : order) {
                if (!seen.add(stage)) {
                    throw invalid.of("stages", stage.kind().key() + " " + stage.name(), "each stage once");
                }
            }
        }
        return new PipelineStages(order, output == null ? Optional.empty() : Optional.of(output(output, invalid)));
    }

    private static Stage stage(Object item, Invalid invalid) {
        if (!(item instanceof Map<?, ?> map) || map.size() != 1) {
            throw invalid.of(
                    "stages",
                    String.valueOf(item),
                    "one-key objects such as {\"crawler\": \"raw-orders\"};" + " keys " + keys());
        }
        Map.Entry<?, ?> only = map.entrySet().iterator().next();
        String key = String.valueOf(only.getKey());
        Kind kind = java.util.Arrays.stream(Kind.values())
                .filter(k -> k.key().equals(key))
                .findFirst()
                .orElseThrow(() -> invalid.of("stages", key, "a stage kind of " + keys()));
        String name = only.getValue() instanceof String text ? text.trim() : "";
        Pattern pattern = switch (kind) {
            case DATA_QUALITY_RULESET -> RULESET_NAME;
            case STATE_MACHINE -> STATE_MACHINE_NAME;
            default -> GLUE_NAME;
        };
        if (!pattern.matcher(name).matches()) {
            throw invalid.of(
                    "stages",
                    key + " " + only.getValue(),
                    switch (kind) {
                        case DATA_QUALITY_RULESET -> "a ruleset name of 1-255 letters, digits, spaces, '.', '-' or '_'";
                        case STATE_MACHINE ->
                            "a state machine name of 1-80 characters without spaces or special characters";
                        default -> "a Glue " + key + " name of 1-255 characters on one line";
                    });
        }
        return new Stage(kind, name);
    }

    private static Output output(Object value, Invalid invalid) {
        if (!(value instanceof Map<?, ?> map)) {
            throw invalid.of("output", String.valueOf(value), "an object with glueTable or s3Prefix");
        }
        Set<String> unknown =
                new TreeSet<>(map.keySet().stream().map(String::valueOf).toList());
        unknown.removeAll(OUTPUT_FIELDS);
        if (!unknown.isEmpty()) {
            throw invalid.of("output", unknown.iterator().next(), "only the keys " + new TreeSet<>(OUTPUT_FIELDS));
        }
        if (map.containsKey("glueTable") == map.containsKey("s3Prefix")) {
            throw invalid.of(
                    "output",
                    String.valueOf(value),
                    "exactly one of glueTable (\"database.table\") or s3Prefix" + " (\"s3://bucket/prefix/\")");
        }
        Location location;
        if (map.containsKey("glueTable")) {
            var table = GLUE_TABLE.matcher(String.valueOf(map.get("glueTable")).trim());
            if (!table.matches()) {
                throw invalid.of("output.glueTable", String.valueOf(map.get("glueTable")), "\"database.table\"");
            }
            location = new GlueTable(table.group(1), table.group(2));
        } else {
            var prefix = S3_PREFIX.matcher(String.valueOf(map.get("s3Prefix")).trim());
            if (!prefix.matches()) {
                throw invalid.of(
                        "output.s3Prefix",
                        String.valueOf(map.get("s3Prefix")),
                        "\"s3://bucket/prefix/\" with a valid bucket name");
            }
            location = new S3Prefix(prefix.group(1), prefix.group(2));
        }
        OptionalInt fresh = OptionalInt.empty();
        if (map.containsKey("freshWithinMinutes")) {
            Object minutes = map.get("freshWithinMinutes");
            if (!(minutes instanceof Integer number) || number < 1 || number > 40_320) {
                throw invalid.of(
                        "output.freshWithinMinutes",
                        String.valueOf(minutes),
                        "whole minutes from 1 to 40320" + " (28 days)");
            }
            fresh = OptionalInt.of(number);
        }
        double objective = Output.DEFAULT_OBJECTIVE_PERCENT;
        if (map.containsKey("freshObjectivePercent")) {
            Object percent = map.get("freshObjectivePercent");
            // Application Signals takes an attainment goal below 100; under 50 % an objective says little.
            if (!(percent instanceof Number number)
                    || number.doubleValue() < 50
                    || number.doubleValue() > 99.99
                    || fresh.isEmpty()) {
                throw invalid.of(
                        "output.freshObjectivePercent",
                        String.valueOf(percent),
                        "a percent from 50 to 99.99, with freshWithinMinutes");
            }
            objective = number.doubleValue();
        }
        return new Output(location, fresh, objective);
    }

    private static String keys() {
        return java.util.Arrays.stream(Kind.values()).map(Kind::key).toList().toString();
    }

    /** Makes the one-line error for a field of the entry being read. */
    @FunctionalInterface
    public interface Invalid {
        ConfigurationException of(String field, String value, String expected);
    }
}
