package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetJobRunsRequest;
import software.amazon.awssdk.services.glue.model.GetJobRunsResponse;
import software.amazon.awssdk.services.glue.model.GetTriggersRequest;
import software.amazon.awssdk.services.glue.model.GetTriggersResponse;
import software.amazon.awssdk.services.glue.model.JobRun;
import software.amazon.awssdk.services.glue.model.JobRunState;
import software.amazon.awssdk.services.glue.model.StartJobRunRequest;
import software.amazon.awssdk.services.glue.model.StartJobRunResponse;
import software.amazon.awssdk.services.glue.model.StartTriggerRequest;
import software.amazon.awssdk.services.glue.model.StartTriggerResponse;
import software.amazon.awssdk.services.glue.model.StopTriggerRequest;
import software.amazon.awssdk.services.glue.model.StopTriggerResponse;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * The real handler and decision logic against Glue and DynamoDB served by the local AWS API emulator (moto): the
 * runs the function starts, or does not start, are read back from the emulator's Glue.
 */
class AlarmResponseIT {

    private static final String KEY = JobRemediator.REMEDIATION_KEY_ARGUMENT;
    private static final String JOB_RUN_MODEL = "glue::job_run";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String endpoint;
    private static GlueClient emulatorGlue;
    private static DynamoDbClient dynamo;

    private final String job = "it-etl-" + UUID.randomUUID().toString().substring(0, 8);
    private final RecordingDecisionLog log = new RecordingDecisionLog();
    private final FailedRunsGlue glue = new FailedRunsGlue();
    private String table;

    @BeforeAll
    static void connectToEmulator() {
        endpoint = Emulator.endpoint();
        emulatorGlue = Emulator.clients(endpoint).build(GlueClient.builder());
        dynamo = Emulator.clients(endpoint).build(DynamoDbClient.builder());
    }

    @AfterAll
    static void closeClients() {
        if (emulatorGlue != null) {
            emulatorGlue.close();
            dynamo.close();
        }
    }

    @BeforeEach
    void createLedgerTable() {
        table = Emulator.createLedgerTable(dynamo);
    }

    @AfterEach
    void cleanUp() throws Exception {
        dynamo.deleteTable(request -> request.tableName(table));
        // Run states advance immediately (STARTING -> RUNNING -> SUCCEEDED on read) unless a test holds them.
        moto("unset-transition", "{\"model_name\":\"" + JOB_RUN_MODEL + "\"}");
    }

    /**
     * The emulator's Glue, except that the runs in {@link #failed} are reported FAILED with their error message:
     * moto's runs only ever go STARTING, RUNNING, SUCCEEDED, and carry no ErrorMessage.
     */
    private static final class FailedRunsGlue implements GlueClient {

        final Map<String, String> failed = new ConcurrentHashMap<>();

        @Override
        public GetJobRunsResponse getJobRuns(GetJobRunsRequest request) {
            GetJobRunsResponse response = emulatorGlue.getJobRuns(request);
            return response.toBuilder()
                    .jobRuns(response.jobRuns().stream()
                            .map(run -> failed.containsKey(run.id()) ? asFailed(run, failed.get(run.id())) : run)
                            .toList())
                    .build();
        }

        private static JobRun asFailed(JobRun run, String errorMessage) {
            return run.toBuilder()
                    .jobRunState(JobRunState.FAILED)
                    .errorMessage(errorMessage)
                    .build();
        }

        @Override
        public StartJobRunResponse startJobRun(StartJobRunRequest request) {
            return emulatorGlue.startJobRun(request);
        }

        @Override
        public GetTriggersResponse getTriggers(GetTriggersRequest request) {
            return emulatorGlue.getTriggers(request);
        }

        @Override
        public StopTriggerResponse stopTrigger(StopTriggerRequest request) {
            return emulatorGlue.stopTrigger(request);
        }

        @Override
        public StartTriggerResponse startTrigger(StartTriggerRequest request) {
            return emulatorGlue.startTrigger(request);
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    private static void moto(String operation, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(endpoint + "/moto-api/state-manager/" + operation))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("moto state manager %s: %s", operation, response.body())
                .isLessThan(300);
    }

    /** Keeps new runs in STARTING, as a real run is for its first minute. */
    private static void holdRunsInStarting() throws Exception {
        moto(
                "set-transition",
                "{\"model_name\":\"" + JOB_RUN_MODEL
                        + "\",\"transition\":{\"progression\":\"manual\",\"times\":1000000}}");
    }

    private void createJob(int maxConcurrentRuns) {
        emulatorGlue.createJob(request -> request.name(job)
                .role("arn:aws:iam::123456789012:role/GlueEtlRole")
                .glueVersion("5.0")
                .executionProperty(property -> property.maxConcurrentRuns(maxConcurrentRuns))
                .command(command -> command.name("glueetl").scriptLocation("s3://pipeline-scripts/etl.py")));
    }

    private void createJob() {
        createJob(1);
    }

    /** A run of the job (not started by the function) that failed transiently; returns its id. */
    private String failedRun() {
        return failedRun(FakeGlue.TRANSIENT_ERROR);
    }

    /** A run of the job (not started by the function) that failed with {@code errorMessage}; returns its id. */
    private String failedRun(String errorMessage) {
        String runId = emulatorGlue.startJobRun(request -> request.jobName(job)).jobRunId();
        glue.failed.put(runId, errorMessage);
        return runId;
    }

    private String config(boolean enabled, int maxRestarts) {
        return """
                {"remediationEnabled":%s,"restartBudget":{"maxRestarts":%d,"windowMinutes":60},
                 "routes":{"GlueJobFailureAlarm":{"action":"restart-job","jobName":"%s"},
                           "glue-job-state:%s":{"action":"restart-job","jobName":"%s"}}}
                """.formatted(enabled, maxRestarts, job, job, job);
    }

    private AlarmResponseHandler handler(String configJson, GlueClient glueClient, Clock clock) {
        return new AlarmResponseHandler(
                Corpus.responder(configJson, glueClient, new DynamoDbIncidentLedger(dynamo, table), clock, log));
    }

    private AlarmResponseHandler handler(String configJson, Clock clock) {
        return handler(configJson, glue, clock);
    }

    private AlarmResponseHandler handler() {
        return handler(config(true, 2), Clock.systemUTC());
    }

    private static String failureAlarmAt(String stateChangeTime) {
        return Corpus.message("metric-alarm.json", "2026-11-25T01:02:03.536+0000", stateChangeTime);
    }

    private static String failureAlarm() {
        return failureAlarmAt("2026-11-25T01:02:03.536+0000");
    }

    /** The Glue Job State Change event of run {@code runId} of the job. */
    private String glueFailureEvent(String runId) {
        return Corpus.message("glue-state-transformed.json", "sample-etl-job", job)
                .replace("jr_0a1b2c3d4e5f", runId);
    }

    private void deliver(AlarmResponseHandler handler, String message) {
        handler.handleRequest(Corpus.snsEventWith(Corpus.deliveryOf(message)), null);
    }

    /** Delivers every message at once, each from a thread (an invocation) of its own, as SNS may fan them out. */
    private void deliverConcurrently(List<String> messages) throws Exception {
        CountDownLatch ready = new CountDownLatch(messages.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(messages.size());
        try {
            List<Future<?>> deliveries = new ArrayList<>();
            for (String message : messages) {
                AlarmResponseHandler handler = handler();
                deliveries.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    deliver(handler, message);
                    return null;
                }));
            }
            ready.await();
            go.countDown();
            for (Future<?> delivery : deliveries) {
                delivery.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private List<JobRun> runs() {
        return emulatorGlue.getJobRuns(request -> request.jobName(job)).jobRuns();
    }

    /** The runs the function started: they carry the remediation key. */
    private List<JobRun> restarts() {
        return runs().stream()
                .filter(run -> run.hasArguments() && run.arguments().containsKey(KEY))
                .toList();
    }

    private List<Outcome> outcomes() {
        return log.decisions.stream().map(Decision::outcome).toList();
    }

    private Map<String, AttributeValue> ledgerItem(String key) {
        return dynamo.getItem(request -> request.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(ResponseConfiguration.LEDGER_KEY, AttributeValue.fromS(key))))
                .item();
    }

    @Test
    void failureAlarmRestartsTheFailedRunOnceCarryingItsIncidentsKey() {
        createJob();
        String failedRun = failedRun();

        deliver(handler(), failureAlarm());

        assertThat(outcomes()).containsExactly(Outcome.STARTED);
        assertThat(log.only().incident()).isEqualTo(job + "/run/" + failedRun);
        assertThat(restarts()).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo(log.only().jobRunId());
            assertThat(run.arguments())
                    .containsEntry(KEY, Incident.ofRun(job, failedRun).remediationKey());
        });
    }

    @Test
    void eightConcurrentDeliveriesOfOneFailureAlarmStartOneRun() throws Exception {
        createJob(3);
        failedRun();

        deliverConcurrently(List.of(
                failureAlarm(),
                failureAlarm(),
                failureAlarm(),
                failureAlarm(),
                failureAlarm(),
                failureAlarm(),
                failureAlarm(),
                failureAlarm()));

        assertThat(restarts()).hasSize(1);
        assertThat(outcomes()).hasSize(8).containsOnlyOnce(Outcome.STARTED);
        // The others lost the claim, or read the history after the restart had appeared (moto finishes it at once).
        assertThat(outcomes())
                .isSubsetOf(
                        Outcome.STARTED,
                        Outcome.SKIPPED_DUPLICATE,
                        Outcome.SKIPPED_NO_FAILED_RUN,
                        Outcome.SKIPPED_RUNNING);
    }

    @Test
    void glueEventAndFailureAlarmOfOneFailedRunDeliveredTogetherStartOneRun() throws Exception {
        createJob(3);
        String failedRun = failedRun();

        deliverConcurrently(List.of(glueFailureEvent(failedRun), failureAlarm()));

        assertThat(restarts()).hasSize(1);
        assertThat(outcomes()).hasSize(2).containsOnlyOnce(Outcome.STARTED);
    }

    @Test
    void budgetIsNeverExceededByConcurrentIncidents() throws Exception {
        createJob(5);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            events.add(glueFailureEvent("jr_failed_" + i));
        }

        deliverConcurrently(events);

        assertThat(restarts()).hasSize(2);
        assertThat(outcomes())
                .hasSize(5)
                .isSubsetOf(Outcome.STARTED, Outcome.SKIPPED_BUDGET)
                .filteredOn(Outcome.STARTED::equals)
                .hasSize(2);
        assertThat(log.decisions).map(Decision::incident).doesNotHaveDuplicates();
    }

    @Test
    void failureAlarmDeliveredAgainAfterTheRestartStartsNoSecondRun() {
        createJob();
        failedRun();
        AlarmResponseHandler handler = handler();

        deliver(handler, failureAlarm());
        deliver(handler, failureAlarm());

        // Moto finishes the restart at once, so the newest finished run is the successful restart.
        assertThat(outcomes()).containsExactly(Outcome.STARTED, Outcome.SKIPPED_NO_FAILED_RUN);
        assertThat(restarts()).hasSize(1);
    }

    @Test
    void budgetAllowsTwoRestartsPerHourAndFreesUpAfterTheWindow() {
        createJob();
        AlarmResponseHandler handler = handler();

        deliver(handler, glueFailureEvent("jr_failed_1"));
        deliver(handler, glueFailureEvent("jr_failed_2"));
        deliver(handler, glueFailureEvent("jr_failed_3"));
        assertThat(outcomes()).containsExactly(Outcome.STARTED, Outcome.STARTED, Outcome.SKIPPED_BUDGET);
        assertThat(restarts()).hasSize(2);

        // 61 minutes later both slots have expired, whether or not DynamoDB's TTL has deleted them yet.
        AlarmResponseHandler later = handler(config(true, 2), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)));
        deliver(later, glueFailureEvent("jr_failed_4"));

        assertThat(outcomes()).last().isEqualTo(Outcome.STARTED);
        assertThat(restarts()).hasSize(3);
    }

    @Test
    void runningRunOfTheJobPreventsARestart() throws Exception {
        createJob();
        holdRunsInStarting();
        String scheduledRun =
                emulatorGlue.startJobRun(request -> request.jobName(job)).jobRunId();

        deliver(handler(), failureAlarm());

        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_RUNNING);
        assertThat(log.only().jobRunId()).isEqualTo(scheduledRun);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void concurrentRunsExceededFromGlueIsASkipThatGivesTheBudgetSlotBack() throws Exception {
        createJob();
        holdRunsInStarting();
        emulatorGlue.startJobRun(request -> request.jobName(job));
        // Seen from 8 days on, the active run is outside the history lookback, so the function's own check passes
        // and Glue's MaxConcurrentRuns refuses the start: the race of a run starting between our read and our start.
        AlarmResponseHandler racing = handler(config(true, 2), Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));

        deliver(racing, glueFailureEvent("jr_failed_1"));

        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_CONCURRENT);
        assertThat(runs()).hasSize(1);
        assertThat(ledgerItem("budget#" + job + "#0")).isEmpty();
        assertThat(ledgerItem("incident#" + job + "/run/jr_failed_1")).isNotEmpty();
    }

    @Test
    void transformedGlueFailureEventRestartsTheFailedJob() {
        createJob();

        deliver(handler(), Corpus.message("glue-state-transformed.json", "sample-etl-job", job));

        assertThat(log.only().outcome()).isEqualTo(Outcome.STARTED);
        assertThat(runs())
                .singleElement()
                .satisfies(run -> assertThat(run.arguments())
                        .containsEntry(
                                KEY, Incident.ofRun(job, "jr_0a1b2c3d4e5f").remediationKey()));
    }

    @Test
    void rawGlueTimeoutEventDeliveredTwiceRestartsOnce() {
        createJob();
        String timedOut = failedRun();
        AlarmResponseHandler handler = handler();
        String message =
                Corpus.message("glue-state-raw.json", "sample-etl-job", job).replace("jr_9f8e7d6c5b4a", timedOut);

        deliver(handler, message);
        deliver(handler, message);

        assertThat(outcomes()).containsExactly(Outcome.STARTED, Outcome.SKIPPED_DUPLICATE);
        assertThat(restarts()).hasSize(1);
    }

    @Test
    void timedOutRunWithoutAKnownErrorIsNotRestarted() {
        createJob();

        deliver(handler(), Corpus.message("glue-state-raw.json", "sample-etl-job", job));

        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(log.only().errorClass()).isEqualTo("unknown");
        assertThat(runs()).isEmpty();
    }

    @Test
    void disabledRemediationStartsNothing() {
        createJob();
        failedRun();

        deliver(handler(config(false, 2), Clock.systemUTC()), failureAlarm());

        assertThat(log.only().outcome()).isEqualTo(Outcome.DISABLED);
        assertThat(restarts()).isEmpty();
    }

    @Test
    void drillStartsNothing() {
        createJob();

        deliver(handler(), Corpus.message("drill.json"));

        assertThat(log.only().outcome()).isEqualTo(Outcome.DRILL);
        assertThat(runs()).isEmpty();
    }

    @Test
    void unreachableGlueIsThrownSoLambdaRetries() {
        // Port 9 (discard) is closed on 127.0.0.1: every attempt is refused, the standard retries give up.
        try (GlueClient unreachable = Emulator.clients("http://127.0.0.1:9").build(GlueClient.builder())) {
            AlarmResponseHandler handler = handler(config(true, 2), unreachable, Clock.systemUTC());

            assertThatThrownBy(() -> deliver(handler, failureAlarm())).isInstanceOf(SdkClientException.class);
        }
        assertThat(log.decisions).isEmpty();
        assertThat(log.failures).hasSize(1);
    }

    @Test
    void notificationFromAForeignTopicIsIgnoredAndStartsNothing() {
        createJob();
        failedRun();
        Delivery foreign = new Delivery(
                "arn:aws:sns:us-east-1:123456789012:someone-elses-topic",
                UUID.randomUUID().toString(),
                failureAlarm());

        handler().handleRequest(Corpus.snsEventWith(foreign), null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(log.onlyLine()).containsEntry("messageId", foreign.messageId());
        assertThat(restarts()).isEmpty();
    }

    @Test
    void alarmOfAnotherAccountIsIgnoredAndStartsNothing() {
        createJob();
        failedRun();
        Delivery delivery = Corpus.deliveryOf(failureAlarm()
                .replace("arn:aws:cloudwatch:us-east-1:123456789012:", "arn:aws:cloudwatch:us-east-1:999999999999:"));

        handler().handleRequest(Corpus.snsEventWith(delivery), null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(log.onlyLine()).containsEntry("messageId", delivery.messageId());
        assertThat(restarts()).isEmpty();
    }

    /** A responder as the Lambda builds one, with job run insights read from the emulator's CloudWatch Logs. */
    private AlarmResponseHandler handlerWithInsights(CloudWatchLogsClient logs) {
        ResponseConfig config = ResponseConfig.parse(config(true, 2));
        return new AlarmResponseHandler(new AlarmResponder(
                config,
                Corpus.SOURCES,
                new JobRemediator(
                        glue,
                        new DynamoDbIncidentLedger(dynamo, table),
                        Clock.systemUTC(),
                        config.restartBudget(),
                        config.errorClassActions(),
                        new JobRunInsights(logs, List.of(INSIGHTS_GROUP))),
                log));
    }

    private static final String INSIGHTS_GROUP = "/aws-glue/jobs/error";

    @Test
    void failedRunOfANonTransientClassIsNotRestarted() {
        createJob();
        String failedRun = failedRun("An error occurred while calling o103.pyWriteDynamicFrame. Access Denied"
                + " (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied; Request ID: 6E1CA8B5B6B9A1A2)");

        deliver(handler(), glueFailureEvent(failedRun));

        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(log.only().errorClass()).isEqualTo("permissions");
        assertThat(log.only().jobRunId()).isEqualTo(failedRun);
        assertThat(restarts()).isEmpty();
        assertThat(ledgerItem("incident#" + job + "/run/" + failedRun)).isEmpty();
    }

    @Test
    void jobRunInsightsRootCauseInTheEmulatorsLogsDecidesTheClass() throws Exception {
        createJob();
        String failedRun =
                failedRun("An error occurred while calling o111.collectToPython. Traceback (most recent call last):");
        try (CloudWatchLogsClient logs = Emulator.clients(endpoint).build(CloudWatchLogsClient.builder())) {
            try {
                logs.createLogGroup(request -> request.logGroupName(INSIGHTS_GROUP));
            } catch (ResourceAlreadyExistsException e) {
                // Another test created it: the group is shared by every job, as in AWS.
            }
            String stream = failedRun + JobRunInsights.STREAM_SUFFIX;
            String event = JobRunInsightsTest.analysisEvent("ModuleNotFoundError: No module named 'tensorflow'");
            logs.createLogStream(request -> request.logGroupName(INSIGHTS_GROUP).logStreamName(stream));
            logs.putLogEvents(request -> request.logGroupName(INSIGHTS_GROUP)
                    .logStreamName(stream)
                    .logEvents(InputLogEvent.builder()
                            .timestamp(System.currentTimeMillis())
                            .message(event)
                            .build()));

            deliver(handlerWithInsights(logs), glueFailureEvent(failedRun));
        }

        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(log.only().errorClass()).isEqualTo("code");
        assertThat(log.only().failure().rootCause())
                .containsExactly("ModuleNotFoundError: No module named 'tensorflow'");
        assertThat(restarts()).isEmpty();
    }

    @Test
    void failedRunOfAJobThatNoLongerExistsIsJobNotFoundAndNotRetried() {
        // No createJob: the event names a job Glue does not know (deleted since the run failed).
        deliver(handler(), glueFailureEvent("jr_of_a_deleted_job"));

        assertThat(log.only().outcome()).isEqualTo(Outcome.JOB_NOT_FOUND);
        assertThat(log.only().reason()).startsWith("job " + job + " does not exist (any more)");
        assertThat(log.failures).isEmpty();
    }

    @Test
    void failedRunEventPagesThroughThePipelinesPageAlarmWithItsClassAndLinks() {
        createJob();
        String failedRun =
                failedRun("Error Category: SYNTAX_ERROR; Failed Line Number: 12; SyntaxError: invalid syntax");
        String pageAlarm = "PipelineUnhealthyAlarm-" + job;
        try (CloudWatchClient cloudWatch = Emulator.clients(endpoint).build(CloudWatchClient.builder())) {
            // moto has no PutCompositeAlarm: a metric alarm stands in for the pipeline's composite page.
            cloudWatch.putMetricAlarm(request -> request.alarmName(pageAlarm)
                    .namespace("DataPipeline")
                    .metricName("FailedRuns")
                    .statistic("Sum")
                    .period(60)
                    .evaluationPeriods(1)
                    .threshold(0.0)
                    .comparisonOperator("GreaterThanThreshold"));
            ResponseConfig config = ResponseConfig.parse(config(true, 2)
                    .replace(
                            "\"routes\":{",
                            "\"pipelines\":{\"" + job + "\":{\"pageAlarm\":\"" + pageAlarm + "\"}},\"routes\":{"));
            AlarmResponseHandler handler = new AlarmResponseHandler(new AlarmResponder(
                    config,
                    Corpus.SOURCES,
                    new JobRemediator(
                            glue,
                            new DynamoDbIncidentLedger(dynamo, table),
                            Clock.systemUTC(),
                            config.restartBudget(),
                            config.errorClassActions(),
                            RootCauseReader.NONE),
                    log,
                    new AlarmStatePage(cloudWatch),
                    new ConsoleLinks("us-east-1")));

            deliver(handler, glueFailureEvent(failedRun));

            String reason = cloudWatch
                    .describeAlarms(request -> request.alarmNames(pageAlarm))
                    .metricAlarms()
                    .get(0)
                    .stateReason();
            assertThat(reason)
                    .startsWith("Pipeline " + job + ": Glue job run " + failedRun + " FAILED")
                    .contains("\nError class: code ('SyntaxError' in the run's error message)\n")
                    .contains("\nResponse: not restarted: a retry fails the same way")
                    .contains("\nRun: https://console.aws.amazon.com/gluestudio/home?region=us-east-1#/job/" + job
                            + "/run/" + failedRun);
        }
        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_ERROR_CLASS);
        assertThat(log.onlyLine())
                .containsEntry("pageDelivery", "paged: " + pageAlarm + " went to ALARM with this text as its reason");
        assertThat(restarts()).isEmpty();
    }

    @Test
    void thirdCodeFailureInARowStopsTheJobsOwnTriggerInGlueAndLeavesASharedOneRunning() throws Exception {
        createJob();
        emulatorGlue.createJob(request -> request.name(job + "-other")
                .role("arn:aws:iam::123456789012:role/GlueEtlRole")
                .command(command -> command.name("glueetl").scriptLocation("s3://pipeline-scripts/other.py")));
        String own = job + "-nightly";
        String shared = job + "-with-other";
        emulatorGlue.createTrigger(request -> request.name(own)
                .type(TriggerType.SCHEDULED)
                .schedule("cron(0 2 * * ? *)")
                .actions(action -> action.jobName(job))
                .startOnCreation(true));
        emulatorGlue.createTrigger(request -> request.name(shared)
                .type(TriggerType.SCHEDULED)
                .schedule("cron(0 3 * * ? *)")
                .actions(action -> action.jobName(job), action -> action.jobName(job + "-other"))
                .startOnCreation(true));
        String error = "Error Category: SYNTAX_ERROR; Failed Line Number: 12; SyntaxError: invalid syntax";
        failedRun(error);
        Thread.sleep(1_100); // moto's StartedOn is the current time, in whole seconds: keep the three runs apart.
        failedRun(error);
        Thread.sleep(1_100);
        String newest = failedRun(error);
        String pauseCode = config(true, 2)
                .replace(
                        "\"routes\":{",
                        "\"pipelines\":{\"" + job
                                + "\":{\"errorClassActions\":{\"code\":\"pause-trigger\"}}},\"routes\":{");

        deliver(handler(pauseCode, Clock.systemUTC()), glueFailureEvent(newest));

        assertThat(log.only().outcome()).as(log.only().reason()).isEqualTo(Outcome.PAUSED_TRIGGER);
        assertThat(log.only().reason())
                .startsWith("paused trigger " + own + " of " + job + " after 3 failed runs in a row")
                .endsWith("; left alone: " + shared + " (also starts other jobs or crawlers)");
        assertThat(emulatorGlue
                        .getTrigger(request -> request.name(own))
                        .trigger()
                        .state())
                .isEqualTo(TriggerState.DEACTIVATED);
        assertThat(emulatorGlue
                        .getTrigger(request -> request.name(shared))
                        .trigger()
                        .state())
                .isEqualTo(TriggerState.ACTIVATED);
        assertThat(restarts()).isEmpty();
        assertThat(ledgerItem("pause#" + job)).containsKey("triggers");

        // A fourth failure (a run started by hand) finds the pause held: no second pause.
        deliver(handler(pauseCode, Clock.systemUTC()), glueFailureEvent(failedRun(error)));
        assertThat(log.decisions.get(1).reason()).contains("are paused already (by an earlier failure)");

        // The job's next successful run resumes the trigger the pause stopped, in Glue, and ends the pause.
        String succeeded = Corpus.message("glue-state-succeeded-raw.json")
                .replace("sample-etl-job", job)
                .replace(
                        "jr_11aa22bb33cc",
                        emulatorGlue
                                .startJobRun(request -> request.jobName(job))
                                .jobRunId());
        deliver(handler(pauseCode, Clock.systemUTC()), succeeded);

        assertThat(log.decisions.get(2).outcome())
                .as(log.decisions.get(2).reason())
                .isEqualTo(Outcome.RESUMED_TRIGGER);
        assertThat(triggerState(own)).isEqualTo(TriggerState.ACTIVATED);
        assertThat(ledgerItem("pause#" + job)).isEmpty();
    }

    private static TriggerState triggerState(String name) {
        return emulatorGlue.getTrigger(request -> request.name(name)).trigger().state();
    }
}
