package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class FunctionsTest {
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
    }

    @Test
    void metricsFunctionRunsOnJava25WithExplicitLimits() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "FunctionName",
                        "DataPipelineMetricsFunction",
                        "Runtime",
                        "java25",
                        "Handler",
                        "com.datapipeline.monitoring.metrics.PipelineMetricsHandler::handleRequest",
                        "MemorySize",
                        1769,
                        "Timeout",
                        60,
                        "TracingConfig",
                        Map.of("Mode", "Active"),
                        "Environment",
                        Map.of("Variables", Map.of("PIPELINES_CONFIG_FILE", "/opt/monitoring/pipelines-config.json")),
                        "Layers",
                        List.of(Map.of("Ref", Match.stringLikeRegexp("CustomMetricsFunctionConfiguration.*"))))));
    }

    @Test
    void responseFunctionRunsOnJava25WithExplicitLimits() {
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "FunctionName",
                        "AlarmResponseFunction",
                        "Runtime",
                        "java25",
                        "Handler",
                        "com.datapipeline.monitoring.response.AlarmResponseHandler::handleRequest",
                        "MemorySize",
                        1769,
                        "Timeout",
                        60,
                        "TracingConfig",
                        Map.of("Mode", "Active"),
                        "Environment",
                        Map.of("Variables", Map.of("RESPONSE_CONFIG_FILE", "/opt/monitoring/response-config.json")),
                        "Layers",
                        List.of(Map.of("Ref", Match.stringLikeRegexp("AlarmResponseFunctionConfiguration.*"))))));
    }

    @Test
    void scheduleRunsTheMetricsFunctionEveryFiveMinutes() {
        Capture target = new Capture();
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "Name", "DataPipelineMetricsSchedule",
                        "ScheduleExpression", "rate(1 minute)",
                        "State", "ENABLED",
                        "Targets", List.of(target))));
        assertThat(target.asObject().get("Arn").toString()).contains("CustomMetricsFunction");
    }

    @Test
    void functionLogGroupsHaveRetentionAndAreDeletedWithTheStack() {
        for (String name : List.of("DataPipelineMetricsFunction", "AlarmResponseFunction")) {
            template.hasResource(
                    "AWS::Logs::LogGroup",
                    Match.objectLike(Map.of(
                            "Properties",
                            Map.of("LogGroupName", "/aws/lambda/" + name, "RetentionInDays", 30),
                            "DeletionPolicy",
                            "Delete")));
        }
    }

    @Test
    void metricsFunctionMayOnlyReadTheMonitoredJobsRunsAndGlueOutputLogs() {
        String policy = policyOf("CustomMetricsFunctionRole");
        assertThat(policy)
                .contains("Action=glue:GetJobRuns")
                .contains(":job/sample-etl-job")
                .contains("Action=logs:FilterLogEvents")
                .contains("/aws-glue/jobs/output:*")
                .doesNotContain("cloudwatch:")
                .doesNotContain("glue:StartJobRun");
    }

    @Test
    void responseFunctionMayOnlyReadAndStartTheRoutedJobs() {
        String policy = policyOf("AlarmResponseFunctionRole");
        assertThat(policy)
                .contains("Action=[glue:GetJobRuns, glue:StartJobRun]")
                .contains(":job/sample-etl-job")
                .contains("sqs:SendMessage")
                .doesNotContain("glue:*")
                .doesNotContain(":job/*");
        // The only unscoped statements are X-Ray's, which has no resource-level permissions, and DescribeAlarms, which
        // returns composite alarms only with a '*' scope.
        assertThat(policy.split("Resource=\\*", -1)).hasSize(3);
        // @aws-cdk/aws-iam:minimizePolicies (cdk.json) sorts each statement's actions.
        assertThat(policy)
                .contains("Action=[xray:PutTelemetryRecords, xray:PutTraceSegments], Effect=Allow, Resource=*")
                .contains("Action=cloudwatch:DescribeAlarms, Effect=Allow, Resource=*")
                .contains("Action=cloudwatch:SetAlarmState")
                .contains(":alarm:PipelineUnhealthyAlarm")
                .doesNotContain("cloudwatch:SetAlarmState, Effect=Allow, Resource=*");
    }

    @Test
    void failedNotificationsGoToAnEncryptedQueueWithAnAlarm() {
        String queueId = template.findResources("AWS::SQS::Queue").keySet().stream()
                .filter(id -> id.startsWith("AlarmResponseFailedNotifications"))
                .findFirst()
                .orElseThrow();
        template.hasResourceProperties("AWS::SQS::Queue", Match.objectLike(Map.of("SqsManagedSseEnabled", true)));
        template.hasResourceProperties(
                "AWS::Lambda::EventInvokeConfig",
                Match.objectLike(Map.of(
                        "MaximumRetryAttempts", 2,
                        "MaximumEventAgeInSeconds", 900,
                        "DestinationConfig",
                                Map.of(
                                        "OnFailure",
                                        Map.of("Destination", Map.of("Fn::GetAtt", List.of(queueId, "Arn")))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "AlarmResponseFailedAlarm",
                        "MetricName", "ApproximateNumberOfMessagesVisible",
                        "Threshold", 0,
                        "ComparisonOperator", "GreaterThanThreshold")));
    }

    @Test
    void functionRolesWriteOnlyTheirOwnLogGroupAndHaveNoManagedPolicies() {
        for (String function : List.of("CustomMetricsFunction", "AlarmResponseFunction")) {
            assertThat(policyOf(function + "Role"))
                    .contains("Action=[logs:CreateLogStream, logs:PutLogEvents]")
                    .contains(function + "Logs");
        }
        template.findResources("AWS::IAM::Role")
                .values()
                .forEach(role -> assertThat(role.get("Properties").toString()).doesNotContain("ManagedPolicyArns"));
    }

    @Test
    void aFailingMetricsFunctionRaisesItsOwnAlarm() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "DataPipelineMetricsFunctionErrorsAlarm",
                        "Namespace", "AWS/Lambda",
                        "MetricName", "Errors",
                        "Dimensions",
                                List.of(Map.of(
                                        "Name",
                                        "FunctionName",
                                        "Value",
                                        Map.of(
                                                "Ref",
                                                template.findResources(
                                                                "AWS::Lambda::Function",
                                                                Map.of(
                                                                        "Properties",
                                                                        Map.of(
                                                                                "FunctionName",
                                                                                "DataPipelineMetricsFunction")))
                                                        .keySet()
                                                        .iterator()
                                                        .next()))),
                        "Statistic", "Sum",
                        "Threshold", 0,
                        "TreatMissingData", "notBreaching")));
    }

    @Test
    void noFunctionRoleUsesTheLabsFullAccessPolicies() {
        assertThat(template.toJSON().toString())
                .doesNotContain("CloudWatchFullAccess")
                .doesNotContain("AWSGlueConsoleFullAccess");
    }

    private static String policyOf(String roleIdFragment) {
        Map<String, Map<String, Object>> policies = template.findResources("AWS::IAM::Policy");
        return policies.values().stream()
                .map(Object::toString)
                .filter(policy -> policy.contains(roleIdFragment))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no policy for role " + roleIdFragment));
    }
}
