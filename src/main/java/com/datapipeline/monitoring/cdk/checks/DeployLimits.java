package com.datapipeline.monitoring.cdk.checks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The AWS limits a synthesized app can break that neither CDK nor cfn-lint report before a deploy fails (measured:
 * a 612-widget dashboard, 7.5 K-character managed policies and 300-character alarm names all synthesized quietly).
 * Each violation is one line naming the limit, the value, where, and what to change. Values CloudFormation resolves
 * at deploy time (ARNs, account ids) are counted at their longest plausible length.
 */
public final class DeployLimits {
    public static final int TEMPLATE_BYTES = 1_000_000;
    public static final int RESOURCES_PER_STACK = 500;
    public static final int OUTPUTS_PER_STACK = 200;
    public static final int PARAMETERS_PER_STACK = 200;
    public static final int WIDGETS_PER_DASHBOARD = 500;
    public static final int ALARM_NAME = 255;
    public static final int COMPOSITE_RULE = 10_240;
    public static final int TOPIC_NAME = 256;
    public static final int RULE_NAME = 64;
    public static final int FUNCTION_NAME = 64;
    public static final int FUNCTION_ENVIRONMENT = 4_096;
    public static final int MANAGED_POLICY = 6_144;
    public static final int INLINE_POLICIES_PER_ROLE = 10_240;
    /**
     * An event pattern's size in characters, a default quota that can be raised (EventBridge quotas, "Event pattern
     * size"): the rules that list the stages' names (crawlers, rulesets, state machine ARNs) and alarm names grow
     * with the pipelines of a stack.
     */
    public static final int EVENT_PATTERN = 2_048;
    /** Rules per event bus, a default quota that can be raised (every rule of the account's default bus counts). */
    public static final int RULES_PER_EVENT_BUS = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TOKEN_LENGTH = 100;

    private DeployLimits() {}

    /** Every violation in the templates a synth wrote to {@code outdir}, the nested stacks' included. */
    public static List<String> check(Path outdir) {
        Map<String, Map<String, Object>> templates = new HashMap<>();
        Map<String, Long> sizes = new HashMap<>();
        try (Stream<Path> files = Files.list(outdir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".template.json"))
                    .sorted()
                    .toList()) {
                templates.put(file.getFileName().toString(), read(file));
                sizes.put(file.getFileName().toString(), Files.size(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the templates in " + outdir, e);
        }
        return check(templates, sizes);
    }

    /** @param sizes each template's size in bytes as written */
    @SuppressWarnings("unchecked")
    public static List<String> check(Map<String, Map<String, Object>> templates, Map<String, Long> sizes) {
        List<String> violations = new ArrayList<>();
        int rules = 0;
        for (String name : templates.keySet().stream().sorted().toList()) {
            Map<String, Object> template = templates.get(name);
            Map<String, Object> resources = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
            over(
                    violations,
                    "template size (bytes)",
                    sizes.getOrDefault(name, 0L),
                    TEMPLATE_BYTES,
                    name,
                    "monitor fewer pipelines per deployment: split the pipelines file over deployments with their own prefix");
            over(
                    violations,
                    "resources per stack",
                    resources.size(),
                    RESOURCES_PER_STACK,
                    name,
                    "use a pipelines file (pipelinesFile), whose pipelines go to nested stacks of 20");
            over(
                    violations,
                    "outputs per stack",
                    ((Map<?, ?>) template.getOrDefault("Outputs", Map.of())).size(),
                    OUTPUTS_PER_STACK,
                    name,
                    "monitor fewer pipelines per deployment");
            over(
                    violations,
                    "parameters per stack",
                    ((Map<?, ?>) template.getOrDefault("Parameters", Map.of())).size(),
                    PARAMETERS_PER_STACK,
                    name,
                    "monitor fewer pipelines per deployment");
            Map<String, Integer> inlinePolicyByRole = new HashMap<>();
            for (Map.Entry<String, Object> entry : resources.entrySet()) {
                Map<String, Object> resource = (Map<String, Object>) entry.getValue();
                Map<String, Object> p = (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
                String where = name + " " + entry.getKey();
                switch (String.valueOf(resource.get("Type"))) {
                    case "AWS::CloudWatch::Dashboard" ->
                        over(
                                violations,
                                "widgets per dashboard",
                                widgets(p.get("DashboardBody")),
                                WIDGETS_PER_DASHBOARD,
                                where,
                                "use a pipelines file (pipelinesFile): its nested stacks get a dashboard page each");
                    case "AWS::CloudWatch::Alarm" ->
                        over(
                                violations,
                                "alarm name length",
                                length(p.get("AlarmName")),
                                ALARM_NAME,
                                name + ": " + p.get("AlarmName"),
                                "shorten the prefix or the job name");
                    case "AWS::CloudWatch::CompositeAlarm" -> {
                        over(
                                violations,
                                "alarm name length",
                                length(p.get("AlarmName")),
                                ALARM_NAME,
                                name + ": " + p.get("AlarmName"),
                                "shorten the prefix or the job name");
                        over(
                                violations,
                                "composite alarm rule length",
                                length(p.get("AlarmRule")),
                                COMPOSITE_RULE,
                                where,
                                "shorten the prefix or the job names");
                    }
                    case "AWS::SNS::Topic" ->
                        over(
                                violations,
                                "topic name length",
                                length(p.get("TopicName")),
                                TOPIC_NAME,
                                where,
                                "shorten the prefix");
                    case "AWS::Events::Rule" -> {
                        rules++;
                        if (p.containsKey("EventPattern")) {
                            over(
                                    violations,
                                    "event pattern size (characters)",
                                    length(p.get("EventPattern")),
                                    EVENT_PATTERN,
                                    where,
                                    "declare fewer stages per stack (a pipelines file puts 20 pipelines in each nested"
                                            + " stack), or raise the quota 'Event pattern size' in Service Quotas");
                        }
                        if (p.containsKey("Name")) {
                            over(
                                    violations,
                                    "rule name length",
                                    length(p.get("Name")),
                                    RULE_NAME,
                                    where,
                                    "shorten the prefix");
                        }
                    }
                    case "AWS::Lambda::Function" -> {
                        over(
                                violations,
                                "function name length",
                                length(p.get("FunctionName")),
                                FUNCTION_NAME,
                                where,
                                "shorten the prefix");
                        Object variables =
                                ((Map<String, Object>) p.getOrDefault("Environment", Map.of())).get("Variables");
                        over(
                                violations,
                                "function environment size",
                                environmentSize(variables),
                                FUNCTION_ENVIRONMENT,
                                where,
                                "move configuration into the function's configuration layer");
                    }
                    case "AWS::IAM::ManagedPolicy" ->
                        over(
                                violations,
                                "managed policy size (characters)",
                                length(p.get("PolicyDocument")),
                                MANAGED_POLICY,
                                where,
                                "grant through functions.ScopedGrant, which splits policies under this limit");
                    case "AWS::IAM::Policy" -> {
                        for (Object role : (List<Object>) p.getOrDefault("Roles", List.of())) {
                            inlinePolicyByRole.merge(
                                    String.valueOf(role), length(p.get("PolicyDocument")), Integer::sum);
                        }
                    }
                    default -> {}
                }
            }
            inlinePolicyByRole.forEach((role, size) -> over(
                    violations,
                    "inline policies of one role (characters)",
                    size,
                    INLINE_POLICIES_PER_ROLE,
                    name + " " + role,
                    "grant through functions.ScopedGrant, which moves many resources into managed policies"));
        }
        over(
                violations,
                "rules on the default event bus",
                rules,
                RULES_PER_EVENT_BUS,
                "all stacks",
                "raise the quota 'Rules per event bus' in Service Quotas (other rules of the account count too),"
                        + " or split the pipelines over deployments");
        return violations;
    }

    private static void over(List<String> violations, String limit, long value, long max, String where, String fix) {
        if (value > max) {
            violations.add("Deploy limit: " + limit + " is " + value + ", over the " + max + " AWS allows (" + where
                    + "); " + fix);
        }
    }

    /** Widgets in a dashboard body: each is a {"type": ...} object of the body's widgets list. */
    private static int widgets(Object body) {
        String text = resolved(body);
        int count = 0;
        for (int at = text.indexOf("{\"type\":"); at >= 0; at = text.indexOf("{\"type\":", at + 1)) {
            count++;
        }
        return count;
    }

    @SuppressWarnings("unchecked")
    private static int environmentSize(Object variables) {
        if (!(variables instanceof Map<?, ?> map)) {
            return 0;
        }
        return ((Map<String, Object>) map)
                .entrySet().stream()
                        .mapToInt(e -> e.getKey().length() + length(e.getValue()))
                        .sum();
    }

    /** The length of a value as CloudFormation will resolve it, compact JSON for objects. */
    static int length(Object value) {
        return resolved(value).length();
    }

    @SuppressWarnings("unchecked")
    private static String resolved(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Object key = map.keySet().iterator().next();
            Object argument = map.get(key);
            if ("Fn::Join".equals(key) && argument instanceof List<?> join && join.size() == 2) {
                StringBuilder joined = new StringBuilder();
                List<?> parts = (List<?>) join.get(1);
                for (int i = 0; i < parts.size(); i++) {
                    joined.append(i == 0 ? "" : String.valueOf(join.get(0))).append(resolved(parts.get(i)));
                }
                return joined.toString();
            }
            if ("Ref".equals(key) || String.valueOf(key).startsWith("Fn::")) {
                return "x".repeat(pseudoParameterLength(argument));
            }
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            try {
                return JSON.writeValueAsString(resolveTree(value));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.valueOf(value);
    }

    private static Object resolveTree(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1
                    && (map.containsKey("Ref")
                            || String.valueOf(map.keySet().iterator().next()).startsWith("Fn::"))) {
                return resolved(value);
            }
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), resolveTree(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(DeployLimits::resolveTree).toList();
        }
        return value;
    }

    private static int pseudoParameterLength(Object argument) {
        return switch (String.valueOf(argument)) {
            case "AWS::AccountId" -> 12;
            case "AWS::Region" -> 14;
            case "AWS::Partition" -> 10;
            case "AWS::URLSuffix" -> 13;
            default -> TOKEN_LENGTH;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), Map.class);
    }
}
