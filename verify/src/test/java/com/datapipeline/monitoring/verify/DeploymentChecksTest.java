package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** The parts moto cannot serve (query definitions), against answers in the shape AWS documents. */
class DeploymentChecksTest {

    @Test
    void savedQueriesAreFoundByExactName() {
        Fakes.Logs logs = new Fakes.Logs();
        logs.savedQueries.addAll(List.of("team1/Glue Job Error Analysis", "team1/Glue Job Error Analysis (copy)"));
        ExpectedStack stack = new ExpectedStack(
                "S",
                List.of(new ExpectedStack.Topic("t", List.of())),
                Optional.empty(),
                "r",
                "m",
                "s",
                "rate(5 minutes)",
                List.of("team1/Glue Job Error Analysis", "team1/Alarm Response Audit"),
                List.of(),
                List.of(),
                null,
                "DataPipelineMetrics",
                "Pipeline",
                List.of());

        List<CheckResult> results =
                new DeploymentChecks(Fakes.clients(new Fakes.CloudWatch(), logs)).savedQueries(stack);

        assertThat(results)
                .containsExactly(
                        CheckResult.pass("saved query team1/Glue Job Error Analysis", "exists"),
                        CheckResult.fail("saved query team1/Alarm Response Audit", "not found"));
    }

    @Test
    void functionNameIsReadFromLambdaArnsWithOrWithoutQualifier() {
        assertThat(DeploymentChecks.functionName(
                        "arn:aws:lambda:eu-west-1:123456789012:function:AlarmResponseFunction"))
                .isEqualTo("AlarmResponseFunction");
        assertThat(DeploymentChecks.functionName(
                        "arn:aws:lambda:eu-west-1:123456789012:function:AlarmResponseFunction:live"))
                .isEqualTo("AlarmResponseFunction");
        assertThat(DeploymentChecks.functionName("arn:aws:sqs:eu-west-1:123456789012:queue"))
                .isEmpty();
        assertThat(DeploymentChecks.functionName(null)).isEmpty();
    }

    /**
     * DescribeAlarms answers in the shape AWS documents: composite alarms only when the request's AlarmTypes names
     * them (moto has no composite alarms, so this is where the rule is held to).
     */
    @Test
    void compositeAlarmsAreAskedForAndComparedBesideMetricAlarms() {
        String topicArn = "arn:aws:sns:eu-west-1:123456789012:data-pipeline-alerts";
        String arn = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:";
        ExpectedAlarm.Metric child = new ExpectedAlarm.Metric(
                "GlueJobFailureAlarm",
                "Glue",
                "glue.driver.aggregate.numFailedTasks",
                Map.of("JobName", "sample-etl-job"),
                "Sum",
                300,
                1,
                0,
                "GreaterThanThreshold",
                "notBreaching",
                Optional.empty());
        ExpectedAlarm.Composite composite = new ExpectedAlarm.Composite(
                "PipelineUnhealthyAlarm",
                "(ALARM(\"GlueJobFailureAlarm\"))",
                List.of("GlueJobFailureAlarm"),
                Optional.of("data-pipeline-alerts"));
        ExpectedStack stack = new ExpectedStack(
                "S",
                List.of(new ExpectedStack.Topic("data-pipeline-alerts", List.of())),
                Optional.empty(),
                "r",
                "m",
                "s",
                "rate(5 minutes)",
                List.of(),
                List.of(child, composite),
                List.of(),
                null,
                "DataPipelineMetrics",
                "Pipeline",
                List.of());
        Fakes.CloudWatch cloudWatch = new Fakes.CloudWatch();
        cloudWatch.describeAlarms = request -> DescribeAlarmsResponse.builder()
                .metricAlarms(MetricAlarm.builder()
                        .alarmName(child.name())
                        .alarmArn(arn + child.name())
                        .namespace("Glue")
                        .metricName(child.metricName())
                        .statistic("Sum")
                        .period(300)
                        .evaluationPeriods(1)
                        .threshold(0.0)
                        .comparisonOperator("GreaterThanThreshold")
                        .treatMissingData("notBreaching")
                        .dimensions(Dimension.builder()
                                .name("JobName")
                                .value("sample-etl-job")
                                .build())
                        .actionsEnabled(true)
                        .alarmActions(List.of())
                        .okActions(List.of())
                        .stateValue("OK")
                        .build())
                .compositeAlarms(
                        request.alarmTypes().contains(AlarmType.COMPOSITE_ALARM)
                                ? List.of(CompositeAlarm.builder()
                                        .alarmName(composite.name())
                                        .alarmArn(arn + composite.name())
                                        .alarmRule("(ALARM(\"" + arn + "GlueJobFailureAlarm\"))")
                                        .actionsEnabled(true)
                                        .alarmActions(topicArn)
                                        .okActions(topicArn)
                                        .stateValue("ALARM")
                                        .build())
                                : List.of())
                .build();

        List<CheckResult> results = new DeploymentChecks(Fakes.clients(cloudWatch, new Fakes.Logs()))
                .alarms(stack, Map.of("data-pipeline-alerts", topicArn));

        assertThat(cloudWatch.describeRequests)
                .singleElement()
                .satisfies(r -> assertThat(r.alarmTypes())
                        .containsExactlyInAnyOrder(AlarmType.COMPOSITE_ALARM, AlarmType.METRIC_ALARM));
        assertThat(results)
                .containsExactly(
                        CheckResult.pass(
                                "alarm GlueJobFailureAlarm",
                                "Glue glue.driver.aggregate.numFailedTasks > 0,"
                                        + " no actions of its own (its composite notifies) (state OK)"),
                        CheckResult.pass(
                                "alarm PipelineUnhealthyAlarm",
                                "composite of GlueJobFailureAlarm, notifies data-pipeline-alerts (state ALARM)"));
    }
}
