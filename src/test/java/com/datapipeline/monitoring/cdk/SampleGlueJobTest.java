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
    void jobRoleHasNoManagedPoliciesAndScopedStatements() {
        String policy = policyOf("Least-privilege role of Glue job sample-etl-job");
        assertThat(policy)
                .contains("cloudwatch:namespace=Glue")
                .contains(
                        "log-group:/aws-glue/jobs/output:*",
                        "log-group:/aws-glue/jobs/error:*",
                        "log-group:/aws-glue/jobs/logs-v2:*")
                .contains("Action=s3:GetObject")
                // It writes only its output folder, and lists only that folder.
                .contains("[s3:DeleteObject, s3:GetObject, s3:PutObject]")
                .contains("/records*")
                .contains("s3:prefix=[records*]")
                .doesNotContain("/aws-glue/*")
                .doesNotContain("s3:*")
                .doesNotContain("Action=*,");
    }

    @Test
    void crawlerRoleReadsOnlyTheOutputAndChangesOnlyTheOutputTable() {
        String policy = policyOf("Least-privilege role of Glue crawler sample-etl-job-output-crawler");
        assertThat(policy)
                .contains("Action=s3:GetObject", "/records/*", "s3:prefix=[records/*]")
                .contains(":table/monitoring_lab_db/records", ":database/monitoring_lab_db", ":catalog")
                .contains("glue:CreateTable", "glue:BatchCreatePartition")
                .contains("log-group:/aws-glue/crawlers:*")
                .doesNotContain("s3:PutObject")
                .doesNotContain("glue:Delete")
                .doesNotContain("table/monitoring_lab_db/*")
                .doesNotContain("Action=*,");
    }

    @Test
    void jobWritesWhereTheCrawlerReads() {
        Capture jobOutput = new Capture();
        template.hasResourceProperties(
                "AWS::Glue::Job",
                Match.objectLike(Map.of("DefaultArguments", Match.objectLike(Map.of("--output_path", jobOutput)))));
        Capture crawlerPath = new Capture();
        template.hasResourceProperties(
                "AWS::Glue::Crawler",
                Match.objectLike(Map.of(
                        "Name", "sample-etl-job-output-crawler",
                        "DatabaseName", "monitoring_lab_db",
                        "Targets", Map.of("S3Targets", List.of(Map.of("Path", crawlerPath))))));
        assertThat(crawlerPath.asObject()).isEqualTo(jobOutput.asObject());
        assertThat(crawlerPath.asObject().toString()).contains("/records/");
    }

    @Test
    void aSucceededRunStartsTheCrawler() {
        template.hasResourceProperties(
                "AWS::Glue::Trigger",
                Match.objectLike(Map.of(
                        "Name",
                        "sample-etl-job-crawl-on-success",
                        "Type",
                        "CONDITIONAL",
                        "StartOnCreation",
                        true,
                        "Predicate",
                        Map.of(
                                "Logical",
                                "AND",
                                "Conditions",
                                List.of(Map.of(
                                        "JobName", "sample-etl-job",
                                        "State", "SUCCEEDED",
                                        "LogicalOperator", "EQUALS"))),
                        "Actions",
                        List.of(Map.of("CrawlerName", "sample-etl-job-output-crawler")))));
    }

    @Test
    void rulesetJudgesTheOutputTable() {
        template.hasResourceProperties(
                "AWS::Glue::DataQualityRuleset",
                Match.objectLike(Map.of(
                        "Name", "sample-etl-job-output-checks",
                        "Ruleset", Match.stringLikeRegexp("RowCount > 0"),
                        "TargetTable", Map.of("DatabaseName", "monitoring_lab_db", "TableName", "records"))));
    }

    @Test
    void outputBucketIsPrivateEncryptedTlsOnlyAndExpires() {
        template.hasResourceProperties(
                "AWS::S3::Bucket",
                Match.objectLike(Map.of(
                        "BucketEncryption",
                                Map.of(
                                        "ServerSideEncryptionConfiguration",
                                        List.of(Map.of(
                                                "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                        "PublicAccessBlockConfiguration",
                                Map.of(
                                        "BlockPublicAcls", true,
                                        "BlockPublicPolicy", true,
                                        "IgnorePublicAcls", true,
                                        "RestrictPublicBuckets", true),
                        "LifecycleConfiguration",
                                Map.of(
                                        "Rules",
                                        List.of(Match.objectLike(
                                                Map.of("ExpirationInDays", 30, "Status", "Enabled")))))));
        template.hasResourceProperties(
                "AWS::S3::BucketPolicy",
                Match.objectLike(Map.of(
                        "PolicyDocument",
                        Match.objectLike(Map.of(
                                "Statement",
                                List.of(Match.objectLike(Map.of(
                                        "Effect",
                                        "Deny",
                                        "Condition",
                                        Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    @Test
    void monitoringOnlyYourOwnJobsCreatesNoSampleChain() {
        Template own =
                TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl")).template();
        for (String type : List.of(
                "AWS::Glue::Job",
                "AWS::Glue::Crawler",
                "AWS::Glue::Trigger",
                "AWS::Glue::DataQualityRuleset",
                "AWS::S3::Bucket")) {
            own.resourceCountIs(type, 0);
        }
    }

    private static String policyOf(String roleDescription) {
        Map<String, Map<String, Object>> roles = template.findResources(
                "AWS::IAM::Role",
                Map.of(
                        "Properties",
                        Match.objectLike(Map.of(
                                "Description",
                                roleDescription,
                                "AssumeRolePolicyDocument",
                                Match.objectLike(Map.of(
                                        "Statement",
                                        List.of(Match.objectLike(
                                                Map.of("Principal", Map.of("Service", "glue.amazonaws.com"))))))))));
        assertThat(roles).hasSize(1);
        assertThat(roles.values().iterator().next().get("Properties").toString())
                .doesNotContain("ManagedPolicyArns");
        Capture statements = new Capture();
        template.hasResourceProperties(
                "AWS::IAM::Policy",
                Match.objectLike(Map.of(
                        "Roles", List.of(Map.of("Ref", roles.keySet().iterator().next())),
                        "PolicyDocument", Match.objectLike(Map.of("Statement", statements)))));
        return statements.asArray().toString();
    }
}
