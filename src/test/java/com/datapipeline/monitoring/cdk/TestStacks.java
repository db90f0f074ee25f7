package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.datapipeline.monitoring.cdk.verify.StackExpectations;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** Synthesizes the app for one configuration; test classes call it once, in {@code @BeforeAll}. */
final class TestStacks {
    static final Path PROJECT_ROOT = Path.of("").toAbsolutePath();
    private static final String PLACEHOLDER_CODE = "src/test/resources/placeholder-lambda";

    private TestStacks() {
    }

    record Synthesized(MonitoringStack stack, Template template) {
    }

    static Synthesized synthesize(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        MonitoringStack stack = MonitoringApp.build(app, placeholderArtifacts(), PROJECT_ROOT);
        return new Synthesized(stack, Template.fromStack(stack));
    }

    /** The stack and its template with the resources of its nested stacks merged in (read from the cloud assembly). */
    record Merged(MonitoringStack stack, Map<String, Object> template) {
        @SuppressWarnings("unchecked")
        Map<String, Object> resources() {
            return (Map<String, Object>) template.get("Resources");
        }
    }

    @SuppressWarnings("unchecked")
    static Merged synthesizeWithNested(Map<String, Object> context) throws IOException {
        App app = new App(AppProps.builder().context(context).build());
        MonitoringStack stack = MonitoringApp.build(app, placeholderArtifacts(), PROJECT_ROOT);
        Map<String, Object> parent = (Map<String, Object>) Template.fromStack(stack).toJSON();
        String outdir = app.synth().getDirectory();
        List<Map<String, Object>> nested = new ArrayList<>();
        for (NestedStack child : stack.nestedStacks()) {
            nested.add(new ObjectMapper().readValue(
                    Files.readString(Path.of(outdir, child.getTemplateFile())), Map.class));
        }
        return new Merged(stack, StackExpectations.withNestedResources(parent, nested));
    }

    static LambdaArtifacts placeholderArtifacts() {
        return new LambdaArtifacts(Code.fromAsset(PLACEHOLDER_CODE), Code.fromAsset(PLACEHOLDER_CODE));
    }
}
