package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.MonitoringApp;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Role;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.contract.MetricsSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The expectations come from the app's own code for the same configuration; one synth for the class. */
class StackExpectationsTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Map<String, Object> CONTEXT =
            Map.of("prefix", "team1-", "alertEmail", "oncall@example.com", "metricsSource", "simulate");
    private static ExpectedStack expected;

    @BeforeAll
    static void synthesize() {
        expected = StackExpectations.synthesize(CONTEXT, ROOT);
    }

    private static ExpectedAlarm alarm(String name) {
        return expected.alarms().stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static ExpectedAlarm.Metric metric(String name) {
        return (ExpectedAlarm.Metric) alarm(name);
    }

    @Test
    void namesComeFromTheNamingHelper() {
        ResourceNames names = new ResourceNames("team1-");
        assertThat(expected.stackName()).isEqualTo("team1-" + MonitoringApp.STACK_NAME);
        assertThat(expected.topicNames())
                .containsExactly(
                        names.shared(ResourceNames.ALERT_TOPIC),
                        names.shared(ResourceNames.HEALTH_TOPIC),
                        names.shared(ResourceNames.REMEDIATION_TOPIC));
        assertThat(expected.topics().getFirst().emails()).containsExactly("oncall@example.com");
        assertThat(expected.responseLogGroup()).isEqualTo("/aws/lambda/team1-AlarmResponseFunction");
        assertThat(expected.scheduleRuleName()).isEqualTo(names.shared(ResourceNames.METRICS_SCHEDULE));
        assertThat(expected.scheduleExpression()).isEqualTo("rate(1 minute)");
        assertThat(expected.alertEmail()).isEqualTo(Optional.of("oncall@example.com"));
        assertThat(expected.metricsSource()).isEqualTo(MetricsSource.SIMULATE);
        assertThat(expected.savedQueries())
                .contains(
                        names.savedQuery(ResourceNames.ERROR_QUERY),
                        names.savedQuery(ResourceNames.RESPONSE_AUDIT_QUERY));
    }

    @Test
    void everyAlarmOfTheStackIsExpected() {
        App app = new App(AppProps.builder().context(CONTEXT).build());
        var stack = MonitoringApp.build(
                app,
                new com.datapipeline.monitoring.cdk.functions.LambdaArtifacts(
                        software.amazon.awscdk.services.lambda.Code.fromCfnParameters(),
                        software.amazon.awscdk.services.lambda.Code.fromCfnParameters()),
                ROOT);

        assertThat(expected.alarmNames()).containsExactlyInAnyOrderElementsOf(stack.alarmNames());
        assertThat(expected.alarms())
                .allSatisfy(a -> assertThat(a.actionTopic().isEmpty())
                        .as("%s has no actions exactly when it is a health signal", a.name())
                        .isEqualTo(isHealthSignal(a.name())));
    }

    /** Health signals page only through MonitoringHealthAlarm, so they have no actions of their own. */
    private static boolean isHealthSignal(String alarmName) {
        return Stream.of(AlarmKind.values())
                .filter(kind -> kind.role() == Role.HEALTH_SIGNAL || kind.role() == Role.HEALTH_GROUP)
                .anyMatch(kind -> alarmName.matches("(.*-)?" + kind.baseName() + "(-.*)?"));
    }

    @Test
    void alarmsInNestedStacksAreExpectedWithTheParentsTopic() {
        Map<String, Object> context = Map.of("pipelinesFile", "pipelines/many-jobs.json");
        ExpectedStack many = StackExpectations.synthesize(context, ROOT);
        App app = new App(AppProps.builder().context(context).build());
        var stack = MonitoringApp.build(
                app,
                new com.datapipeline.monitoring.cdk.functions.LambdaArtifacts(
                        software.amazon.awscdk.services.lambda.Code.fromCfnParameters(),
                        software.amazon.awscdk.services.lambda.Code.fromCfnParameters()),
                ROOT);

        assertThat(stack.nestedStacks()).hasSize(2);
        assertThat(many.alarmNames()).containsExactlyInAnyOrderElementsOf(stack.alarmNames());
        assertThat(many.alarms())
                .filteredOn(a -> a.name().equals("PipelineUnhealthyAlarm-job-25"))
                .singleElement()
                // A one-alarm page notifies the parent's remediation topic: the response function is its pager.
                .satisfies(a -> assertThat(a.actionTopic()).contains(ResourceNames.REMEDIATION_TOPIC));
    }

    @Test
    void thresholdsAreInTheMetricsUnits() {
        ExpectedAlarm.Metric duration = metric("team1-" + AlarmKind.DURATION.baseName());
        assertThat(duration.threshold()).isEqualTo(300);
        assertThat(duration.metricName()).isEqualTo("LongestRunningSeconds");
        assertThat(duration.dimensions()).containsEntry("Pipeline", "sample-etl-job");
        assertThat(metric("team1-" + AlarmKind.MEMORY.baseName()).threshold()).isEqualTo(0.8);
        assertThat(metric("team1-" + AlarmKind.DATA_QUALITY.baseName()).comparisonOperator())
                .isEqualTo("LessThanThreshold");
    }

    @Test
    void aDimensionNamedAtDeployTimeMatchesAnyValue() {
        assertThat(metric("team1-" + AlarmKind.EVENT_DELIVERY_FAILED.baseName() + "-RunFailures")
                        .dimensions())
                .isEqualTo(Map.of("RuleName", ExpectedAlarm.DEPLOY_TIME));
        assertThat(metric("team1-" + AlarmKind.METRICS_FUNCTION_ERRORS.baseName())
                        .dimensions())
                .isEqualTo(Map.of("FunctionName", ExpectedAlarm.DEPLOY_TIME));
    }

    @Test
    void theCompositeIsExpectedWithItsChildrenByName() {
        ExpectedAlarm.Composite unhealthy =
                (ExpectedAlarm.Composite) alarm("team1-" + AlarmKind.PIPELINE_UNHEALTHY.baseName());

        assertThat(unhealthy.children())
                .containsExactly(
                        "team1-" + AlarmKind.DURATION.baseName(),
                        "team1-" + AlarmKind.FAILED_TASKS.baseName(),
                        "team1-" + AlarmKind.MEMORY.baseName(),
                        "team1-" + AlarmKind.DATA_QUALITY.baseName(),
                        "team1-" + AlarmKind.ERROR_RATE.baseName(),
                        "team1-" + AlarmKind.LATENCY.baseName(),
                        "team1-" + AlarmKind.COLLECTION_FAILED.baseName(),
                        "team1-" + AlarmKind.RUN_FAILED.baseName(),
                        "team1-" + AlarmKind.STUCK_RUN.baseName(),
                        // The sample chain's stages: its crawler and its Data Quality ruleset.
                        "team1-" + AlarmKind.CRAWLER_FAILED.baseName(),
                        "team1-" + AlarmKind.DATA_QUALITY_FAILED.baseName());
        assertThat(unhealthy.rule())
                .startsWith("(ALARM(\"team1-GlueJobDurationAlarm\") OR ALARM(\"team1-GlueJobFailureAlarm\")");
        assertThat(unhealthy.actionTopic()).contains("team1-" + ResourceNames.ALERT_TOPIC);
        assertThat(AlarmDrill.skipReason(unhealthy)).isPresent();
        assertThat(AlarmDrill.skipReason(alarm("team1-" + AlarmKind.DATA_QUALITY.baseName())))
                .as("signals tell the response function, so the drill reaches it")
                .isEmpty();
        assertThat(alarm("team1-" + AlarmKind.DATA_QUALITY.baseName()).actionTopic())
                .contains("team1-" + ResourceNames.REMEDIATION_TOPIC);
    }

    @Test
    void theNewMetricAlarmsAreClassicOnes() {
        ExpectedAlarm.Metric stuck = metric("team1-" + AlarmKind.STUCK_RUN.baseName());
        assertThat(stuck.namespace()).isEqualTo("DataPipelineMetrics");
        assertThat(stuck.metricName()).isEqualTo("StuckRuns");
        ExpectedAlarm.Metric functionErrors = metric("team1-" + AlarmKind.METRICS_FUNCTION_ERRORS.baseName());
        assertThat(functionErrors.namespace()).isEqualTo("AWS/Lambda");
        assertThat(functionErrors.metricName()).isEqualTo("Errors");
    }

    /** Anomaly detection beside the static alarms, the throughput alarm, silent children, and a job that is not the sample. */
    @Test
    void everyKindOfAlarmOfARicherConfiguration() {
        Map<String, Object> context = Map.of(
                "prefix",
                "p-",
                "anomalyDetection",
                "beside",
                "minThroughputRecordsPerSecond",
                "5",
                "monitoredJobs",
                // A ruleset: without one an added job has no data-quality alarm (nothing would publish its score).
                "[{\"jobName\": \"other-job\", \"dataQualityRuleset\": \"checks\"}]");
        ExpectedStack rich = StackExpectations.synthesize(context, ROOT);
        assertThat(rich.alarmNames())
                .containsExactlyInAnyOrderElementsOf(stackOf(context).alarmNames());
        String topic = "p-" + ResourceNames.ALERT_TOPIC;
        String remediation = "p-" + ResourceNames.REMEDIATION_TOPIC;

        ExpectedAlarm.MetricMath anomaly = (ExpectedAlarm.MetricMath)
                rich.alarm("p-DataQualityAlarmAnomaly-other-job").orElseThrow();
        assertThat(anomaly.anomalyDetection()).isTrue();
        assertThat(anomaly.thresholdMetricId()).contains("expr_1");
        assertThat(anomaly.threshold()).isEmpty();
        assertThat(anomaly.comparisonOperator()).isEqualTo("LessThanLowerThreshold");
        assertThat(anomaly.queries())
                .containsExactly(
                        new ExpectedAlarm.Query(
                                "expr_1", Optional.of("ANOMALY_DETECTION_BAND(m0, 2)"), Optional.empty(), true),
                        new ExpectedAlarm.Query(
                                "m0",
                                Optional.empty(),
                                Optional.of(new ExpectedAlarm.MetricStat(
                                        "DataPipelineMetrics",
                                        "DataQualityScore",
                                        Map.of("Pipeline", "other-job"),
                                        "Average",
                                        60)),
                                true));
        assertThat(anomaly.actionTopic())
                .as("a signal: tells the response function only")
                .contains(remediation);
        ExpectedAlarm latencyAnomaly =
                rich.alarm("p-ProcessingLatencyAlarmAnomaly-other-job").orElseThrow();
        assertThat(latencyAnomaly.actionTopic()).contains(remediation);

        ExpectedAlarm.MetricMath throughput = (ExpectedAlarm.MetricMath)
                rich.alarm("p-LowThroughputAlarm-other-job").orElseThrow();
        assertThat(throughput.anomalyDetection()).isFalse();
        assertThat(throughput.threshold()).hasValue(5);
        assertThat(throughput.comparisonOperator()).isEqualTo("LessThanThreshold");
        assertThat(throughput.queries())
                .containsExactly(
                        new ExpectedAlarm.Query(
                                "expr_1", Optional.of("records / PERIOD(records)"), Optional.empty(), true),
                        new ExpectedAlarm.Query(
                                "records",
                                Optional.empty(),
                                Optional.of(new ExpectedAlarm.MetricStat(
                                        "DataPipelineMetrics",
                                        "RecordsProcessed",
                                        Map.of("Pipeline", "other-job"),
                                        "Sum",
                                        60)),
                                false));

        ExpectedAlarm.Composite unhealthy = (ExpectedAlarm.Composite)
                rich.alarm("p-PipelineUnhealthyAlarm-other-job").orElseThrow();
        assertThat(unhealthy.actionTopic()).contains(topic);
        assertThat(unhealthy.children())
                .containsExactly(
                        "p-GlueJobDurationAlarm-other-job",
                        "p-GlueJobFailureAlarm-other-job",
                        "p-GlueJobMemoryAlarm-other-job",
                        "p-DataQualityAlarm-other-job",
                        "p-ErrorRateAlarm-other-job",
                        "p-ProcessingLatencyAlarm-other-job",
                        "p-DataQualityAlarmAnomaly-other-job",
                        "p-ErrorRateAlarmAnomaly-other-job",
                        "p-ProcessingLatencyAlarmAnomaly-other-job",
                        "p-MetricsCollectionFailedAlarm-other-job",
                        "p-LowThroughputAlarm-other-job",
                        "p-GlueJobRunFailedAlarm-other-job",
                        "p-GlueJobStuckRunAlarm-other-job");
        for (String child : unhealthy.children()) {
            ExpectedAlarm signal = rich.alarm(child).orElseThrow();
            assertThat(signal.actionTopic()).as(child).contains(remediation);
            assertThat(AlarmDrill.skipReason(signal)).as(child).isEmpty();
        }
        assertThat(rich.alarm("p-PipelineDegradedAlarm-other-job"))
                .as("one page per pipeline on one topic")
                .isEmpty();
        assertThat(rich.alarm("p-GlueJobDurationAlarm-other-job").orElseThrow().actionTopic())
                .contains(remediation);
        assertThat(((ExpectedAlarm.Metric)
                                rich.alarm("p-GlueJobStuckRunAlarm-other-job").orElseThrow())
                        .metricName())
                .isEqualTo("LongestRunningSeconds");
    }

    @Test
    void anomalyDetectionInsteadReplacesTheStaticCustomMetricAlarms() {
        Map<String, Object> context = Map.of("anomalyDetection", "instead");
        ExpectedStack instead = StackExpectations.synthesize(context, ROOT);

        assertThat(instead.alarmNames())
                .containsExactlyInAnyOrderElementsOf(stackOf(context).alarmNames())
                .contains("DataQualityAlarmAnomaly", "ErrorRateAlarmAnomaly", "ProcessingLatencyAlarmAnomaly")
                .doesNotContain(
                        AlarmKind.DATA_QUALITY.baseName(),
                        AlarmKind.ERROR_RATE.baseName(),
                        AlarmKind.LATENCY.baseName());
        assertThat(((ExpectedAlarm.Composite) instead.alarm(AlarmKind.PIPELINE_UNHEALTHY.baseName())
                                .orElseThrow())
                        .children())
                .contains("DataQualityAlarmAnomaly", "ErrorRateAlarmAnomaly");
        assertThat(instead.alarms())
                .filteredOn(a -> !isHealthSignal(a.name()))
                .allSatisfy(a -> assertThat(a.actionTopic()).as(a.name()).isPresent());
    }

    /** Two topics; each alarm expects the one its actions name; emails and the function per topic. */
    @Test
    void severityTopicsRouteEachAlarmToOneOfThem() {
        Map<String, Object> context = Map.of(
                "severityTopics",
                "true",
                "alertEmail",
                "all@example.com",
                "criticalEmail",
                "pager@example.com",
                "warningEmail",
                "team@example.com");
        ExpectedStack severity = StackExpectations.synthesize(context, ROOT);
        String critical = ResourceNames.ALERT_TOPIC + ResourceNames.CRITICAL_SUFFIX;
        String warning = ResourceNames.ALERT_TOPIC + ResourceNames.WARNING_SUFFIX;

        assertThat(severity.alarmNames())
                .containsExactlyInAnyOrderElementsOf(stackOf(context).alarmNames());
        assertThat(severity.topics())
                .containsExactlyInAnyOrder(
                        new ExpectedStack.Topic(critical, List.of("all@example.com", "pager@example.com"), false),
                        new ExpectedStack.Topic(warning, List.of("all@example.com", "team@example.com"), false),
                        new ExpectedStack.Topic(ResourceNames.HEALTH_TOPIC, List.of("pager@example.com"), false),
                        new ExpectedStack.Topic(ResourceNames.REMEDIATION_TOPIC, List.of(), true));
        assertThat(severity.alarms())
                .filteredOn(a -> !isHealthSignal(a.name()))
                .allSatisfy(a -> assertThat(a.actionTopic())
                        .as(a.name())
                        .isPresent()
                        .get()
                        .isIn(critical, warning, ResourceNames.HEALTH_TOPIC, ResourceNames.REMEDIATION_TOPIC));
        assertThat(severity.alarm(AlarmKind.PIPELINE_UNHEALTHY.baseName())
                        .orElseThrow()
                        .actionTopic())
                .contains(critical);
        assertThat(severity.alarm(AlarmKind.PIPELINE_DEGRADED.baseName())
                        .orElseThrow()
                        .actionTopic())
                .contains(warning);
    }

    private static com.datapipeline.monitoring.cdk.MonitoringStack stackOf(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        return MonitoringApp.build(
                app,
                new com.datapipeline.monitoring.cdk.functions.LambdaArtifacts(
                        software.amazon.awscdk.services.lambda.Code.fromCfnParameters(),
                        software.amazon.awscdk.services.lambda.Code.fromCfnParameters()),
                ROOT);
    }
}
