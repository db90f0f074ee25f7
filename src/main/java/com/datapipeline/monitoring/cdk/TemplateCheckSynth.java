package com.datapipeline.monitoring.cdk;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/**
 * The template checks' synthesis (tools/check-templates): every configuration of a configurations file, each into
 * its own directory, with cdk-nag, in one JVM. A JVM per configuration spent most of its time starting the JVM
 * and the CDK's JavaScript runtime; whether a fresh JVM gives the same bytes is checked by the script separately.
 *
 * <p>Usage: {@code TemplateCheckSynth CONFIGURATIONS_JSON OUTPUT_DIRECTORY}. Prints one progress line per
 * configuration; problems go to standard error, one line each, then one line per configuration that failed. Exits
 * 1 if any failed.
 */
public final class TemplateCheckSynth {
    private TemplateCheckSynth() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: TemplateCheckSynth CONFIGURATIONS_JSON OUTPUT_DIRECTORY");
            System.exit(2);
        }
        Map<String, Map<String, Object>> configurations;
        try {
            configurations = new ObjectMapper()
                    .readValue(
                            Path.of(args[0]).toFile(),
                            new TypeReference<LinkedHashMap<String, Map<String, Object>>>() {});
        } catch (IOException e) {
            System.err.println("template checks: " + args[0] + " cannot be read: " + e.getMessage());
            System.exit(2);
            return;
        }
        List<String> failed = new ArrayList<>();
        configurations.forEach((name, context) -> {
            System.out.println("template checks: synthesizing '" + name + "' with cdk-nag (" + args[0] + ")");
            App app = new App(AppProps.builder()
                    .context(context)
                    .outdir(Path.of(args[1], name).toString())
                    .build());
            if (MonitoringApp.synthesize(app, true) != 0) {
                failed.add(name);
            }
        });
        failed.forEach(name -> System.err.println("template checks: configuration '" + name + "' failed (above)"));
        System.exit(failed.isEmpty() ? 0 : 1);
    }
}
