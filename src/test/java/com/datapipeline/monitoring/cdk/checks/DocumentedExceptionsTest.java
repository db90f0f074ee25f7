package com.datapipeline.monitoring.cdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.MonitoringApp;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** Every template-check exception the stack carries has a reason and is listed in the README. */
class DocumentedExceptionsTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyExceptionHasAReasonAndIsInTheReadme() throws Exception {
        String placeholder = "src/test/resources/placeholder-lambda";
        App app = new App(AppProps.builder().context(Map.of()).build());
        Template template = Template.fromStack(MonitoringApp.build(
                app,
                new LambdaArtifacts(Code.fromAsset(placeholder), Code.fromAsset(placeholder)),
                Path.of("").toAbsolutePath()));
        Set<String> ids = new TreeSet<>();
        Map<String, Object> resources = (Map<String, Object>) template.toJSON().get("Resources");
        for (Object value : resources.values()) {
            Map<String, Object> metadata = (Map<String, Object>) ((Map<String, Object>) value).get("Metadata");
            if (metadata == null) {
                continue;
            }
            if (metadata.get("cdk_nag") instanceof Map<?, ?> nag) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) nag.get("rules_to_suppress")) {
                    assertThat((String) rule.get("reason"))
                            .as("reason of %s", rule.get("id"))
                            .hasSizeGreaterThan(40);
                    ids.add((String) rule.get("id"));
                }
            }
            if (metadata.get("checkov") instanceof Map<?, ?> checkov) {
                for (Map<String, Object> skip : (List<Map<String, Object>>) checkov.get("skip")) {
                    assertThat((String) skip.get("comment"))
                            .as("reason of %s", skip.get("id"))
                            .hasSizeGreaterThan(40);
                    ids.add((String) skip.get("id"));
                }
            }
            if (metadata.get("cfn-lint") instanceof Map<?, ?> cfnLint) {
                ids.addAll((List<String>) ((Map<String, Object>) cfnLint.get("config")).get("ignore_checks"));
            }
        }
        assertThat(ids).as("exceptions found in the template").isNotEmpty();
        String readme = Files.readString(Path.of("README.md"));
        assertThat(ids)
                .allSatisfy(id -> assertThat(readme).as("README lists %s", id).contains("`" + id + "`"));
    }
}
