package com.datapipeline.monitoring.cdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.MonitoringApp;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The longest prefix the configuration allows, with every kind of stage: no rule's event pattern outgrows the 2,048
 * characters EventBridge allows. (Measured before the fix: the alarm-history rule listed one prefixed base name per
 * alarm kind, 2,108 characters for the default configuration with a 32-character prefix, 2,327 with the stages.)
 */
class EventPatternSizeTest {
    private static final String PREFIX = "p".repeat(31) + "-";

    @Test
    @SuppressWarnings("unchecked")
    void theLongestPrefixWithEveryStageKeepsEveryEventPatternWithinTheLimit() {
        App app = new App(AppProps.builder()
                .context(Map.of("prefix", PREFIX, "pipelinesFile", "pipelines/stages-example.json"))
                .build());
        String placeholder = "src/test/resources/placeholder-lambda";
        Template template = Template.fromStack(MonitoringApp.build(
                app,
                new LambdaArtifacts(Code.fromAsset(placeholder), Code.fromAsset(placeholder)),
                Path.of("").toAbsolutePath()));

        assertThat(DeployLimits.check(Map.of("stack.template.json", (Map<String, Object>) template.toJSON()), Map.of()))
                .noneSatisfy(line -> assertThat(line).contains("event pattern size"));
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Map.of(
                        "EventPattern",
                        Match.objectLike(Map.of("detail", Map.of("alarmName", List.of(Map.of("prefix", PREFIX)))))));
    }
}
