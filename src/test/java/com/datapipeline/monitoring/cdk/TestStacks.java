package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** Synthesizes the app for one configuration; test classes call it once, in {@code @BeforeAll}. */
final class TestStacks {
    static final Path PROJECT_ROOT = Path.of("").toAbsolutePath();
    private static final String PLACEHOLDER_CODE = "src/test/resources/placeholder-lambda";

    private TestStacks() {}

    record Synthesized(MonitoringStack stack, Template template) {}

    static Synthesized synthesize(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        MonitoringStack stack = MonitoringApp.build(app, placeholderArtifacts(), PROJECT_ROOT);
        return new Synthesized(stack, Template.fromStack(stack));
    }

    /** The logical id of the one alarm with this name in the template. */
    static String alarmId(Template template, String name) {
        Map<String, Map<String, Object>> found = template.findResources(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("AlarmName", name)))));
        assertThat(found).as(name).hasSize(1);
        return found.keySet().iterator().next();
    }

    static LambdaArtifacts placeholderArtifacts() {
        return new LambdaArtifacts(Code.fromAsset(PLACEHOLDER_CODE), Code.fromAsset(PLACEHOLDER_CODE));
    }
}
