package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SampleGlueJobTest {
    private static Template template;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
    }

    @Test
    void databaseHasTheLabsName() {
        template.hasResourceProperties(
                "AWS::Glue::Database",
                Match.objectLike(Map.of("DatabaseInput", Match.objectLike(Map.of("Name", "monitoring_lab_db")))));
    }

    @Test
    void jobRunsTheLabScriptOnACurrentGlueVersionWithMetricsAndLogging() {
        template.hasResourceProperties(
                "AWS::Glue::Job",
                Match.objectLike(Map.of(
                        "Name",
                        "sample-etl-job",
                        "GlueVersion",
                        "5.0",
                        "Timeout",
                        30,
                        "MaxRetries",
                        0,
                        "ExecutionProperty",
                        Map.of("MaxConcurrentRuns", 1),
                        "Command",
                        Match.objectLike(Map.of("Name", "glueetl", "PythonVersion", "3")),
                        "DefaultArguments",
                        Match.objectLike(Map.of(
                                "--enable-metrics", "true",
                                "--enable-continuous-cloudwatch-log", "true",
                                "--enable-observability-metrics", "true")))));
    }

    @Test
    void jobTimeoutComesFromConfiguration() {
        TestStacks.synthesize(Map.of("jobTimeoutMinutes", 45))
                .template()
                .hasResourceProperties("AWS::Glue::Job", Match.objectLike(Map.of("Timeout", 45)));
    }

    @Test
    void roleHasNoManagedPoliciesAndScopedStatements() {
        Map<String, Map<String, Object>> roles = template.findResources(
                "AWS::IAM::Role",
                Map.of(
                        "Properties",
                        Map.of(
                                "AssumeRolePolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        List.of(Match.objectLike(
                                                Map.of("Principal", Map.of("Service", "glue.amazonaws.com")))))))));
        assertThat(roles).hasSize(1);
        assertThat(roles.values().iterator().next().get("Properties").toString())
                .doesNotContain("ManagedPolicyArns");

        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of(
                        "Roles", List.of(Map.of("Ref", roles.keySet().iterator().next())),
                        "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        String policy = statements.asArray().toString();
        assertThat(policy)
                .contains("cloudwatch:namespace=Glue")
                .contains(
                        "log-group:/aws-glue/jobs/output:*",
                        "log-group:/aws-glue/jobs/error:*",
                        "log-group:/aws-glue/jobs/logs-v2:*")
                .contains("Action=s3:GetObject")
                .doesNotContain("/aws-glue/*")
                .doesNotContain("s3:List")
                .doesNotContain("Action=*,");
    }
}
