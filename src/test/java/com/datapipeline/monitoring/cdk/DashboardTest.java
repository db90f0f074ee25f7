package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

class DashboardTest {
    private static Template template;
    private static String body;

    @BeforeAll
    static void synthesize() {
        template = TestStacks.synthesize(Map.of()).template();
        body = dashboardBody(template);
    }

    @Test
    void dashboardHasTheLabsNameAndEveryWidgetOfSteps3And7() {
        template.hasResourceProperties(
                "AWS::CloudWatch::Dashboard",
                Map.of(
                        "DashboardName",
                        "DataPipelineMonitoring",
                        "DashboardBody",
                        software.amazon.awscdk.assertions.Match.anyValue()));
        for (String title : List.of(
                "ETL Job Duration",
                "Data Processed (Bytes)",
                "Memory Usage",
                "ETL Job Logs",
                "Pipeline Alarms",
                "Data Pipeline Quality Metrics")) {
            assertThat(body).contains("\"title\":\"" + title + "\"");
        }
    }

    @Test
    void graphsDrawTheAlarmThresholdsInTheMetricsUnits() {
        assertThat(body)
                .contains("\"value\":300")
                .doesNotContain("\"value\":300000")
                .contains("\"value\":0.8")
                .contains("\"value\":90")
                .contains("\"value\":2")
                .contains("\"value\":180");
    }

    @Test
    void graphsUseTheAlarmedMetrics() {
        assertThat(body)
                .contains("[\"DataPipelineMetrics\",\"LongestRunningSeconds\",\"Pipeline\",\"sample-etl-job\"")
                .doesNotContain("glue.driver.aggregate.elapsedTime")
                .contains("[\"Glue\",\"glue.ALL.s3.filesystem.read_bytes\"")
                .contains("[\"Glue\",\"glue.ALL.s3.filesystem.write_bytes\"")
                .contains(
                        "[\"Glue\",\"glue.driver.jvm.heap.usage\",\"JobName\",\"sample-etl-job\",\"JobRunId\",\"ALL\",\"Type\",\"gauge\"");
        for (String metric : List.of("DataQualityScore", "ErrorRate", "ProcessingLatency", "RecordsProcessed")) {
            assertThat(body).contains("[\"DataPipelineMetrics\",\"" + metric + "\",\"Pipeline\",\"sample-etl-job\"");
        }
    }

    @Test
    void logsWidgetReadsEveryGlueLogGroup() {
        assertThat(body)
                .contains(
                        "SOURCE '/aws-glue/jobs/output' | SOURCE '/aws-glue/jobs/error' | SOURCE '/aws-glue/jobs/logs-v2'");
    }

    @Test
    void alarmStatusWidgetListsEveryAlarmByName() {
        int start = body.indexOf("\"alarms\":[");
        String alarmList = body.substring(start, body.indexOf(']', start));
        List<String> names = new ArrayList<>();
        for (String type : List.of("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm")) {
            template.findResources(type)
                    .values()
                    .forEach(resource ->
                            names.add(String.valueOf(((Map<?, ?>) resource.get("Properties")).get("AlarmName"))));
        }
        assertThat(names).hasSize(30).allSatisfy(name -> assertThat(alarmList).contains(":alarm:" + name + "\""));
        assertThat(alarmList.split(":alarm:", -1)).hasSize(names.size() + 1);
    }

    @Test
    void aOneAlarmPipelineDrawsItsBreachBitsNotTheMetricsNobodyPublishes() {
        String oneAlarm = dashboardBody(
                TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl")).template());
        assertThat(oneAlarm)
                .contains("Breach bits - orders-etl")
                .contains("\"Breach\"")
                .contains("glue.driver.jvm.heap.usage")
                .doesNotContain("LongestRunningSeconds", "ErrorRate", "RecordsProcessed", "SecondsSinceLastSuccess");
        String detailed =
                dashboardBody(TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl", "detailedMetrics", true))
                        .template());
        assertThat(detailed)
                .contains("LongestRunningSeconds", "ErrorRate", "RecordsProcessed")
                .doesNotContain("Breach bits");
    }

    /** The dashboard body with CloudFormation references rendered as {ref}, enough to read it as text. */
    @SuppressWarnings("unchecked")
    static String dashboardBody(Template template) {
        Map<String, Object> dashboard = (Map<String, Object>) template.findResources("AWS::CloudWatch::Dashboard")
                .values()
                .iterator()
                .next()
                .get("Properties");
        Object bodyValue = dashboard.get("DashboardBody");
        if (bodyValue instanceof String text) {
            return text;
        }
        List<Object> parts = (List<Object>) ((List<Object>) ((Map<String, Object>) bodyValue).get("Fn::Join")).get(1);
        return parts.stream()
                .map(part -> part instanceof String text ? text : "{ref}")
                .collect(Collectors.joining());
    }
}
