package com.datapipeline.monitoring.cdk.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The exceptions a synthesized app writes into its templates (cdk-nag's {@code rules_to_suppress}, checkov's
 * {@code skip}, cfn-lint's {@code ignore_checks}) and the exception rows of the README's "Template checks" table,
 * in one comparable form: rule id, kind of resource and, for a cdk-nag exception narrowed to findings, the finding.
 * README, "Template checks", states the matching rule below the table.
 */
final class ExceptionTable {
    /** The kind of resource the table names for each resource type that carries an exception. */
    static final Map<String, String> KINDS = Map.ofEntries(
            // cdk-nag reports a role's statements on the role and on its inline (default) policy.
            Map.entry("AWS::IAM::Role", "role"),
            Map.entry("AWS::IAM::Policy", "role"),
            Map.entry("AWS::IAM::ManagedPolicy", "policy"),
            Map.entry("AWS::Glue::Job", "job"),
            Map.entry("AWS::Glue::Crawler", "crawler"),
            Map.entry("AWS::S3::Bucket", "bucket"),
            Map.entry("AWS::S3::BucketPolicy", "bucket"),
            Map.entry("AWS::SQS::Queue", "queue"),
            Map.entry("AWS::SQS::QueuePolicy", "queue"),
            Map.entry("AWS::Lambda::Function", "function"),
            Map.entry("AWS::Logs::LogGroup", "log group"),
            Map.entry("AWS::DynamoDB::Table", "table"));

    private static final Pattern RULE = Pattern.compile("`(AwsSolutions-[A-Za-z0-9]+|CKV_AWS_\\d+|[EWI]\\d{4})`");
    private static final Pattern FINDING = Pattern.compile("\\(`([^`]+)`\\)");

    private ExceptionTable() {}

    /** One exception: a rule excused on a kind of resource, narrowed to a finding ("" for the whole rule). */
    record Excepted(String rule, String kind, String finding) implements Comparable<Excepted> {
        @Override
        public int compareTo(Excepted other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return rule + (finding.isEmpty() ? "" : " (`" + finding + "`)") + " on a " + kind;
        }
    }

    /** An exception row of the table: its rule ids, the kinds its resource column names, its findings. */
    record Row(String line, Set<String> rules, Set<String> kinds, Set<String> findings) {
        boolean covers(Excepted excepted) {
            return rules.contains(excepted.rule())
                    && kinds.contains(excepted.kind())
                    && (excepted.finding().isEmpty() ? findings.isEmpty() : findings.contains(excepted.finding()));
        }

        /** What the row says some configuration excuses: every rule on every kind, for each finding. */
        List<Excepted> claims() {
            List<String> narrowed = findings.isEmpty() ? List.of("") : List.copyOf(findings);
            List<Excepted> claims = new ArrayList<>();
            rules.forEach(rule ->
                    kinds.forEach(kind -> narrowed.forEach(finding -> claims.add(new Excepted(rule, kind, finding)))));
            return claims;
        }
    }

    /**
     * The exceptions of a cloud assembly's templates (nested stacks' too), each with the resources it is on, and
     * those whose reason is too short to be one (cfn-lint's metadata has no reason; its caller comments the line).
     */
    record Exceptions(Map<Excepted, Set<String>> made, List<String> withoutReason) {}

    /** A reason says why the rule does not apply; a few words cannot. */
    static final int MIN_REASON_LENGTH = 40;

    static Exceptions fromAssembly(Path assembly) throws IOException {
        Map<Excepted, Set<String>> found = new TreeMap<>();
        List<String> withoutReason = new ArrayList<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(assembly)) {
            templates = files.filter(f -> f.getFileName().toString().endsWith(".template.json"))
                    .sorted()
                    .toList();
        }
        ObjectMapper json = new ObjectMapper();
        for (Path template : templates) {
            json.readTree(template.toFile()).path("Resources").properties().forEach(resource -> {
                String type = resource.getValue().path("Type").asText();
                String where = template.getFileName() + " " + resource.getKey() + " (" + type + ")";
                JsonNode metadata = resource.getValue().path("Metadata");
                Consumer<Excepted> add = excepted ->
                        found.computeIfAbsent(excepted, e -> new TreeSet<>()).add(where);
                for (JsonNode suppression : metadata.path("cdk_nag").path("rules_to_suppress")) {
                    String rule = suppression.path("id").asText();
                    if (suppression.path("reason").asText().length() <= MIN_REASON_LENGTH) {
                        withoutReason.add(where + ": " + rule);
                    }
                    if (suppression.path("applies_to").isEmpty()) {
                        add.accept(new Excepted(rule, kind(type, where), ""));
                    }
                    for (JsonNode appliesTo : suppression.path("applies_to")) {
                        add.accept(new Excepted(rule, kind(type, where), finding(appliesTo.asText())));
                    }
                }
                for (JsonNode skip : metadata.path("checkov").path("skip")) {
                    if (skip.path("comment").asText().length() <= MIN_REASON_LENGTH) {
                        withoutReason.add(where + ": " + skip.path("id").asText());
                    }
                    add.accept(new Excepted(skip.path("id").asText(), kind(type, where), ""));
                }
                for (JsonNode ignored : metadata.path("cfn-lint").path("config").path("ignore_checks")) {
                    add.accept(new Excepted(ignored.asText(), kind(type, where), ""));
                }
            });
        }
        return new Exceptions(found, withoutReason);
    }

    /** The exception rows of the README's "Template checks" table ("fixed: ..." rows name no exception). */
    static List<Row> readmeRows(String readme) {
        int start = readme.indexOf("\n## Template checks\n");
        if (start < 0) {
            throw new AssertionError("README has no section \"## Template checks\"");
        }
        int end = readme.indexOf("\n## ", start + 1);
        List<Row> rows = new ArrayList<>();
        for (String line :
                readme.substring(start, end < 0 ? readme.length() : end).split("\n")) {
            String[] cells = line.split("\\|");
            // "| check | resource | resolution |" splits into "", check, resource, resolution.
            if (cells.length != 4 || !cells[3].strip().startsWith("exception:")) {
                continue;
            }
            Set<String> rules = matches(RULE, cells[1]);
            Set<String> kinds = new LinkedHashSet<>();
            for (String item :
                    cells[2].replace("`", "").toLowerCase(Locale.ROOT).split(",")) {
                String named = item.strip();
                kinds.add(KINDS.values().stream()
                        .filter(kind -> named.endsWith(kind) || named.endsWith(kind + "s"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("README, Template checks, row " + line.strip()
                                + ": resource '" + named + "' ends in no kind of resource "
                                + new TreeSet<>(KINDS.values()))));
            }
            if (rules.isEmpty()) {
                throw new AssertionError("README, Template checks, row " + line.strip() + ": names no rule id");
            }
            rows.add(new Row(line.strip(), rules, kinds, matches(FINDING, cells[1])));
        }
        return rows;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static String kind(String type, String where) {
        String kind = KINDS.get(type);
        if (kind == null) {
            throw new AssertionError(
                    "an exception on " + where + ": no kind of resource for " + type + " in ExceptionTable.KINDS");
        }
        return kind;
    }

    /**
     * The finding a cdk-nag {@code appliesTo} entry names, as the table writes it: the action of an
     * {@code Action::} finding, {@code Resource::*}, the resource type of an ARN ({@code log-group},
     * {@code trigger}), or {@code object} for a path under one of the app's own resources.
     */
    static String finding(String appliesTo) {
        if (appliesTo.startsWith("Action::")) {
            return appliesTo.substring("Action::".length());
        }
        String resource = appliesTo.substring("Resource::".length());
        if (resource.equals("*")) {
            return appliesTo;
        }
        if (resource.startsWith("<")) {
            return "object";
        }
        // arn:partition:service:region:account:resource-type/name or resource-type:name; the partition, Region and
        // account are tokens such as <AWS::Partition>, whose colons are not the ARN's.
        String[] arn = resource.replaceAll("<[^>]*>", "token").split(":", 6);
        return arn[5].split("[:/]", 2)[0];
    }
}
