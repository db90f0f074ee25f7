package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.context.SettingsReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** capacityAlarms: the account's run quota by default, the five per-pipeline capacity signals with "all", none with "off". */
class CapacityAlarmsTest {
    private static final List<String> PER_PIPELINE = List.of(
            "GlueJobLowWorkerUtilizationAlarm",
            "GlueJobHighWorkerUtilizationAlarm",
            "GlueJobSkewAlarm",
            "GlueJobDiskAlarm",
            "GlueJobExecutorMemoryAlarm");
    private static final String QUOTA = "GlueConcurrentRunsQuotaAlarm";
    private static Template byDefault;
    private static Template all;
    private static Template off;

    @BeforeAll
    static void synthesize() {
        byDefault = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl")).template();
        all = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl", "capacityAlarms", "all"))
                .template();
        off = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl", "capacityAlarms", "off"))
                .template();
    }

    @Test
    void byDefaultOnlyTheAccountsRunQuotaIsWatched() {
        assertThat(alarmNames(byDefault))
                .contains(QUOTA)
                .noneMatch(name -> PER_PIPELINE.stream().anyMatch(name::startsWith));
        byDefault.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        QUOTA,
                        "Namespace",
                        "AWS/Glue",
                        "MetricName",
                        "ResourceUsage",
                        "Dimensions",
                        Match.arrayWith(List.of(
                                Map.of("Name", "Resource", "Value", "JobRun"),
                                Map.of("Name", "Service", "Value", "Glue"),
                                Map.of("Name", "Type", "Value", "Resource"))),
                        "Statistic",
                        "Maximum",
                        "Period",
                        3600,
                        "Threshold",
                        80,
                        "ComparisonOperator",
                        "GreaterThanOrEqualToThreshold")));
    }

    @Test
    void theQuotaAlarmPagesThroughTheMonitoringHealthPage() {
        Map<String, Map<String, Object>> composites = byDefault.findResources(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("AlarmName", "MonitoringHealthAlarm")))));
        assertThat(composites).hasSize(1);
        assertThat(String.valueOf(composites.values().iterator().next().get("Properties")))
                .contains("MonitoringHealthGlueRunQuota");
    }

    @Test
    void allAddsFiveCapacitySignalsPerPipelineOnTheObservabilityMetrics() {
        for (String name : PER_PIPELINE) {
            assertThat(alarmNames(all)).contains(name + "-orders-etl");
        }
        all.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName", "GlueJobLowWorkerUtilizationAlarm-orders-etl",
                        "Namespace", "Glue",
                        "MetricName", "glue.driver.workerUtilization",
                        "Dimensions",
                                Match.arrayWith(List.of(
                                        Map.of("Name", "JobName", "Value", "orders-etl"),
                                        Map.of("Name", "JobRunId", "Value", "ALL"),
                                        Map.of("Name", "ObservabilityGroup", "Value", "resource_utilization"),
                                        Map.of("Name", "Type", "Value", "gauge"))),
                        "Threshold", 0.3,
                        "ComparisonOperator", "LessThanThreshold",
                        "EvaluationPeriods", 3,
                        "DatapointsToAlarm", 3,
                        "TreatMissingData", "notBreaching")));
        all.hasResourceProperties(
                "AWS::CloudWatch::Alarm",
                Match.objectLike(Map.of(
                        "AlarmName",
                        "GlueJobSkewAlarm-orders-etl",
                        "MetricName",
                        "glue.driver.skewness.job",
                        "Dimensions",
                        Match.arrayWith(List.of(Map.of("Name", "ObservabilityGroup", "Value", "job_performance"))),
                        "Threshold",
                        5)));
        // Children of the pipeline's page: they page, once, as the pipeline's other signals do.
        Map<String, Map<String, Object>> page = all.findResources(
                "AWS::CloudWatch::CompositeAlarm",
                Match.objectLike(Map.of(
                        "Properties", Match.objectLike(Map.of("AlarmName", "PipelineUnhealthyAlarm-orders-etl")))));
        assertThat(String.valueOf(page.values().iterator().next().get("Properties")))
                .contains("GlueJobDiskAlarm-orders-etl", "GlueJobExecutorMemoryAlarm-orders-etl");
    }

    @Test
    void offHasNone() {
        assertThat(alarmNames(off))
                .noneMatch(name -> name.equals(QUOTA) || PER_PIPELINE.stream().anyMatch(name::startsWith));
    }

    @Test
    void aBadValueStopsSynthWithOneLine() {
        assertThatThrownBy(() -> SettingsReader.read(Map.of("capacityAlarms", "some")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("context key 'capacityAlarms' is 'some'; allowed: off, quota or all");
    }

    private static List<String> alarmNames(Template template) {
        return template.findResources("AWS::CloudWatch::Alarm").values().stream()
                .map(resource -> String.valueOf(((Map<?, ?>) resource.get("Properties")).get("AlarmName")))
                .toList();
    }
}
