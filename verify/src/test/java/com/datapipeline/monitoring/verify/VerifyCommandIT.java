package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.contract.DrillMarker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * {@code make verify} against the local emulator: the test creates in moto what the stack would have (through the
 * same SDK clients, CloudWatch over RPC v2 CBOR via tools/cbor_gateway.py), then runs the command.
 * Moto gaps covered here: query definitions (recorded answers, see {@link EmulatorClients}) and alarm actions
 * (moto never publishes to SNS nor runs Lambda; {@link SimulatedResponseFunction} plays that part).
 */
class VerifyCommandIT {
    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final String EMAIL = "oncall@example.com";
    private static final Duration POLL = Duration.ofMillis(200);

    enum Breakage {
        MISSING_ERROR_RATE_ALARM,
        LAB_DURATION_THRESHOLD,
        NO_LAMBDA_SUBSCRIPTION,
        NO_METRICS,
        NOISY_CHILD
    }

    @BeforeAll
    static void emulatorIsThere() {
        EmulatorClients.endpoint();
    }

    @Test
    void healthyDeploymentPassesEveryCheckAndTheDrill() throws Exception {
        String prefix = uniquePrefix("ok");
        HealthyRun healthy = verifyHealthyDeployment(prefix, context(prefix));
        ExpectedStack expected = healthy.expected();
        Run run = healthy.run();
        // The pages (composites) and the health signals are not drilled; every pipeline signal is.
        assertThat(run.lines())
                .contains("SKIP  drill " + alarm(prefix, AlarmKind.PIPELINE_UNHEALTHY.baseName()) + ": "
                        + AlarmDrill.skipReason(expected.alarm(alarm(prefix, AlarmKind.PIPELINE_UNHEALTHY.baseName()))
                                        .orElseThrow())
                                .orElseThrow());
        assertThat(run.out())
                .containsPattern("PASS  drill " + alarm(prefix, AlarmKind.DATA_QUALITY.baseName())
                        + ": AlarmResponseFunction logged outcome drill");
        assertThat(run.lines())
                .contains(
                        "PASS  subscription email " + EMAIL + " on " + prefix + "data-pipeline-alerts: confirmed",
                        "PASS  subscription email " + EMAIL + " on " + prefix
                                + "data-pipeline-monitoring-health: confirmed",
                        "PASS  saved query " + expected.savedQueries().getFirst() + ": exists");
        assertThat(run.out())
                .contains("PASS  alarm " + alarm(prefix, AlarmKind.DURATION.baseName())
                        + ": DataPipelineMetrics LongestRunningSeconds > 300, notifies " + prefix
                        + "data-pipeline-remediation")
                .contains("PASS  alarm " + alarm(prefix, AlarmKind.PIPELINE_UNHEALTHY.baseName()) + ": composite of "
                        + String.join(
                                ", ",
                                java.util.stream.Stream.of(
                                                AlarmKind.DURATION.baseName(),
                                                AlarmKind.FAILED_TASKS.baseName(),
                                                AlarmKind.MEMORY.baseName(),
                                                AlarmKind.DATA_QUALITY.baseName(),
                                                AlarmKind.ERROR_RATE.baseName(),
                                                AlarmKind.LATENCY.baseName(),
                                                AlarmKind.COLLECTION_FAILED.baseName(),
                                                AlarmKind.RUN_FAILED.baseName(),
                                                AlarmKind.STUCK_RUN.baseName())
                                        .map(kind -> alarm(prefix, kind))
                                        .toList())
                        + ", notifies " + prefix + "data-pipeline-alerts")
                .contains("PASS  subscription lambda " + prefix + "AlarmResponseFunction on " + prefix
                        + "data-pipeline-remediation")
                .contains("PASS  schedule " + prefix + "DataPipelineMetricsSchedule: rate(1 minute)")
                .contains("PASS  metrics " + job(prefix)
                        + ": DataQualityScore, ErrorRate, ProcessingLatency, RecordsProcessed");
    }

    /**
     * Anomaly detection beside the static alarms, the metric-math throughput alarm, pages per severity, health
     * signals and severity topics: each alarm kind is compared, each topic's subscriptions checked, and the drill
     * covers every alarm that notifies (the metric-math ones included) and skips the rest with the reason.
     */
    @Test
    void everyAlarmKindPagesPerSeverityAndSeverityTopics() throws Exception {
        String prefix = uniquePrefix("kinds");
        Run run = verifyHealthyDeployment(prefix, richContext(prefix)).run();
        String critical = prefix + "data-pipeline-alerts-critical";
        String warning = prefix + "data-pipeline-alerts-warning";
        String remediation = prefix + "data-pipeline-remediation";
        assertThat(run.out())
                .contains("PASS  alarm " + alarm(prefix, "DataQualityAlarmAnomaly")
                        + ": DataPipelineMetrics DataQualityScore below" + " ANOMALY_DETECTION_BAND(m0, 2), notifies "
                        + remediation)
                .contains("PASS  alarm " + alarm(prefix, "ProcessingLatencyAlarmAnomaly")
                        + ": DataPipelineMetrics ProcessingLatency above"
                        + " ANOMALY_DETECTION_BAND(m0, 2), notifies ")
                .contains("PASS  alarm " + alarm(prefix, AlarmKind.LOW_THROUGHPUT.baseName())
                        + ": records / PERIOD(records) < 5 over" + " DataPipelineMetrics RecordsProcessed, notifies ")
                .contains("PASS  alarm " + alarm(prefix, AlarmKind.DATA_QUALITY.baseName())
                        + ": DataPipelineMetrics DataQualityScore < 90," + " notifies " + remediation)
                .contains("PASS  alarm " + alarm(prefix, AlarmKind.PIPELINE_DEGRADED.baseName()) + ": composite of ")
                .contains("PASS  topic " + critical + ": ", "PASS  topic " + warning + ": ")
                .contains("PASS  subscription lambda " + prefix + "AlarmResponseFunction on " + remediation)
                .doesNotContain("subscription lambda " + prefix + "AlarmResponseFunction on " + critical)
                .contains("PASS  subscription email " + EMAIL + " on " + critical + ": confirmed")
                .contains("PASS  subscription email " + EMAIL + " on " + warning + ": confirmed")
                .contains("PASS  subscription email pager@example.com on " + critical + ": confirmed")
                .doesNotContain("pager@example.com on " + warning);
        assertThat(run.out())
                .containsPattern("PASS  drill " + alarm(prefix, AlarmKind.LOW_THROUGHPUT.baseName())
                        + ": AlarmResponseFunction logged outcome drill")
                .containsPattern("PASS  drill " + alarm(prefix, "ProcessingLatencyAlarmAnomaly")
                        + ": AlarmResponseFunction logged outcome drill")
                .containsPattern("PASS  drill " + alarm(prefix, AlarmKind.DATA_QUALITY.baseName())
                        + ": AlarmResponseFunction logged outcome drill")
                .contains("SKIP  drill " + alarm(prefix, AlarmKind.PIPELINE_UNHEALTHY.baseName()) + ": composite alarm")
                .contains("SKIP  drill " + prefix + AlarmKind.DEAD_LETTERS.baseName() + ": no actions of its own");
    }

    @Test
    void aSignalThatPagesPeopleDirectlyFails() throws Exception {
        String prefix = uniquePrefix("noisy");
        List<String> context = richContext(prefix);
        ExpectedStack expected = expected(context);
        var composites = new RecordedCompositeAlarms.Store();
        try (AwsClients aws = EmulatorClients.withRecordedAnswers(expected.savedQueries(), composites)) {
            deploy(aws, expected, Set.of(Breakage.NOISY_CHILD));

            Run run = run(composites, expected, args(context, "--no-drill"));

            String child = alarm(prefix, AlarmKind.DATA_QUALITY.baseName());
            String topicArn = aws.sns().listTopics().topics().stream()
                    .map(t -> t.topicArn())
                    .filter(arn -> arn.endsWith(":" + expected.topicNames().getFirst()))
                    .findFirst()
                    .orElseThrow();
            assertThat(run.exitCode()).as(run.out()).isEqualTo(VerifyCommand.CHECK_FAILED);
            assertThat(run.lines().stream().filter(l -> l.startsWith("FAIL")).toList())
                    .singleElement()
                    .asString()
                    .startsWith("FAIL  alarm " + child + ": alarm actions are [" + topicArn + "]");
        }
    }

    private record HealthyRun(ExpectedStack expected, Run run) {}

    /**
     * Creates the whole stack in the emulator as {@code context} would deploy it, with a simulated response function
     * answering the drill, runs {@code make verify} with the drill, and checks every result passed.
     */
    private static HealthyRun verifyHealthyDeployment(String prefix, List<String> context) throws Exception {
        ExpectedStack expected = expected(context);
        var composites = new RecordedCompositeAlarms.Store();
        try (AwsClients aws = EmulatorClients.withRecordedAnswers(expected.savedQueries(), composites)) {
            deploy(aws, expected, Set.of());
            try (var function = new SimulatedResponseFunction(
                    aws.cloudWatch(),
                    EmulatorClients.build(CloudWatchLogsClient.builder()),
                    prefix,
                    expected.responseLogGroup())) {
                Run run = run(composites, expected, args(context, "--timeout", "60"));
                assertHealthy(run, expected, composites);
                return new HealthyRun(expected, run);
            }
        }
    }

    /** Every check passes; the only other lines are the drills skipped for the reason {@link AlarmDrill#skipReason} gives. */
    private static void assertHealthy(Run run, ExpectedStack expected, RecordedCompositeAlarms.Store composites) {
        List<String> skipped = new ArrayList<>();
        List<String> drilled = new ArrayList<>();
        for (ExpectedAlarm alarm : expected.alarms()) {
            AlarmDrill.skipReason(alarm)
                    .ifPresentOrElse(
                            reason -> skipped.add("SKIP  drill " + alarm.name() + ": " + reason),
                            () -> drilled.add(alarm.name()));
        }
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.lines().stream().filter(l -> !l.startsWith("PASS")).toList())
                .as(run.out())
                .containsExactlyElementsOf(skipped);
        for (String alarm : drilled) {
            assertThat(run.out())
                    .containsPattern(
                            "PASS  drill " + alarm + ": AlarmResponseFunction logged outcome drill after \\d+\\.\\d s");
        }
        for (String alarm : expected.alarmNames()) {
            assertThat(run.out()).contains("PASS  alarm " + alarm + ": ");
        }
        assertThat(composites.stateChanges).as("no composite is drilled").isEmpty();
        assertThat(run.err()).contains("drill: " + drilled.size() + " of " + drilled.size());
        assertThat(run.out())
                .contains("verify OK: " + (run.lines().size() - skipped.size()) + " passed, 0 failed, " + skipped.size()
                        + " skipped");
    }

    @Test
    void jsonReportForCi() throws Exception {
        String prefix = uniquePrefix("js");
        List<String> context = context(prefix);
        ExpectedStack expected = expected(context);
        var composites = new RecordedCompositeAlarms.Store();
        try (AwsClients aws = EmulatorClients.withRecordedAnswers(expected.savedQueries(), composites)) {
            deploy(aws, expected, Set.of(Breakage.NO_LAMBDA_SUBSCRIPTION));

            Run run = run(composites, expected, args(context, "--json", "--no-drill"));

            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(run.exitCode()).isEqualTo(VerifyCommand.CHECK_FAILED);
            assertThat(json.get("ok").asBoolean()).isFalse();
            assertThat(json.get("failed").asInt()).isEqualTo(1);
            assertThat(json.get("skipped").asInt()).isEqualTo(1);
            List<String> failed = new ArrayList<>();
            json.get("checks").forEach(c -> {
                if ("FAIL".equals(c.get("status").asText())) {
                    failed.add(c.get("check").asText());
                }
            });
            assertThat(failed)
                    .containsExactly("subscription lambda " + prefix + "AlarmResponseFunction on " + prefix
                            + "data-pipeline-remediation");
        }
    }

    @Test
    void brokenDeploymentReportsEachProblemAndTheDrillTimesOut() throws Exception {
        String prefix = uniquePrefix("bad");
        List<String> context = context(prefix);
        ExpectedStack expected = expected(context);
        var composites = new RecordedCompositeAlarms.Store();
        try (AwsClients aws = EmulatorClients.withRecordedAnswers(expected.savedQueries(), composites)) {
            deploy(aws, expected, EnumSet.complementOf(EnumSet.of(Breakage.NOISY_CHILD)));
            String drilled = alarm(prefix, AlarmKind.FAILED_TASKS.baseName());

            Run run = run(composites, expected, args(context, "--alarm", drilled, "--timeout", "2"));

            assertThat(run.exitCode()).isEqualTo(VerifyCommand.CHECK_FAILED);
            assertThat(run.out())
                    .contains("FAIL  alarm " + alarm(prefix, AlarmKind.ERROR_RATE.baseName())
                            + ": not found (expected DataPipelineMetrics ErrorRate > 2)")
                    .contains("FAIL  alarm " + alarm(prefix, AlarmKind.DURATION.baseName())
                            + ": threshold is 300000, expected 300")
                    .contains("FAIL  subscription lambda " + prefix + "AlarmResponseFunction on " + prefix
                            + "data-pipeline-remediation: the topic has no lambda subscription")
                    .contains(
                            "FAIL  metrics " + job(prefix)
                                    + ": no datum in the last 15 min for DataQualityScore, ErrorRate, ProcessingLatency, RecordsProcessed")
                    .contains("FAIL  drill " + drilled + ": no decision in /aws/lambda/" + prefix
                            + "AlarmResponseFunction within 2 s")
                    .contains("PASS  alarm " + alarm(prefix, AlarmKind.MEMORY.baseName()))
                    .contains("verify FAILED");
            assertThat(run.out()).doesNotContain("drill " + alarm(prefix, AlarmKind.DURATION.baseName()));
            assertThat(aws.cloudWatch()
                            .describeAlarms(r -> r.alarmNames(drilled))
                            .metricAlarms()
                            .getFirst()
                            .stateReason())
                    .startsWith(DrillMarker.TEXT);
        }
    }

    private static void deploy(AwsClients aws, ExpectedStack expected, Set<Breakage> broken) {
        Map<String, String> topicArns = new LinkedHashMap<>();
        for (ExpectedStack.Topic topic : expected.topics()) {
            String topicArn = aws.sns().createTopic(r -> r.name(topic.name())).topicArn();
            topicArns.put(topic.name(), topicArn);
            topic.emails()
                    .forEach(email -> aws.sns()
                            .subscribe(
                                    r -> r.topicArn(topicArn).protocol("email").endpoint(email)));
            if (topic.responseFunctionSubscribed() && !broken.contains(Breakage.NO_LAMBDA_SUBSCRIPTION)) {
                aws.sns()
                        .subscribe(r -> r.topicArn(topicArn)
                                .protocol("lambda")
                                .endpoint(functionArn(expected.responseFunctionName())));
            }
        }
        for (ExpectedAlarm alarm : expected.alarms()) {
            if (broken.contains(Breakage.MISSING_ERROR_RATE_ALARM)
                    && alarm.name().equals(alarm(expected, AlarmKind.ERROR_RATE.baseName()))) {
                continue;
            }
            List<String> actions = alarm.actionTopic()
                    .map(topic -> List.of(topicArns.get(topic)))
                    .orElse(List.of());
            if (broken.contains(Breakage.NOISY_CHILD)
                    && alarm.name().equals(alarm(expected, AlarmKind.DATA_QUALITY.baseName()))) {
                actions = List.of(topicArns.values().iterator().next());
            }
            List<String> topics = actions;
            switch (alarm) {
                case ExpectedAlarm.Metric metric -> {
                    double threshold = broken.contains(Breakage.LAB_DURATION_THRESHOLD)
                                    && alarm.name().equals(alarm(expected, AlarmKind.DURATION.baseName()))
                            ? 300_000
                            : metric.threshold();
                    aws.cloudWatch()
                            .putMetricAlarm(r -> r.alarmName(metric.name())
                                    .namespace(metric.namespace())
                                    .metricName(metric.metricName())
                                    .statistic(metric.statistic())
                                    .dimensions(dimensions(metric.dimensions()))
                                    .period(metric.period())
                                    .evaluationPeriods(metric.evaluationPeriods())
                                    .datapointsToAlarm(1)
                                    .threshold(threshold)
                                    .comparisonOperator(metric.comparisonOperator())
                                    .treatMissingData(metric.treatMissingData())
                                    .alarmActions(topics)
                                    .okActions(topics));
                }
                case ExpectedAlarm.MetricMath math ->
                    aws.cloudWatch()
                            .putMetricAlarm(r -> r.alarmName(math.name())
                                    .metrics(math.queries().stream()
                                            .map(q -> MetricDataQuery.builder()
                                                    .id(q.id())
                                                    .expression(q.expression().orElse(null))
                                                    .returnData(q.returnData())
                                                    .metricStat(q.metricStat()
                                                            .map(stat -> MetricStat.builder()
                                                                    .stat(stat.stat())
                                                                    .period(stat.period())
                                                                    .metric(m -> m.namespace(stat.namespace())
                                                                            .metricName(stat.metricName())
                                                                            .dimensions(dimensions(stat.dimensions())))
                                                                    .build())
                                                            .orElse(null))
                                                    .build())
                                            .toList())
                                    .thresholdMetricId(math.thresholdMetricId().orElse(null))
                                    .threshold(
                                            math.threshold().isPresent()
                                                    ? math.threshold().getAsDouble()
                                                    : null)
                                    .evaluationPeriods(math.evaluationPeriods())
                                    .datapointsToAlarm(1)
                                    .comparisonOperator(math.comparisonOperator())
                                    .treatMissingData(math.treatMissingData())
                                    .alarmActions(topics)
                                    .okActions(topics));
                case ExpectedAlarm.Composite composite -> {
                    // As CloudFormation deploys it: the rule names each child by its ARN.
                    String rule = composite.rule();
                    for (String child : composite.children()) {
                        rule = rule.replace("\"" + child + "\"", "\"" + alarmArn(child) + "\"");
                    }
                    String deployedRule = rule;
                    aws.cloudWatch()
                            .putCompositeAlarm(r -> r.alarmName(composite.name())
                                    .alarmRule(deployedRule)
                                    .alarmDescription("Pipeline is unhealthy")
                                    .alarmActions(topics)
                                    .okActions(topics));
                }
            }
        }
        aws.eventBridge()
                .putRule(r -> r.name(expected.scheduleRuleName()).scheduleExpression(expected.scheduleExpression()));
        aws.eventBridge()
                .putTargets(r -> r.rule(expected.scheduleRuleName())
                        .targets(t -> t.id("Target0").arn(functionArn(expected.metricsFunctionName()))));
        try (var logs = EmulatorClients.build(CloudWatchLogsClient.builder())) {
            logs.createLogGroup(r -> r.logGroupName(expected.responseLogGroup()));
            logs.createLogGroup(r -> r.logGroupName(expected.metricsLogGroup()));
        }
        if (!broken.contains(Breakage.NO_METRICS)) {
            for (String pipeline : expected.pipelines()) {
                aws.cloudWatch()
                        .putMetricData(r -> r.namespace(expected.metricsNamespace())
                                .metricData(expected.customMetrics().stream()
                                        .map(metric -> MetricDatum.builder()
                                                .metricName(metric)
                                                .dimensions(Dimension.builder()
                                                        .name(expected.pipelineDimension())
                                                        .value(pipeline)
                                                        .build())
                                                .value(42.0)
                                                .timestamp(Instant.now().minusSeconds(120))
                                                .build())
                                        .toList()));
            }
        }
    }

    private static List<Dimension> dimensions(Map<String, String> dimensions) {
        return dimensions.entrySet().stream()
                .map(d -> Dimension.builder()
                        .name(d.getKey())
                        .value(ExpectedAlarm.DEPLOY_TIME.equals(d.getValue()) ? "deployed-name-1A2B3C" : d.getValue())
                        .build())
                .toList();
    }

    private static String alarmArn(String name) {
        return "arn:aws:cloudwatch:" + EmulatorClients.REGION.id() + ":" + EmulatorClients.ACCOUNT + ":alarm:" + name;
    }

    private static String functionArn(String name) {
        return "arn:aws:lambda:" + EmulatorClients.REGION.id() + ":" + EmulatorClients.ACCOUNT + ":function:" + name;
    }

    /** One deployment per test: a random prefix keeps them apart in the shared emulator. */
    private static String uniquePrefix(String test) {
        return "it" + test + ThreadLocalRandom.current().nextInt(100_000, 999_999) + "-";
    }

    /** Its own job too: the custom metrics' only dimension is the job name, shared by every deployment. */
    private static List<String> context(String prefix) {
        return List.of(
                "-c",
                "prefix=" + prefix,
                "-c",
                "alertEmail=" + EMAIL,
                "-c",
                "metricsSource=simulate",
                "-c",
                "monitoredJobs=" + job(prefix));
    }

    /** Every alarm kind: anomaly detection beside the static alarms, metric math, health signals, severity topics. */
    private static List<String> richContext(String prefix) {
        List<String> context = new ArrayList<>(context(prefix));
        context.addAll(List.of(
                "-c",
                "anomalyDetection=beside",
                "-c",
                "minThroughputRecordsPerSecond=5",
                "-c",
                "severityTopics=true",
                "-c",
                "criticalEmail=pager@example.com"));
        return context;
    }

    private static String job(String prefix) {
        return prefix + "job";
    }

    /** A per-pipeline alarm's name: prefix, lab name, and the job as suffix (it is not the sample job). */
    private static String alarm(String prefix, String labName) {
        return prefix + labName + "-" + job(prefix);
    }

    private static String[] args(List<String> context, String... more) {
        List<String> args = new ArrayList<>(context);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static ExpectedStack expected(List<String> context) throws Exception {
        return StackExpectations.synthesize(
                VerifyCommand.context(ROOT, VerifyOptions.parse(context.toArray(String[]::new))), ROOT);
    }

    record Run(int exitCode, String out, String err) {
        List<String> lines() {
            return out.lines()
                    .filter(l -> l.startsWith("PASS") || l.startsWith("FAIL") || l.startsWith("SKIP"))
                    .toList();
        }
    }

    private static Run run(RecordedCompositeAlarms.Store composites, ExpectedStack expected, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(
                args,
                ROOT,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                // The command closes the clients it is given, so each run gets its own.
                () -> EmulatorClients.withRecordedAnswers(expected.savedQueries(), composites),
                new Verifier.Settings(Clock.systemUTC(), Sleeper.REAL, POLL));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String alarm(ExpectedStack expected, String labName) {
        return expected.stackName().replace(com.datapipeline.monitoring.cdk.MonitoringApp.STACK_NAME, "") + labName
                + "-" + expected.pipelines().getFirst();
    }
}
