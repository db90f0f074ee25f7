package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.alerting.AlertTopic;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.SampleGlueJob;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What `make` prints after a synth: one screen whatever the number of pipelines (counts, stacks, where the
 * templates are, the cost, the next command), and a details file with every name.
 */
final class DeploymentSummary {
    /** How many names a summary line shows before "and N more". */
    static final int NAMES_SHOWN = 3;
    /** How many resource types the summary shows, most frequent first. */
    static final int TYPES_SHOWN = 3;
    /** A screen's width; longer lines wrap after a comma, under their label. */
    static final int WIDTH = 100;

    private static final int LABEL_WIDTH = 17;
    static final String NEXT_COMMAND =
            "Next: `make deploy` (needs AWS credentials; `make diff` shows the changes first)";

    private DeploymentSummary() {}

    /** One synthesized template and how many resources of each type it holds. */
    record TemplateFile(String path, Map<String, Integer> resourcesByType) {
        int resources() {
            return resourcesByType.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Everything the summary and the details file say, so their shape can be tested without a synth. */
    record Facts(
            String stackName,
            String sampleJob,
            List<String> jobs,
            List<String> alarms,
            List<String> topics,
            String dashboard,
            List<String> functions,
            String schedule,
            List<String> savedQueries,
            List<TemplateFile> templates,
            MonthlyCostEstimate cost,
            String outdir,
            List<String> muteWindows) {
        int resources() {
            return templates.stream().mapToInt(TemplateFile::resources).sum();
        }

        Map<String, Integer> resourcesByType() {
            Map<String, Integer> byType = new TreeMap<>();
            templates.forEach(t -> t.resourcesByType().forEach((type, n) -> byType.merge(type, n, Integer::sum)));
            return byType;
        }
    }

    static Facts facts(MonitoringStack stack, Path outdir) {
        MonitoringSettings settings = stack.settings();
        ResourceNames names = new ResourceNames(settings.prefix());
        String sampleJob = settings.createsSampleJob()
                ? MonitoredPipeline.SAMPLE_JOB_NAME + " (created here: Glue " + SampleGlueJob.GLUE_VERSION
                        + " job, database " + names.glueDatabase()
                        + ", output bucket, trigger, crawler and Data Quality ruleset of its chain)"
                : null;
        List<String> topics = stack.allTopics().stream().map(AlertTopic::name).toList();
        List<String> functions = List.of(
                names.shared(ResourceNames.METRICS_FUNCTION) + " ("
                        + settings.metricsSource().configName() + " metrics)",
                names.shared(ResourceNames.RESPONSE_FUNCTION) + " (remediation "
                        + (settings.remediation().enabled() ? "on" : "off") + ")");
        List<String> queries = List.of(
                names.savedQuery(ResourceNames.ERROR_QUERY),
                names.savedQuery(ResourceNames.PERFORMANCE_QUERY),
                names.savedQuery(ResourceNames.RESPONSE_AUDIT_QUERY));
        List<String> stackTemplates = new ArrayList<>();
        stackTemplates.add(stack.getTemplateFile());
        stack.nestedStacks().forEach(nested -> stackTemplates.add(nested.getTemplateFile()));
        List<TemplateFile> templates = stackTemplates.stream()
                .map(file -> readTemplate(outdir.resolve(file), displayPath(outdir.resolve(file))))
                .toList();
        return new Facts(
                stack.getStackName(),
                sampleJob,
                settings.pipelines().stream().map(MonitoredPipeline::jobName).toList(),
                stack.alarmNames(),
                topics,
                names.shared(ResourceNames.DASHBOARD),
                functions,
                names.shared(ResourceNames.METRICS_SCHEDULE)
                        + (PipelineMetricSet.PERIOD_MINUTES == 1
                                ? " (every minute)"
                                : " (every " + PipelineMetricSet.PERIOD_MINUTES + " minutes)"),
                queries,
                templates,
                stack.costEstimate(),
                displayPath(outdir),
                muteWindows(settings));
    }

    /** Each pipeline's mute windows, one a line: "orders-etl: cron(0 2 * * SUN) for PT4H (Europe/Berlin)". */
    static List<String> muteWindows(MonitoringSettings settings) {
        return settings.pipelines().stream()
                .flatMap(pipeline -> pipeline.muteWindows().stream().map(w -> pipeline.jobName() + ": " + w.text()))
                .toList();
    }

    /** The screen `make` prints: at most about 20 lines of at most 100 characters, for 1 or 500 pipelines. */
    static String summary(Facts facts) {
        StringBuilder out = new StringBuilder();
        out.append(facts.stackName()).append(": what a deploy would create\n");
        if (facts.sampleJob() != null) {
            line(out, "Glue job", facts.sampleJob());
        }
        line(out, "Pipelines", facts.jobs().size() + ": " + firstNames(facts.jobs()));
        line(
                out,
                "Alarms",
                String.format(Locale.ROOT, "%,d (%s)", facts.alarms().size(), firstNames(facts.alarms())));
        line(out, "SNS topics", facts.topics().size() + ": " + firstNames(facts.topics()));
        line(out, "Dashboard", facts.dashboard());
        line(out, "Functions", String.join(", ", facts.functions()));
        line(out, "Schedule", facts.schedule());
        line(out, "Saved queries", String.valueOf(facts.savedQueries().size()));
        if (!facts.muteWindows().isEmpty()) {
            line(
                    out,
                    "Mute windows",
                    String.format(
                            Locale.ROOT,
                            "%,d, pages only (%s)",
                            facts.muteWindows().size(),
                            firstNames(facts.muteWindows())));
        }
        line(
                out,
                "Resources",
                String.format(Locale.ROOT, "%,d: %s", facts.resources(), topTypes(facts.resourcesByType())));
        int nested = facts.templates().size() - 1;
        line(
                out,
                "Templates",
                facts.templates().get(0).path()
                        + (nested == 0 ? "" : String.format(Locale.ROOT, ", %d nested stacks beside it", nested)));
        line(
                out,
                "Monthly cost",
                String.format(
                        Locale.ROOT,
                        "about $%,.2f (estimate in %s/%s)",
                        facts.cost().totalUsd(),
                        facts.outdir(),
                        MonitoringApp.COST_FILE));
        line(out, "Details", facts.outdir() + "/" + MonitoringApp.DETAILS_FILE + " (every name)");
        out.append(NEXT_COMMAND).append('\n');
        return out.toString();
    }

    /** Every name, one a line, for the details file beside the templates. */
    static String details(Facts facts) {
        StringBuilder out = new StringBuilder();
        out.append("Stack ").append(facts.stackName()).append(": what a deploy would create\n");
        section(out, "Pipelines", facts.jobs());
        section(out, "Alarms", facts.alarms());
        section(out, "SNS topics", facts.topics());
        section(out, "Dashboard", List.of(facts.dashboard()));
        section(out, "Functions", facts.functions());
        section(out, "Schedule", List.of(facts.schedule()));
        section(out, "Saved queries", facts.savedQueries());
        if (!facts.muteWindows().isEmpty()) {
            section(out, "Mute windows (pages muted, alarms still evaluate)", facts.muteWindows());
        }
        for (TemplateFile template : facts.templates()) {
            section(
                    out,
                    template.path() + " (" + template.resources() + " resources)",
                    template.resourcesByType().entrySet().stream()
                            .map(e -> String.format(Locale.ROOT, "%5d %s", e.getValue(), e.getKey()))
                            .toList());
        }
        out.append("\n").append(facts.cost().table());
        return out.toString();
    }

    private static String firstNames(List<String> names) {
        List<String> shown = names.subList(0, Math.min(NAMES_SHOWN, names.size()));
        String list = String.join(", ", shown);
        return names.size() > shown.size()
                ? list + String.format(Locale.ROOT, " and %,d more", names.size() - shown.size())
                : list;
    }

    private static String topTypes(Map<String, Integer> byType) {
        List<String> top = byType.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(TYPES_SHOWN)
                .map(e -> String.format(
                        Locale.ROOT, "%,d %s", e.getValue(), e.getKey().replaceFirst("^AWS::[^:]+::", "")))
                .toList();
        return String.join(", ", top) + (byType.size() > top.size() ? ", ..." : "");
    }

    /** A labelled line; a value too long for the screen continues after a comma on the next line. */
    private static void line(StringBuilder out, String label, String value) {
        StringBuilder current = new StringBuilder();
        String currentLabel = label;
        for (String part : value.split("(?<=, )")) {
            if (current.length() > 0
                    && LABEL_WIDTH + current.length() + part.stripTrailing().length() > WIDTH) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %-14s %s%n",
                        currentLabel,
                        current.toString().stripTrailing()));
                current.setLength(0);
                currentLabel = "";
            }
            current.append(part);
        }
        out.append(String.format(Locale.ROOT, "  %-14s %s%n", currentLabel, current));
    }

    private static void section(StringBuilder out, String title, List<String> lines) {
        out.append('\n').append(title).append('\n');
        lines.forEach(l -> out.append("  ").append(l).append('\n'));
    }

    private static TemplateFile readTemplate(Path file, String display) {
        Map<String, Integer> byType = new TreeMap<>();
        try {
            JsonNode resources = new ObjectMapper().readTree(file.toFile()).path("Resources");
            resources.forEach(resource -> byType.merge(resource.path("Type").asText(), 1, Integer::sum));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new TemplateFile(display, byType);
    }

    /** A path as the user would type it: relative to the working directory when it is below it. */
    private static String displayPath(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
    }
}
