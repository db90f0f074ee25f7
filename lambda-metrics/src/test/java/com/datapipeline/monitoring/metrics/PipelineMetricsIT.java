package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.lambda.LambdaSdkClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Runs the real handler wiring (SDK clients, GetJobRuns paging, FilterLogEvents) against the local AWS API
 * emulator. moto completes a started run at once (SUCCEEDED, StartedOn = CompletedOn = start time,
 * ExecutionTime 123) and implements no Data Quality API; failed and running states are covered by the
 * unit tests.
 */
class PipelineMetricsIT {

    private static LambdaSdkClients clients;
    private static GlueClient glue;
    private static CloudWatchLogsClient logs;

    @BeforeAll
    static void connectToEmulator() {
        clients = EmulatorClients.connect();
        glue = clients.build(GlueClient.builder());
        logs = clients.build(CloudWatchLogsClient.builder());
    }

    @AfterAll
    static void closeClients() {
        if (glue != null) {
            glue.close();
            logs.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void createJob(String jobName) {
        glue.createJob(r -> r.name(jobName)
                .role("arn:aws:iam::123456789012:role/GlueJobRole")
                .command(c -> c.name("glueetl").scriptLocation("s3://scripts/" + jobName + ".py"))
                .glueVersion("5.0"));
    }

    private static void writeLog(String logGroup, String stream, String... messages) {
        logs.createLogStream(r -> r.logGroupName(logGroup).logStreamName(stream));
        long now = Instant.now().toEpochMilli();
        List<InputLogEvent> events = new ArrayList<>();
        for (String message : messages) {
            events.add(InputLogEvent.builder().timestamp(now).message(message).build());
        }
        logs.putLogEvents(r -> r.logGroupName(logGroup).logStreamName(stream).logEvents(events));
    }

    private static Map<String, JsonNode> emfByPipeline(List<String> lines) {
        Map<String, JsonNode> byPipeline = new HashMap<>();
        lines.stream()
                .filter(EmfLines::isEmf)
                .map(EmfLines::assertValid)
                .forEach(node -> byPipeline.put(
                        node.path(CustomMetric.PIPELINE_DIMENSION).asText(), node));
        return byPipeline;
    }

    @Test
    void handlerPublishesMeasuredGlueMetricsAndACollectionErrorForAMissingJob() {
        String jobName = unique("it-orders");
        String logGroup = unique("/aws-glue/jobs/output-it");
        createJob(jobName);
        String firstRun = glue.startJobRun(r -> r.jobName(jobName)).jobRunId();
        String secondRun = glue.startJobRun(r -> r.jobName(jobName)).jobRunId();
        logs.createLogGroup(r -> r.logGroupName(logGroup));
        writeLog(
                logGroup, firstRun + "-driver", "Reading input", "Job completed successfully. Processed 1500 records.");
        writeLog(logGroup, secondRun, "Job completed successfully. Processed 250 records.");
        writeLog(logGroup, "jr_someotherrun-driver", "Job completed successfully. Processed 99999 records.");

        MetricsConfig config = MetricsConfig.parse("""
                {"namespace":"DataPipelineMetrics","lookbackMinutes":1440,"intervalMinutes":5,"pipelines":[
                  {"name":"orders","jobName":"%s","source":"glue","outputLogGroup":"%s","dataQualityRuleset":null},
                  {"name":"missing","jobName":"%s","source":"glue"},
                  {"name":"demo","source":"simulate"}]}""".formatted(jobName, logGroup, unique("it-no-such-job")));
        List<String> stdout = new ArrayList<>();
        PipelineMetricsHandler handler =
                new PipelineMetricsHandler(config, clients, Clock.systemUTC(), new SplittableRandom(11), stdout::add);

        Map<String, Object> summary = handler.handleRequest(Map.of("detail-type", "Scheduled Event"), null);

        Map<String, JsonNode> emf = emfByPipeline(stdout);
        assertThat(emf).containsOnlyKeys("orders", "missing", "demo");
        assertThat(EmfLines.metricValues(emf.get("missing"))).containsExactly(Map.entry("CollectionErrors", 1.0));
        assertThat(EmfLines.metricValues(emf.get("demo"))).containsEntry("CollectionErrors", 0.0);
        JsonNode orders = emf.get("orders");
        assertThat(orders.at("/_aws/CloudWatchMetrics/0/Namespace").asText()).isEqualTo("DataPipelineMetrics");
        assertThat(orders.at("/_aws/CloudWatchMetrics/0/Dimensions").toString()).isEqualTo("[[\"Pipeline\"]]");
        Map<String, String> units = new HashMap<>();
        orders.at("/_aws/CloudWatchMetrics/0/Metrics")
                .forEach(m -> units.put(m.path("Name").asText(), m.path("Unit").asText()));
        assertThat(units)
                .containsOnly(
                        Map.entry("ErrorRate", "Percent"),
                        Map.entry("ProcessingLatency", "Seconds"),
                        Map.entry("SecondsSinceLastSuccess", "Seconds"),
                        Map.entry("LongestRunningSeconds", "Seconds"),
                        Map.entry("RecordsProcessed", "Count"),
                        Map.entry("CollectionErrors", "Count"));
        assertThat(orders.path("CollectionErrors").asDouble()).isZero();
        assertThat(orders.path("ErrorRate").asDouble()).isZero();
        assertThat(orders.path("ProcessingLatency").asDouble()).isEqualTo(123.0);
        assertThat(orders.path("LongestRunningSeconds").asDouble()).isZero();
        assertThat(orders.path("SecondsSinceLastSuccess").asDouble()).isBetween(0.0, 120.0);
        assertThat(orders.path("RecordsProcessed").asLong()).isEqualTo(1750);
        assertThat(orders.has("DataQualityScore")).isFalse();
        assertThat(emf.get("demo").path("Simulated").asBoolean()).isTrue();

        @SuppressWarnings("unchecked")
        Map<String, Object> pipelines = (Map<String, Object>) summary.get("pipelines");
        assertThat(pipelines).containsOnlyKeys("orders", "missing", "demo");
        assertThat(pipelines.get("missing").toString()).contains("EntityNotFoundException");
        assertThat(summary).containsEntry("failed", 1L);
        assertThat(stdout)
                .filteredOn(line -> line.contains("\"event\":\"pipeline-metrics\""))
                .hasSize(3);
    }

    @Test
    void dataQualityScoreIsSkippedNotInventedWhenNoResultCanBeRead() {
        String jobName = unique("it-dq");
        createJob(jobName);
        glue.startJobRun(r -> r.jobName(jobName));
        MetricsConfig config = MetricsConfig.parse("""
                {"lookbackMinutes":1440,"intervalMinutes":5,
                 "pipelines":[{"name":"dq","jobName":"%s","source":"glue","dataQualityRuleset":"dq-rules"}]}""".formatted(jobName));
        List<String> stdout = new ArrayList<>();

        new PipelineMetricsHandler(config, clients, Clock.systemUTC(), new SplittableRandom(1), stdout::add)
                .handleRequest(Map.of(), null);

        JsonNode line = emfByPipeline(stdout).get("dq");
        assertThat(line.has("DataQualityScore")).isFalse();
        assertThat(line.path("ErrorRate").asDouble()).isZero();
        assertThat(stdout).anySatisfy(l -> assertThat(l).contains("\"skipped\"").contains("DataQualityScore"));
    }

    @Test
    void jobRunSourceReadsEveryPageNewestFirst() {
        String jobName = unique("it-paging");
        createJob(jobName);
        List<String> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(glue.startJobRun(r -> r.jobName(jobName)).jobRunId());
        }

        List<JobRun> runs =
                new GlueJobRunSource(glue, 2).recentRuns(jobName, Instant.now().minusSeconds(3600));

        assertThat(runs).extracting(JobRun::id).containsExactlyInAnyOrderElementsOf(started);
        assertThat(runs).extracting(JobRun::startedOn).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(runs).allSatisfy(run -> assertThat(run.state()).isEqualTo("SUCCEEDED"));
    }

    @Test
    void aBudgetedPipelinesMonthIsReadFromTheEmulatorsRunHistoryAndProjected() {
        String jobName = unique("it-budget");
        createJob(jobName);
        glue.startJobRun(r -> r.jobName(jobName).maxCapacity(10.0));
        glue.startJobRun(r -> r.jobName(jobName).maxCapacity(10.0));
        MetricsConfig config = MetricsConfig.parse("""
                {"lookbackMinutes":1440,"intervalMinutes":1,
                 "pipelines":[{"name":"budget","jobName":"%s","source":"glue","pricePerDpuHour":0.44,
                               "monthlyBudgetUsd":100,"runCostMetrics":false}]}""".formatted(jobName));
        List<String> stdout = new ArrayList<>();
        Clock clock = Clock.systemUTC();

        new PipelineMetricsHandler(config, clients, clock, new SplittableRandom(1), stdout::add)
                .handleRequest(Map.of(), null);

        JsonNode line = emfByPipeline(stdout).get("budget");
        // The month's runs as GetJobRuns gives them (the emulator's runs started now), priced by the same rules.
        List<JobRun> month = new GlueJobRunSource(glue).recentRuns(jobName, MonthlyCost.monthStart(Instant.now()));
        double expected =
                MonthlyCost.projectedUsd(MonthlyCost.monthToDateDpuHours(month, Instant.now()) * 0.44, Instant.now());
        assertThat(line.has("ProjectedMonthlyCostUsd")).isTrue();
        assertThat(line.path("ProjectedMonthlyCostUsd").asDouble()).isCloseTo(expected, within(1e-6));
        assertThat(line.has("DpuHours")).isFalse();
        assertThat(line.has("RunCostUsd")).isFalse();
    }

    @Test
    void invocationFailsWhenEveryPipelineFailsAndPublishesNoCollectionErrors() {
        MetricsConfig config = MetricsConfig.parse("""
                {"lookbackMinutes":1440,"intervalMinutes":5,"pipelines":[{"name":"gone","jobName":"%s","source":"glue"}]}""".formatted(unique("it-absent")));
        List<String> stdout = new ArrayList<>();
        PipelineMetricsHandler handler =
                new PipelineMetricsHandler(config, clients, Clock.systemUTC(), new SplittableRandom(1), stdout::add);

        assertThatThrownBy(() -> handler.handleRequest(Map.of(), null))
                .isInstanceOf(AllPipelinesFailedException.class)
                .hasMessageContaining("gone");
        assertThat(stdout).filteredOn(EmfLines::isEmf).isEmpty();
        assertThat(stdout)
                .anySatisfy(l -> assertThat(l).contains("\"level\":\"ERROR\"").contains("gone"));
    }
}
