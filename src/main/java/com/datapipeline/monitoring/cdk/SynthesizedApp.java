package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The app synthesized in memory for one configuration, with its nested stacks' resources in the main template: what
 * a deployment of that configuration contains, for the operator's verify command (its expectations) and for tests
 * that follow references across stacks.
 *
 * @param stack    the monitoring stack, with its settings
 * @param template the main stack's template, its nested stacks' resources added ({@link #withNestedResources})
 */
public record SynthesizedApp(MonitoringStack stack, Map<String, Object> template) {

    /**
     * Builds the app as {@link MonitoringApp#build} does and synthesizes it.
     *
     * @param context   CDK context as the app would get it (cdk.json merged with {@code -c key=value})
     * @param artifacts the functions' code: the built jars, or placeholders when only the template matters
     */
    public static SynthesizedApp synthesize(Map<String, Object> context, LambdaArtifacts artifacts, Path projectRoot) {
        App app = new App(AppProps.builder().context(context).build());
        MonitoringStack stack = MonitoringApp.build(app, artifacts, projectRoot);
        CloudAssembly assembly = app.synth();
        Map<String, Object> parent =
                jsonObject(assembly.getStackArtifact(stack.getArtifactId()).getTemplate());
        List<Map<String, Object>> nested = new ArrayList<>();
        for (NestedStack nestedStack : stack.nestedStacks()) {
            nested.add(readTemplate(Path.of(assembly.getDirectory(), nestedStack.getTemplateFile())));
        }
        return new SynthesizedApp(stack, withNestedResources(parent, nested));
    }

    /**
     * The parent template with the resources of its nested stacks (many pipelines) added. A nested template
     * names the parent's resources through parameters, e.g. the alert topic as
     * {@code referenceto...AlertingTopic...Ref}; the parent's {@code AWS::CloudFormation::Stack} resources say what
     * each parameter is, so each such {@code Ref} is turned back into the parent's own reference. The other way
     * round, the parent names a nested resource (a nested stack's health group) through that stack's outputs, which
     * are turned back into the nested stack's own reference.
     */
    public static Map<String, Object> withNestedResources(
            Map<String, Object> parent, List<Map<String, Object>> nested) {
        Map<String, Object> parameterValues = new LinkedHashMap<>();
        jsonObject(parent.get("Resources")).values().forEach(resource -> {
            if ("AWS::CloudFormation::Stack".equals(jsonObject(resource).get("Type"))) {
                Object properties = jsonObject(resource).getOrDefault("Properties", Map.of());
                parameterValues.putAll(jsonObject(jsonObject(properties).get("Parameters")));
            }
        });
        Map<String, Object> outputValues = new LinkedHashMap<>();
        for (Map<String, Object> template : nested) {
            jsonObject(template.get("Outputs"))
                    .forEach((name, output) -> outputValues.put(
                            "Outputs." + name, jsonObject(output).get("Value")));
        }
        Map<String, Object> resources = new LinkedHashMap<>();
        jsonObject(parent.get("Resources"))
                .forEach((id, resource) -> resources.put(id, resolveOutputs(resource, outputValues)));
        for (Map<String, Object> template : nested) {
            jsonObject(template.get("Resources")).forEach((id, resource) -> {
                if (resources.put(id, resolveParameters(resource, parameterValues)) != null) {
                    throw new IllegalStateException("logical id " + id + " appears in two stacks of the app");
                }
            });
        }
        Map<String, Object> merged = new LinkedHashMap<>(parent);
        merged.put("Resources", resources);
        return merged;
    }

    /** A nested stack's output, named by the parent as {@code Fn::GetAtt [stack, Outputs.NAME]}, as its value. */
    private static Object resolveOutputs(Object node, Map<String, Object> outputValues) {
        return rewrite(
                node,
                map -> map.size() == 1 && map.get("Fn::GetAtt") instanceof List<?> getAtt && getAtt.size() == 2
                        ? outputValues.get(String.valueOf(getAtt.get(1)))
                        : null);
    }

    /** A parameter of a nested template, named as {@code Ref}, as the value the parent passes. */
    private static Object resolveParameters(Object node, Map<String, Object> parameterValues) {
        return rewrite(
                node, map -> map.size() == 1 && map.get("Ref") instanceof String ref ? parameterValues.get(ref) : null);
    }

    /** A copy of a JSON tree with each map that {@code replacement} maps to non-null replaced by that. */
    private static Object rewrite(Object node, Function<Map<?, ?>, Object> replacement) {
        if (node instanceof Map<?, ?> map) {
            Object replaced = replacement.apply(map);
            if (replaced != null) {
                return replaced;
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, value) -> copy.put(String.valueOf(key), rewrite(value, replacement)));
            return copy;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(item -> rewrite(item, replacement)).toList();
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readTemplate(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nested template " + file, e);
        }
    }

    /** A JSON object of a template, or an empty one where the template has none. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> jsonObject(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }
}
