package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

class AlarmComparisonTest {
    private static final String TOPIC_NAME = "data-pipeline-alerts";
    private static final String TOPIC = "arn:aws:sns:eu-west-1:123456789012:data-pipeline-alerts";
    private static final Map<String, String> TOPICS = Map.of(TOPIC_NAME, TOPIC);
    private static final ExpectedAlarm.Metric DURATION = new ExpectedAlarm.Metric(
            "GlueJobDurationAlarm",
            "Glue",
            "glue.driver.aggregate.elapsedTime",
            Map.of("JobName", "sample-etl-job", "JobRunId", "ALL", "Type", "count"),
            "Maximum",
            300,
            1,
            300_000,
            "GreaterThanThreshold",
            "notBreaching",
            Optional.of(TOPIC_NAME));
    private static final ExpectedAlarm.Metric RUN_FAILED = new ExpectedAlarm.Metric(
            "GlueJobRunFailedAlarm",
            "AWS/Events",
            "TriggeredRules",
            Map.of("RuleName", ExpectedAlarm.DEPLOY_TIME),
            "Sum",
            300,
            1,
            1,
            "GreaterThanOrEqualToThreshold",
            "notBreaching",
            Optional.of(TOPIC_NAME));

    private static MetricAlarm.Builder deployed(ExpectedAlarm.Metric alarm) {
        return MetricAlarm.builder()
                .alarmName(alarm.name())
                .namespace(alarm.namespace())
                .metricName(alarm.metricName())
                .dimensions(alarm.dimensions().entrySet().stream()
                        .map(d -> Dimension.builder()
                                .name(d.getKey())
                                .value(
                                        ExpectedAlarm.DEPLOY_TIME.equals(d.getValue())
                                                ? "Stack-RunFailuresRule1A2B-XYZ"
                                                : d.getValue())
                                .build())
                        .toList())
                .statistic(alarm.statistic())
                .period(alarm.period())
                .evaluationPeriods(alarm.evaluationPeriods())
                .threshold(alarm.threshold())
                .comparisonOperator(alarm.comparisonOperator())
                .treatMissingData(alarm.treatMissingData())
                .actionsEnabled(true)
                .alarmActions(TOPIC)
                .okActions(TOPIC);
    }

    @Test
    void anAlarmDeployedAsDeclaredHasNoDifference() {
        assertThat(AlarmComparison.differences(DURATION, deployed(DURATION).build(), TOPICS))
                .isEmpty();
    }

    @Test
    void aDeployTimeDimensionMatchesAnyValueButMustBeThere() {
        assertThat(AlarmComparison.differences(RUN_FAILED, deployed(RUN_FAILED).build(), TOPICS))
                .isEmpty();
        assertThat(AlarmComparison.differences(
                        RUN_FAILED,
                        deployed(RUN_FAILED).dimensions(java.util.List.of()).build(),
                        TOPICS))
                .containsExactly("dimension RuleName is missing");
    }

    @Test
    void theLabsSecondsThresholdIsReportedAgainstMilliseconds() {
        assertThat(AlarmComparison.differences(
                        DURATION, deployed(DURATION).threshold(300.0).build(), TOPICS))
                .containsExactly("threshold is 300, expected 300000");
    }

    @Test
    void eachWrongFieldIsNamed() {
        MetricAlarm wrong = deployed(DURATION)
                .metricName("glue.driver.aggregate.numFailedTasks")
                .dimensions(
                        Dimension.builder().name("JobName").value("other-job").build(),
                        Dimension.builder().name("JobRunId").value("ALL").build(),
                        Dimension.builder().name("Type").value("count").build())
                .comparisonOperator("LessThanThreshold")
                .treatMissingData("breaching")
                .alarmActions("arn:aws:sns:eu-west-1:123456789012:someone-else")
                .okActions()
                .actionsEnabled(false)
                .build();

        assertThat(AlarmComparison.differences(DURATION, wrong, TOPICS))
                .containsExactly(
                        "metric is glue.driver.aggregate.numFailedTasks, expected glue.driver.aggregate.elapsedTime",
                        "comparison is LessThanThreshold, expected GreaterThanThreshold",
                        "missing data treatment is breaching, expected notBreaching",
                        "dimension JobName is 'other-job', expected 'sample-etl-job'",
                        "alarm actions are [arn:aws:sns:eu-west-1:123456789012:someone-else], expected [" + TOPIC + "]",
                        "OK actions are [], expected [" + TOPIC + "]",
                        "actions are disabled");
    }

    @Test
    void withoutTheTopicTheActionsCannotBeChecked() {
        assertThat(AlarmComparison.differences(DURATION, deployed(DURATION).build(), Map.of()))
                .containsExactly("cannot check its actions: the alert topic was not found");
    }

    @Test
    void describesWhatAnAlarmWatches() {
        assertThat(AlarmComparison.describe(DURATION)).isEqualTo("Glue glue.driver.aggregate.elapsedTime > 300000");
        assertThat(AlarmComparison.describe(RUN_FAILED)).isEqualTo("AWS/Events TriggeredRules >= 1");
    }

    private static final ExpectedAlarm.MetricMath ANOMALY = new ExpectedAlarm.MetricMath(
            "DataQualityAlarmAnomaly",
            List.of(
                    new ExpectedAlarm.Query(
                            "m1",
                            Optional.empty(),
                            Optional.of(new ExpectedAlarm.MetricStat(
                                    "DataPipelineMetrics",
                                    "DataQualityScore",
                                    Map.of("Pipeline", "sample-etl-job"),
                                    "Average",
                                    300)),
                            true),
                    new ExpectedAlarm.Query(
                            "band", Optional.of("ANOMALY_DETECTION_BAND(m1, 2.0)"), Optional.empty(), true)),
            Optional.of("band"),
            OptionalDouble.empty(),
            1,
            "LessThanLowerThreshold",
            "notBreaching",
            Optional.of(TOPIC_NAME));
    private static final ExpectedAlarm.MetricMath THROUGHPUT = new ExpectedAlarm.MetricMath(
            "LowThroughputAlarm",
            List.of(
                    new ExpectedAlarm.Query("expr_1", Optional.of("records / PERIOD(records)"), Optional.empty(), true),
                    new ExpectedAlarm.Query(
                            "records",
                            Optional.empty(),
                            Optional.of(new ExpectedAlarm.MetricStat(
                                    "DataPipelineMetrics",
                                    "RecordsProcessed",
                                    Map.of("Pipeline", "sample-etl-job"),
                                    "Sum",
                                    300)),
                            false)),
            Optional.empty(),
            OptionalDouble.of(5),
            1,
            "LessThanThreshold",
            "notBreaching",
            Optional.of(TOPIC_NAME));
    private static final ExpectedAlarm.Composite UNHEALTHY = new ExpectedAlarm.Composite(
            "PipelineUnhealthyAlarm",
            "(ALARM(\"GlueJobFailureAlarm\") OR ALARM(\"DataQualityAlarm\"))",
            List.of("GlueJobFailureAlarm", "DataQualityAlarm"),
            Optional.of(TOPIC_NAME));
    private static final ExpectedAlarm.Metric SILENT_CHILD = new ExpectedAlarm.Metric(
            "DataQualityAlarm",
            "DataPipelineMetrics",
            "DataQualityScore",
            Map.of("Pipeline", "sample-etl-job"),
            "Average",
            300,
            1,
            0.95,
            "LessThanThreshold",
            "notBreaching",
            Optional.empty());
    private static final String ALARM_ARN = "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:";

    /** A metric-math alarm as DescribeAlarms returns it: Metrics, no MetricName/Namespace/Statistic/Period. */
    private static MetricAlarm.Builder deployed(ExpectedAlarm.MetricMath alarm) {
        return MetricAlarm.builder()
                .alarmName(alarm.name())
                .metrics(alarm.queries().stream()
                        .map(q -> MetricDataQuery.builder()
                                .id(q.id())
                                .expression(q.expression().orElse(null))
                                .returnData(q.returnData())
                                .metricStat(q.metricStat()
                                        .map(stat -> MetricStat.builder()
                                                .metric(Metric.builder()
                                                        .namespace(stat.namespace())
                                                        .metricName(stat.metricName())
                                                        .dimensions(stat.dimensions().entrySet().stream()
                                                                .map(d -> Dimension.builder()
                                                                        .name(d.getKey())
                                                                        .value(d.getValue())
                                                                        .build())
                                                                .toList())
                                                        .build())
                                                .stat(stat.stat())
                                                .period(stat.period())
                                                .build())
                                        .orElse(null))
                                .build())
                        .toList())
                .thresholdMetricId(alarm.thresholdMetricId().orElse(null))
                .threshold(alarm.threshold().isPresent() ? alarm.threshold().getAsDouble() : null)
                .evaluationPeriods(alarm.evaluationPeriods())
                .comparisonOperator(alarm.comparisonOperator())
                .treatMissingData(alarm.treatMissingData())
                .actionsEnabled(true)
                .alarmActions(TOPIC)
                .okActions(TOPIC);
    }

    /** A composite as DescribeAlarms (AlarmTypes CompositeAlarm) returns it: the rule holds the children's ARNs. */
    private static CompositeAlarm.Builder deployedComposite() {
        return CompositeAlarm.builder()
                .alarmName(UNHEALTHY.name())
                .alarmArn(ALARM_ARN + UNHEALTHY.name())
                .alarmRule("(ALARM(\"" + ALARM_ARN + "GlueJobFailureAlarm\") OR ALARM(\"" + ALARM_ARN
                        + "DataQualityAlarm\"))")
                .alarmDescription("Pipeline sample-etl-job is unhealthy")
                .actionsEnabled(true)
                .alarmActions(TOPIC)
                .okActions(TOPIC)
                .insufficientDataActions(List.of())
                .stateValue("OK");
    }

    @Test
    void anAnomalyDetectionAlarmIsComparedByItsQueriesAndBand() {
        assertThat(AlarmComparison.differences(ANOMALY, deployed(ANOMALY).build(), TOPICS))
                .isEmpty();

        MetricAlarm wrong = deployed(ANOMALY)
                .metrics(
                        MetricDataQuery.builder()
                                .id("m1")
                                .returnData(true)
                                .metricStat(MetricStat.builder()
                                        .metric(Metric.builder()
                                                .namespace("DataPipelineMetrics")
                                                .metricName("ErrorRate")
                                                .dimensions(Dimension.builder()
                                                        .name("Pipeline")
                                                        .value("other-job")
                                                        .build())
                                                .build())
                                        .stat("Maximum")
                                        .period(60)
                                        .build())
                                .build(),
                        MetricDataQuery.builder()
                                .id("band")
                                .expression("ANOMALY_DETECTION_BAND(m1, 3.0)")
                                .returnData(true)
                                .build())
                .thresholdMetricId("m1")
                .comparisonOperator("GreaterThanUpperThreshold")
                .build();
        assertThat(AlarmComparison.differences(ANOMALY, wrong, TOPICS))
                .containsExactly(
                        "query m1 metric is ErrorRate, expected DataQualityScore",
                        "query m1 statistic is Maximum, expected Average",
                        "query m1 period is 60, expected 300",
                        "query m1 dimension Pipeline is 'other-job', expected 'sample-etl-job'",
                        "query band expression is ANOMALY_DETECTION_BAND(m1, 3.0), expected ANOMALY_DETECTION_BAND(m1, 2.0)",
                        "threshold metric is m1, expected band",
                        "comparison is GreaterThanUpperThreshold, expected LessThanLowerThreshold");
    }

    @Test
    void aMetricMathAlarmIsComparedByExpressionQueriesAndThreshold() {
        assertThat(AlarmComparison.differences(THROUGHPUT, deployed(THROUGHPUT).build(), TOPICS))
                .isEmpty();

        MetricAlarm wrong = deployed(THROUGHPUT)
                .metrics(
                        MetricDataQuery.builder()
                                .id("expr_1")
                                .expression("records")
                                .returnData(true)
                                .build(),
                        MetricDataQuery.builder()
                                .id("records")
                                .returnData(true)
                                .metricStat(MetricStat.builder()
                                        .metric(Metric.builder()
                                                .namespace("DataPipelineMetrics")
                                                .metricName("RecordsProcessed")
                                                .dimensions(Dimension.builder()
                                                        .name("Pipeline")
                                                        .value("sample-etl-job")
                                                        .build())
                                                .build())
                                        .stat("Sum")
                                        .period(300)
                                        .build())
                                .build(),
                        MetricDataQuery.builder()
                                .id("extra")
                                .expression("1")
                                .returnData(false)
                                .build())
                .threshold(1500.0)
                .build();
        assertThat(AlarmComparison.differences(THROUGHPUT, wrong, TOPICS))
                .containsExactly(
                        "query expr_1 expression is records, expected records / PERIOD(records)",
                        "query records returns data true, expected false",
                        "unexpected query extra",
                        "threshold is 1500, expected 5");
    }

    @Test
    void aClassicAlarmDeployedWhereMetricMathIsExpectedIsReported() {
        assertThat(AlarmComparison.differences(
                        THROUGHPUT,
                        deployed(DURATION).alarmName(THROUGHPUT.name()).build(),
                        TOPICS))
                .contains(
                        "watches the single metric Glue glue.driver.aggregate.elapsedTime, expected metric queries",
                        "query expr_1 is missing",
                        "query records is missing");
    }

    @Test
    void aCompositeIsComparedByItsRuleWithChildArnsAndItsActions() {
        assertThat(AlarmComparison.differences(UNHEALTHY, deployedComposite().build(), TOPICS))
                .isEmpty();
        // A rule may name its children instead of giving their ARNs.
        assertThat(AlarmComparison.differences(
                        UNHEALTHY,
                        deployedComposite()
                                .alarmRule("(ALARM(\"GlueJobFailureAlarm\") OR ALARM(\"DataQualityAlarm\"))")
                                .build(),
                        TOPICS))
                .isEmpty();

        CompositeAlarm wrong = deployedComposite()
                .alarmRule("ALARM(\"" + ALARM_ARN + "GlueJobFailureAlarm\")")
                .okActions(List.of())
                .build();
        assertThat(AlarmComparison.differences(UNHEALTHY, wrong, TOPICS))
                .containsExactly(
                        "rule is ALARM(\"" + ALARM_ARN + "GlueJobFailureAlarm\"), expected " + UNHEALTHY.rule(),
                        "OK actions are [], expected [" + TOPIC + "]");
        assertThat(AlarmComparison.differences(
                        UNHEALTHY, deployedComposite().alarmRule(null).build(), TOPICS))
                .containsExactly("has no alarm rule, expected " + UNHEALTHY.rule());
    }

    @Test
    void theKindOfAlarmMustMatch() {
        assertThat(AlarmComparison.differences(
                        UNHEALTHY,
                        deployed(DURATION).alarmName(UNHEALTHY.name()).build(),
                        TOPICS))
                .containsExactly(
                        "is a metric alarm, expected a composite alarm (composite of GlueJobFailureAlarm, DataQualityAlarm)");
        assertThat(AlarmComparison.differences(DURATION, deployedComposite().build(), TOPICS))
                .containsExactly(
                        "is a composite alarm, expected a metric alarm (Glue glue.driver.aggregate.elapsedTime > 300000)");
    }

    @Test
    void aSilentChildMustHaveNoActionsAndOneThatNotifiesIsReported() {
        MetricAlarm silent = deployed(SILENT_CHILD)
                .alarmActions(List.of())
                .okActions(List.of())
                .build();
        assertThat(AlarmComparison.differences(SILENT_CHILD, silent, TOPICS)).isEmpty();
        assertThat(AlarmComparison.differences(SILENT_CHILD, silent, Map.of()))
                .as("no topic needed")
                .isEmpty();

        assertThat(AlarmComparison.differences(
                        SILENT_CHILD, deployed(SILENT_CHILD).build(), TOPICS))
                .containsExactly(
                        "alarm actions are [" + TOPIC + "], expected none (its composite alarm notifies)",
                        "OK actions are [" + TOPIC + "], expected none (its composite alarm notifies)");
    }

    @Test
    void eachAlarmIsCheckedAgainstItsOwnSeverityTopic() {
        String warning = "arn:aws:sns:eu-west-1:123456789012:data-pipeline-alerts-warning";
        String critical = "arn:aws:sns:eu-west-1:123456789012:data-pipeline-alerts-critical";
        Map<String, String> topics =
                Map.of("data-pipeline-alerts-warning", warning, "data-pipeline-alerts-critical", critical);
        ExpectedAlarm.Metric onWarning = new ExpectedAlarm.Metric(
                DURATION.name(),
                DURATION.namespace(),
                DURATION.metricName(),
                DURATION.dimensions(),
                DURATION.statistic(),
                DURATION.period(),
                DURATION.evaluationPeriods(),
                DURATION.threshold(),
                DURATION.comparisonOperator(),
                DURATION.treatMissingData(),
                Optional.of("data-pipeline-alerts-warning"));

        assertThat(AlarmComparison.differences(
                        onWarning,
                        deployed(onWarning)
                                .alarmActions(warning)
                                .okActions(warning)
                                .build(),
                        topics))
                .isEmpty();
        assertThat(AlarmComparison.differences(
                        onWarning,
                        deployed(onWarning)
                                .alarmActions(critical)
                                .okActions(warning)
                                .build(),
                        topics))
                .containsExactly("alarm actions are [" + critical + "], expected [" + warning + "]");
        assertThat(AlarmComparison.differences(
                        onWarning,
                        deployed(onWarning)
                                .alarmActions(warning)
                                .okActions(warning)
                                .build(),
                        Map.of("data-pipeline-alerts-critical", critical)))
                .containsExactly("cannot check its actions: the alert topic was not found");
    }

    @Test
    void describesEachKind() {
        assertThat(AlarmComparison.describe(ANOMALY))
                .isEqualTo("DataPipelineMetrics DataQualityScore below ANOMALY_DETECTION_BAND(m1, 2.0)");
        assertThat(AlarmComparison.describe(THROUGHPUT))
                .isEqualTo("records / PERIOD(records) < 5 over DataPipelineMetrics RecordsProcessed");
        assertThat(AlarmComparison.describe(UNHEALTHY)).isEqualTo("composite of GlueJobFailureAlarm, DataQualityAlarm");
    }
}
