package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.DecisionLine;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.response.ErrorClassActions;
import com.datapipeline.monitoring.response.PipelinePage;
import com.datapipeline.monitoring.response.ResponseConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The route table the app writes is one AlarmResponseFunction accepts, and the audit query reads its log lines. */
class ResponseFunctionContractTest {
    private static TestStacks.Synthesized defaults;
    private static ResponseConfig config;

    @BeforeAll
    static void synthesize() {
        defaults = TestStacks.synthesize(Map.of());
        config = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                defaults, "AlarmResponseFunction", MonitoringFunction.ALARM_RESPONSE));
    }

    @Test
    void failedRunsOfTheJobRestartItAndEveryOtherSignalIsLoggedOnly() {
        assertThat(config.remediationEnabled()).isTrue();
        assertThat(config.restartBudget()).isEqualTo(new ResponseConfig.RestartBudget(2, Duration.ofMinutes(60)));
        assertThat(config.routes())
                .containsOnlyKeys(
                        "glue-job-state:sample-etl-job",
                        "GlueJobFailureAlarm",
                        "GlueJobDurationAlarm",
                        "GlueJobMemoryAlarm",
                        "DataQualityAlarm",
                        "ErrorRateAlarm",
                        "ProcessingLatencyAlarm",
                        "MetricsCollectionFailedAlarm",
                        "GlueJobRunFailedAlarm",
                        "GlueJobStuckRunAlarm",
                        // The sample chain's crawler: its failed crawls and its alarm page, notify-only.
                        "glue-crawler-state:sample-etl-job-output-crawler",
                        "GlueCrawlerFailedAlarm",
                        "GlueDataQualityFailedAlarm",
                        // The sample chain's trigger, read by the metrics function: notify-only.
                        "GlueTriggerDeactivatedAlarm");
        assertThat(config.routes().get("glue-job-state:sample-etl-job"))
                .isEqualTo(new ResponseConfig.Route(RouteAction.RESTART_JOB, "sample-etl-job"));
        assertThat(config.routes().get("GlueJobFailureAlarm"))
                .isEqualTo(new ResponseConfig.Route(RouteAction.RESTART_JOB, "sample-etl-job"));
        assertThat(config.routes().get("GlueJobRunFailedAlarm").action()).isEqualTo(RouteAction.NOTIFY_ONLY);
    }

    @Test
    void errorClassActionsTheAppWritesAreTheFunctionsDefaultsAndInsightsAreReadFromGluesGroups() {
        assertThat(config.errorClassActions()).isEqualTo(ErrorClassActions.DEFAULT);
        assertThat(config.insightsLogGroups()).containsExactly("/aws-glue/jobs/error", "/aws-glue/jobs/logs-v2");
        assertThat(defaults.template().findResources("AWS::IAM::Policy").toString())
                .contains("Action=logs:FilterLogEvents")
                .contains("log-group:/aws-glue/jobs/error:*");
        defaults.template()
                .hasResourceProperties(
                        "AWS::Glue::Job",
                        Match.objectLike(
                                Map.of("DefaultArguments", Match.objectLike(Map.of("--enable-job-insights", "true")))));
    }

    @Test
    void eachPipelinesFailedRunsPageThroughItsCompositeAndLinkItsDashboard() {
        PipelinePage page = config.pages().pipeline("sample-etl-job");
        assertThat(page.pageAlarm()).contains("PipelineUnhealthyAlarm");
        assertThat(page.dashboard()).contains("DataPipelineMonitoring");
        assertThat(page.runbookUrl()).isEmpty();
        assertThat(config.pages().runbookUrl()).isEqualTo(ResponseConfiguration.DEFAULT_RUNBOOK);
        assertThat(config.pages().logGroups()).containsExactly("/aws-glue/jobs/error", "/aws-glue/jobs/output");
        String policies = defaults.template().findResources("AWS::IAM::Policy").toString();
        assertThat(policies)
                .contains("Action=cloudwatch:SetAlarmState")
                .contains(":alarm:PipelineUnhealthyAlarm")
                .contains("Action=cloudwatch:DescribeAlarms, Effect=Allow, Resource=*");
    }

    @Test
    void theFunctionGetsItsLedgerTableAndTheOneTopicItMayActOn() {
        Template template = defaults.template();
        String table = template.findResources("AWS::DynamoDB::Table")
                .keySet()
                .iterator()
                .next();
        template.hasResourceProperties(
                "AWS::DynamoDB::Table",
                Match.objectLike(Map.of(
                        "KeySchema",
                                List.of(Map.of("AttributeName", ResponseConfiguration.LEDGER_KEY, "KeyType", "HASH")),
                        "TimeToLiveSpecification",
                                Map.of("AttributeName", ResponseConfiguration.LEDGER_EXPIRES_AT, "Enabled", true),
                        "BillingMode", "PAY_PER_REQUEST")));
        String remediation = template.findResources(
                        "AWS::SNS::Topic", Map.of("Properties", Map.of("TopicName", "data-pipeline-remediation")))
                .keySet()
                .iterator()
                .next();
        template.hasResourceProperties(
                "AWS::Lambda::Function",
                Match.objectLike(Map.of(
                        "FunctionName", "AlarmResponseFunction",
                        "Handler", MonitoringFunction.ALARM_RESPONSE.handler(),
                        "Environment",
                                Map.of(
                                        "Variables",
                                        Match.objectLike(Map.of(
                                                ResponseConfiguration.LEDGER_TABLE_VARIABLE, Map.of("Ref", table),
                                                ResponseConfiguration.SOURCE_TOPICS_VARIABLE,
                                                        Map.of("Ref", remediation)))))));
        assertThat(template.findResources("AWS::IAM::Policy").toString())
                .contains("Action=[dynamodb:DeleteItem, dynamodb:PutItem]");
    }

    @Test
    void remediationSwitchAndBudgetReachTheFunction() {
        TestStacks.Synthesized off = TestStacks.synthesize(Map.of(
                "remediation", false, "maxRestarts", 5, "restartWindowMinutes", 180, "monitoredJobs", "orders-etl"));
        ResponseConfig offConfig = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                off, "AlarmResponseFunction", MonitoringFunction.ALARM_RESPONSE));
        assertThat(offConfig.remediationEnabled()).isFalse();
        assertThat(offConfig.restartBudget()).isEqualTo(new ResponseConfig.RestartBudget(5, Duration.ofMinutes(180)));
        // Its page is one alarm: no signal alarm of its own, so the run-failed event is its only route (restarts of
        // runs that failed with failed tasks come from that event).
        assertThat(offConfig.routes()).containsOnlyKeys("glue-job-state:orders-etl");
        assertThat(offConfig.routes().get("glue-job-state:orders-etl"))
                .isEqualTo(new ResponseConfig.Route(RouteAction.RESTART_JOB, "orders-etl"));
        // A one-alarm page is a metric alarm, which SetAlarmState cannot hold in ALARM: the function is its pager and
        // publishes its page on the alert topic.
        assertThat(offConfig.pages().pipeline("orders-etl").pageAlarm()).contains("PipelineUnhealthyAlarm-orders-etl");
        assertThat(offConfig.pages().pipeline("orders-etl").pageTopics())
                .isEqualTo(Map.of("PipelineUnhealthyAlarm-orders-etl", "data-pipeline-alerts"));
        // The pager confirms an open page when its alarm fires: UpdateItem, only where there is a pager.
        assertThat(off.template().findResources("AWS::IAM::Policy").toString()).contains("dynamodb:UpdateItem");
        assertThat(defaults.template().findResources("AWS::IAM::Policy").toString())
                .doesNotContain("dynamodb:UpdateItem");
        ResponseConfig detailed = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl", "detailedMetrics", "true")),
                "AlarmResponseFunction",
                MonitoringFunction.ALARM_RESPONSE));
        assertThat(detailed.routes())
                .containsKey("glue-job-state:orders-etl")
                .containsKey("GlueJobFailureAlarm-orders-etl");
        assertThat(detailed.pages().pipeline("orders-etl").pageAlarm()).contains("PipelineUnhealthyAlarm-orders-etl");
        assertThat(detailed.pages().pipeline("orders-etl").pagedByFunction()).isFalse();
    }

    @Test
    void theSavedAuditQueryShowsTheDecisionLinesFields() {
        Template template = defaults.template();
        Map<String, Map<String, Object>> queries = template.findResources(
                "AWS::Logs::QueryDefinition", Map.of("Properties", Map.of("Name", "Alarm Response Audit")));
        @SuppressWarnings("unchecked")
        String saved = (String)
                ((Map<String, Object>) queries.values().iterator().next().get("Properties")).get("QueryString");
        assertThat(saved)
                .isEqualTo("fields @timestamp, " + String.join(", ", DecisionLine.AUDIT_FIELDS)
                        + "\n| filter event = \"alarm-response\"\n| sort @timestamp desc\n| limit 100");
    }
}
