package com.datapipeline.monitoring.cdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.MonitoringApp;
import com.datapipeline.monitoring.cdk.MonitoringStack;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.lambda.Code;

/** cdk-nag's AwsSolutions pack finds no unsuppressed error or warning in any covered configuration. */
class CdkNagTest {

    /** The same configurations tools/check-templates synthesizes for cfn-lint and checkov. */
    @SuppressWarnings("unchecked")
    public static Stream<Arguments> configurations() throws Exception {
        Map<String, Map<String, Object>> configurations =
                new ObjectMapper().readValue(new File("tools/template-configurations.json"), Map.class);
        return configurations.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void awsSolutionsChecksPass(String name, Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        String placeholder = "src/test/resources/placeholder-lambda";
        MonitoringStack stack = MonitoringApp.build(
                app,
                new LambdaArtifacts(Code.fromAsset(placeholder), Code.fromAsset(placeholder)),
                Path.of("").toAbsolutePath());
        Annotations annotations = Annotations.fromStack(stack);
        List<SynthesisMessage> findings = Stream.concat(
                        annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
                        annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream())
                .toList();
        assertThat(findings.stream()
                        .map(m -> m.getId() + ": " + m.getEntry().getData())
                        .toList())
                .as("unsuppressed cdk-nag findings in configuration %s", name)
                .isEmpty();
    }
}
