package com.datapipeline.monitoring.cdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.MonitoringApp;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.lambda.Code;

/** Limits that would only fail at deploy time fail at synth, with one line saying what to change. */
class DeployLimitsTest {

    @Test
    @SuppressWarnings("unchecked")
    void aNameTooLongForAnAlarmFailsWithTheLimitTheValueAndTheFix() {
        String job = "j".repeat(230);
        App app = new App(AppProps.builder()
                .context(Map.of("prefix", "p".repeat(30) + "-", "monitoredJobs", job))
                .build());
        String placeholder = "src/test/resources/placeholder-lambda";
        Map<String, Object> template = (Map<String, Object>) Template.fromStack(MonitoringApp.build(
                        app,
                        new LambdaArtifacts(Code.fromAsset(placeholder), Code.fromAsset(placeholder)),
                        Path.of("").toAbsolutePath()))
                .toJSON();

        List<String> violations = DeployLimits.check(Map.of("stack.template.json", template), Map.of());

        assertThat(violations).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("Deploy limit: "));
        assertThat(violations)
                .anySatisfy(line -> assertThat(line)
                        .startsWith(
                                "Deploy limit: alarm name length is 284, over the 255 AWS allows (stack.template.json: "
                                        + "p".repeat(30) + "-PipelineUnhealthyAlarm-" + job + ")")
                        .endsWith("; shorten the prefix or the job name"));
    }

    @Test
    void overAHardQuotaOfResourcesOrAnAdjustableOneOfRules() {
        Map<String, Object> resources = new HashMap<>();
        IntStream.range(0, 501).forEach(i -> resources.put("Rule" + i, Map.of("Type", "AWS::Events::Rule")));
        List<String> violations = DeployLimits.check(
                Map.of("big.template.json", Map.of("Resources", resources)), Map.of("big.template.json", 1_200_000L));
        assertThat(violations)
                .containsExactly(
                        "Deploy limit: template size (bytes) is 1200000, over the 1000000 AWS allows (big.template.json); monitor"
                                + " fewer pipelines per deployment: split the pipelines file over deployments with their own prefix",
                        "Deploy limit: resources per stack is 501, over the 500 AWS allows (big.template.json); use a pipelines"
                                + " file (pipelinesFile), whose pipelines go to nested stacks of 20",
                        "Deploy limit: rules on the default event bus is 501, over the 300 AWS allows (all stacks); raise the quota"
                                + " 'Rules per event bus' in Service Quotas (other rules of the account count too), or split the"
                                + " pipelines over deployments");
    }

    @Test
    void anEventPatternThatListsTooManyStagesFailsAtSynth() {
        List<Object> arns = IntStream.range(0, 30)
                .mapToObj(i -> (Object) arn("states", ":stateMachine:orders-state-machine-" + i))
                .toList();
        Map<String, Object> rule = Map.of(
                "Type",
                "AWS::Events::Rule",
                "Properties",
                Map.of(
                        "EventPattern",
                        Map.of("source", List.of("aws.states"), "detail", Map.of("stateMachineArn", arns))));

        List<String> violations = DeployLimits.check(
                Map.of("stages.template.json", Map.of("Resources", Map.of("StepFunctionsRule", rule))), Map.of());

        assertThat(violations)
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("Deploy limit: event pattern size (characters) is ")
                        .contains("over the 2048 AWS allows (stages.template.json StepFunctionsRule)")
                        .endsWith("or raise the quota 'Event pattern size' in Service Quotas"));
        assertThat(DeployLimits.check(
                        Map.of(
                                "stages.template.json",
                                Map.of(
                                        "Resources",
                                        Map.of(
                                                "StepFunctionsRule",
                                                Map.of(
                                                        "Type",
                                                        "AWS::Events::Rule",
                                                        "Properties",
                                                        Map.of(
                                                                "EventPattern",
                                                                Map.of(
                                                                        "detail",
                                                                        Map.of(
                                                                                "stateMachineArn",
                                                                                arns.subList(0, 10)))))))),
                        Map.of()))
                .as("ten state machines fit")
                .isEmpty();
    }

    @Test
    void resolvedLengthsCountDeployTimeValuesAtTheirLongest() {
        Map<String, Object> arn = arn("glue", ":job/orders");
        assertThat(DeployLimits.length(arn)).isEqualTo("arn::glue::".length() + 10 + 14 + 12 + ":job/orders".length());
        Map<String, Object> policy = Map.of("Statement", List.of(Map.of("Resource", arn)));
        assertThat(DeployLimits.length(policy)).isGreaterThan(DeployLimits.length(arn));
    }

    /** An ARN as CDK writes it for this stack's partition, Region and account. */
    private static Map<String, Object> arn(String service, String resource) {
        return Map.of(
                "Fn::Join",
                List.of(
                        "",
                        List.of(
                                "arn:",
                                Map.of("Ref", "AWS::Partition"),
                                ":" + service + ":",
                                Map.of("Ref", "AWS::Region"),
                                ":",
                                Map.of("Ref", "AWS::AccountId"),
                                resource)));
    }
}
