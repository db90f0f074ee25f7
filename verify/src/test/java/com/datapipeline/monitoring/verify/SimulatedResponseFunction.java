package com.datapipeline.monitoring.verify;

import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.response.AlarmResponder;
import com.datapipeline.monitoring.response.Delivery;
import com.datapipeline.monitoring.response.Incident;
import com.datapipeline.monitoring.response.IncidentLedger;
import com.datapipeline.monitoring.response.JobRemediator;
import com.datapipeline.monitoring.response.JsonLineDecisionLog;
import com.datapipeline.monitoring.response.ResponseConfig;
import com.datapipeline.monitoring.response.SourceTopics;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * Stands in for SNS → Lambda, which moto does not run: when an alarm of the stack enters ALARM, it hands the
 * alarm message AWS would publish to the real {@link AlarmResponder} and writes the decision line it logs to the
 * function's log group, as Lambda would.
 */
final class SimulatedResponseFunction implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter ALARM_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final CloudWatchClient cloudWatch;
    private final CloudWatchLogsClient logs;
    private final String alarmPrefix;
    private final String logGroup;
    private final AlarmResponder responder;
    private final String topicArn;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final Set<String> handled = new HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    SimulatedResponseFunction(
            CloudWatchClient cloudWatch, CloudWatchLogsClient logs, String alarmPrefix, String logGroup) {
        this.cloudWatch = cloudWatch;
        this.logs = logs;
        this.alarmPrefix = alarmPrefix;
        this.logGroup = logGroup;
        ResponseConfig config = ResponseConfig.parse(
                "{\"remediationEnabled\":true,\"restartBudget\":{\"maxRestarts\":2,\"windowMinutes\":60},\"routes\":{}}");
        this.topicArn = "arn:aws:sns:" + EmulatorClients.REGION.id() + ":" + EmulatorClients.ACCOUNT + ":" + alarmPrefix
                + ResourceNames.REMEDIATION_TOPIC;
        this.responder = new AlarmResponder(
                config,
                SourceTopics.parse(topicArn),
                new JobRemediator(EmulatorClients.glue(), new DrillsOnly(), Clock.systemUTC(), config.restartBudget()),
                new JsonLineDecisionLog(new PrintStream(stdout, true, StandardCharsets.UTF_8)));
        logs.createLogStream(r -> r.logGroupName(logGroup).logStreamName("simulated"));
        thread = new Thread(this::loop, "simulated-response-function");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            for (MetricAlarm alarm : cloudWatch
                    .describeAlarms(r -> r.alarmNamePrefix(alarmPrefix))
                    .metricAlarms()) {
                if ("ALARM".equals(alarm.stateValueAsString())
                        && handled.add(alarm.alarmName() + alarm.stateUpdatedTimestamp())) {
                    respond(alarm);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void respond(MetricAlarm alarm) {
        stdout.reset();
        responder.respond(new Delivery(topicArn, UUID.randomUUID().toString(), message(alarm)));
        String line = stdout.toString(StandardCharsets.UTF_8).trim();
        logs.putLogEvents(r -> r.logGroupName(logGroup)
                .logStreamName("simulated")
                .logEvents(InputLogEvent.builder()
                        .timestamp(Instant.now().toEpochMilli())
                        .message(line)
                        .build()));
    }

    /**
     * The notification CloudWatch publishes to SNS: for a single-metric alarm the Trigger names the metric; for a
     * metric-math or anomaly-detection alarm it lists the metric queries instead (and ThresholdMetricId for a band).
     */
    private static String message(MetricAlarm alarm) {
        Map<String, Object> trigger = new LinkedHashMap<>();
        if (alarm.metrics().isEmpty()) {
            trigger.put("MetricName", alarm.metricName());
            trigger.put("Namespace", alarm.namespace());
            trigger.put("StatisticType", "Statistic");
            trigger.put("Statistic", String.valueOf(alarm.statisticAsString()).toUpperCase(java.util.Locale.ROOT));
            trigger.put("Unit", null);
            trigger.put(
                    "Dimensions",
                    alarm.dimensions().stream()
                            .map(d -> Map.of("value", d.value(), "name", d.name()))
                            .toList());
            trigger.put("Period", alarm.period());
        } else {
            trigger.put(
                    "Period",
                    alarm.metrics().stream()
                            .filter(q -> q.metricStat() != null)
                            .map(q -> q.metricStat().period())
                            .findFirst()
                            .orElse(null));
            trigger.put(
                    "Metrics",
                    alarm.metrics().stream()
                            .map(SimulatedResponseFunction::query)
                            .toList());
            if (alarm.thresholdMetricId() != null) {
                trigger.put("ThresholdMetricId", alarm.thresholdMetricId());
            }
        }
        trigger.put("EvaluationPeriods", alarm.evaluationPeriods());
        trigger.put("ComparisonOperator", alarm.comparisonOperatorAsString());
        if (alarm.threshold() != null) {
            trigger.put("Threshold", alarm.threshold());
        }
        trigger.put("TreatMissingData", alarm.treatMissingData());
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("AlarmName", alarm.alarmName());
        message.put("AlarmDescription", alarm.alarmDescription());
        message.put("AWSAccountId", EmulatorClients.ACCOUNT);
        message.put("NewStateValue", "ALARM");
        message.put("NewStateReason", alarm.stateReason());
        message.put("StateChangeTime", ALARM_TIME.format(alarm.stateUpdatedTimestamp()));
        message.put("Region", "US East (N. Virginia)");
        message.put("AlarmArn", alarm.alarmArn());
        message.put("OldStateValue", "OK");
        message.put("Trigger", trigger);
        try {
            return JSON.writeValueAsString(message);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> query(software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery q) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("Id", q.id());
        if (q.expression() != null) {
            query.put("Expression", q.expression());
        }
        if (q.label() != null) {
            query.put("Label", q.label());
        }
        if (q.metricStat() != null) {
            var metric = q.metricStat().metric();
            query.put(
                    "MetricStat",
                    Map.of(
                            "Metric",
                            Map.of(
                                    "Dimensions",
                                    metric.dimensions().stream()
                                            .map(d -> Map.of("value", d.value(), "name", d.name()))
                                            .toList(),
                                    "MetricName",
                                    metric.metricName(),
                                    "Namespace",
                                    metric.namespace()),
                            "Period",
                            q.metricStat().period(),
                            "Stat",
                            q.metricStat().stat()));
        }
        query.put("ReturnData", q.returnData() == null || q.returnData());
        return query;
    }

    List<String> handledAlarms() {
        return List.copyOf(handled);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }

    /** The drill never reaches remediation, so a ledger that is used at all is a broken test. */
    private static final class DrillsOnly implements IncidentLedger {
        @Override
        public boolean claimIncident(Incident incident, Instant expiresAt) {
            throw new IllegalStateException("the simulated function only answers drills");
        }

        @Override
        public void releaseIncident(Incident incident) {
            throw new IllegalStateException("the simulated function only answers drills");
        }

        @Override
        public OptionalInt claimBudgetSlot(String job, int slots, Incident incident, Instant now, Instant expiresAt) {
            throw new IllegalStateException("the simulated function only answers drills");
        }

        @Override
        public void releaseBudgetSlot(String job, int slot, Incident incident) {
            throw new IllegalStateException("the simulated function only answers drills");
        }

        @Override
        public boolean claimPause(String job, Instant now, Instant expiresAt) {
            throw new IllegalStateException("the simulated function only answers drills");
        }

        @Override
        public void recordPause(String job, List<String> triggers, Instant expiresAt) {
            throw new IllegalStateException("the simulated function only answers drills");
        }

        @Override
        public List<String> releasePause(String job) {
            throw new IllegalStateException("the simulated function only answers drills");
        }
    }
}
