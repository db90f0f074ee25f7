package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Existing jobs instead of the sample job, with a name prefix: one set of alarms and graphs per job. */
class MultiPipelineTest {
    private static final List<String> JOBS = List.of("orders-etl", "billing-etl", "clickstream-etl");
    private static TestStacks.Synthesized synthesized;
    private static Template template;

    @BeforeAll
    static void synthesize() {
        // Detailed metrics: each job's nine signal alarms under its composite page, as before one-alarm pages.
        synthesized = TestStacks.synthesize(
                Map.of("monitoredJobs", String.join(",", JOBS), "prefix", "team1-", "detailedMetrics", true));
        template = synthesized.template();
    }

    @Test
    void noSampleJobOrDatabaseIsCreated() {
        template.resourceCountIs("AWS::Glue::Job", 0);
        template.resourceCountIs("AWS::Glue::Database", 0);
    }

    @Test
    void everyJobGetsItsEightAlarmsSuffixedWithItsName() {
        // Per job: eight signals (no data-quality alarm without a ruleset: nothing would publish its metric); shared:
        // thirteen health alarms (the stack's two Glue event rules among them, and the account's Glue run quota of
        // capacityAlarms=quota).
        template.resourceCountIs("AWS::CloudWatch::Alarm", JOBS.size() * 8 + 13);
        template.resourcePropertiesCountIs(
                "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("MetricName", "DataQualityScore")), 0);
        for (String job : JOBS) {
            for (String alarm : List.of(
                    "GlueJobDurationAlarm",
                    "GlueJobFailureAlarm",
                    "GlueJobMemoryAlarm",
                    "ErrorRateAlarm",
                    "ProcessingLatencyAlarm",
                    "GlueJobRunFailedAlarm",
                    "GlueJobStuckRunAlarm",
                    "MetricsCollectionFailedAlarm")) {
                template.hasResourceProperties(
                        "AWS::CloudWatch::Alarm", Match.objectLike(Map.of("AlarmName", "team1-" + alarm + "-" + job)));
            }
            template.hasResourceProperties(
                    "AWS::CloudWatch::Alarm",
                    Match.objectLike(Map.of(
                            "AlarmName",
                            "team1-GlueJobDurationAlarm-" + job,
                            "Dimensions",
                            List.of(Map.of("Name", "Pipeline", "Value", job)))));
        }
    }

    @Test
    void sharedNamesCarryThePrefix() {
        template.hasResourceProperties(
                "AWS::SNS::Topic", Match.objectLike(Map.of("TopicName", "team1-data-pipeline-alerts")));
        template.hasResourceProperties(
                "AWS::CloudWatch::Dashboard",
                Match.objectLike(Map.of("DashboardName", "team1-DataPipelineMonitoring")));
        template.hasResourceProperties(
                "AWS::Lambda::Function", Match.objectLike(Map.of("FunctionName", "team1-DataPipelineMetricsFunction")));
        template.hasResourceProperties(
                "AWS::Events::Rule", Match.objectLike(Map.of("Name", "team1-DataPipelineMetricsSchedule")));
        template.hasResourceProperties(
                "AWS::Logs::QueryDefinition", Match.objectLike(Map.of("Name", "team1/Glue Job Error Analysis")));
        assertThat(synthesized.stack().getStackName()).isEqualTo("team1-DataPipelineMonitoringStack");
    }

    @Test
    void oneFailureRuleServesEveryJobOfTheStack() {
        // An event bus holds 300 rules by default: a rule per job would not scale to hundreds of pipelines.
        template.resourcePropertiesCountIs(
                "AWS::Events::Rule",
                Match.objectLike(Map.of(
                        "EventPattern",
                        Match.objectLike(
                                Map.of("detail", Map.of("jobName", JOBS, "state", List.of("FAILED", "TIMEOUT")))))),
                1);
    }

    @Test
    void functionsMayTouchExactlyTheListedJobs() {
        String policies = template.findResources("AWS::IAM::Policy").toString();
        JOBS.forEach(job -> assertThat(policies).contains(":job/" + job));
        assertThat(policies).doesNotContain("sample-etl-job").doesNotContain(":job/*");
    }

    @Test
    void dashboardHasOneRowOfGraphsPerJob() {
        String body = DashboardTest.dashboardBody(template);
        for (String job : JOBS) {
            assertThat(body)
                    .contains("\"title\":\"ETL Job Duration - " + job + "\"")
                    .contains("\"title\":\"Data Pipeline Quality Metrics - " + job + "\"");
        }
    }
}
