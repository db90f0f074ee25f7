package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.alarms.StageEvents;
import com.datapipeline.monitoring.cdk.catalog.StageMetrics;
import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Capture;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * Data Quality rulesets and Step Functions state machines as stages: one rule per event family for every declared
 * ruleset and state machine of a stack, a count per stage in the event history, and a signal per pipeline under its
 * one page; a stack without such stages has none of it.
 */
class StageEventsTest {
    private static final String PIPELINES = """
            [{"jobName": "orders-etl",
              "stages": [{"job": "orders-etl"}, {"dataQualityRuleset": "orders-checks"},
                         {"dataQualityRuleset": "orders-completeness"}]},
             {"jobName": "events-etl", "stages": [{"stateMachine": "events-hourly"}, {"job": "events-etl"}]},
             "billing-etl"]""";
    private static Template template;
    private static Template jobsOnly;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of("monitoredJobs", PIPELINES)).template();
        jobsOnly = TestStacks.synthesize(Map.of("monitoredJobs", "[\"orders-etl\", \"events-etl\"]"))
                .template();
    }

    @Test
    void oneRuleKeepsEveryDataQualityResultOfTheDeclaredRulesetsFromGlueDataQualitysOwnSource() {
        template.resourcePropertiesCountIs(
                "AWS::Events::Rule",
                Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.glue-dataquality"),
                                "detail-type", List.of("Data Quality Evaluation Results Available"),
                                "detail", Map.of("rulesetNames", List.of("orders-checks", "orders-completeness")))),
                1);
    }

    @Test
    void oneRuleKeepsTheFailedTimedOutAndAbortedExecutionsOfTheDeclaredStateMachines() {
        Capture arns = new Capture();
        template.hasResourceProperties(
                "AWS::Events::Rule",
                Map.of(
                        "EventPattern",
                        Map.of(
                                "source", List.of("aws.states"),
                                "detail-type", List.of("Step Functions Execution Status Change"),
                                "detail",
                                        Map.of(
                                                "status",
                                                List.of("FAILED", "TIMED_OUT", "ABORTED"),
                                                "stateMachineArn",
                                                arns))));
        assertThat(String.valueOf(arns.asArray())).contains(":states:", ":stateMachine:events-hourly");
    }

    @Test
    void theEventHistoryCountsFailuresPerRulesetAndPerStateMachine() {
        template.hasResourceProperties(
                "AWS::Logs::MetricFilter",
                Map.of(
                        "FilterPattern",
                        "{ ($.detail.resultID = *) && (($.detail.state = \"FAILED\") || ($.detail.rulesFailed > 0)) }",
                        "MetricTransformations",
                        List.of(Match.objectLike(Map.of(
                                "MetricName",
                                StageMetrics.FAILED_EVALUATIONS,
                                "Dimensions",
                                List.of(Map.of(
                                        "Key",
                                        StageMetrics.RULESET_DIMENSION,
                                        "Value",
                                        "$.detail.rulesetNames[0]")))))));
        template.hasResourceProperties(
                "AWS::Logs::MetricFilter",
                Match.objectLike(Map.of(
                        "MetricTransformations",
                        List.of(Match.objectLike(Map.of(
                                "MetricName",
                                StageMetrics.FAILED_EXECUTIONS,
                                "Dimensions",
                                List.of(Map.of(
                                        "Key",
                                        StageMetrics.STATE_MACHINE_DIMENSION,
                                        "Value",
                                        "$.detail.stateMachineArn"))))))));
    }

    @Test
    void eachStageSignalIsAChildOfItsPipelinesOnePage() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "GlueDataQualityFailedAlarm-orders-etl",
                        "Threshold",
                        1,
                        "Metrics",
                        Match.arrayWith(
                                List.of(Match.objectLike(Map.of("Expression", "MAX([FILL(r0, 0), FILL(r1, 0)])")))))));
        template.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "StepFunctionsExecutionFailedAlarm-events-etl",
                        "MetricName", StageMetrics.FAILED_EXECUTIONS,
                        "Statistic", "Sum")));
        for (String[] page : new String[][] {
            {"orders-etl", "GlueDataQualityFailedAlarm-orders-etl"},
            {"events-etl", "StepFunctionsExecutionFailedAlarm-events-etl"}
        }) {
            Capture rule = new Capture();
            template.hasResourceProperties(
                    "AWS::CloudWatch::CompositeAlarm",
                    Match.objectLike(Map.of("AlarmName", "PipelineUnhealthyAlarm-" + page[0], "AlarmRule", rule)));
            assertThat(String.valueOf(rule.asObject())).contains(TestStacks.alarmId(template, page[1]));
        }
    }

    @Test
    void aStackWithoutRulesetOrStateMachineStagesHasNoSuchRuleFilterOrAlarm() {
        assertThat(jobsOnly.toJSON().toString())
                .doesNotContain(
                        GlueEvents.DATA_QUALITY_SOURCE,
                        StageEvents.EXECUTION_STATUS_CHANGE,
                        StageMetrics.FAILED_EVALUATIONS,
                        StageMetrics.FAILED_EXECUTIONS,
                        "GlueDataQualityFailedAlarm",
                        "StepFunctionsExecutionFailedAlarm");
    }
}
