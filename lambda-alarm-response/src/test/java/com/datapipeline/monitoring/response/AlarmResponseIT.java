package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.JobRun;

/**
 * The real handler and decision logic against Glue served by the local AWS API emulator (moto): the runs the
 * function starts, or does not start, are read back from the emulator's Glue.
 */
class AlarmResponseIT {

    private static final String KEY = JobRemediator.REMEDIATION_KEY_ARGUMENT;
    private static final String JOB_RUN_MODEL = "glue::job_run";

    private static String endpoint;
    private static GlueClient glue;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String job = "it-etl-" + UUID.randomUUID().toString().substring(0, 8);
    private final RecordingDecisionLog log = new RecordingDecisionLog();

    @BeforeAll
    static void connectToEmulator() {
        endpoint = System.getenv("AWS_EMULATOR_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            fail("integration tests need the local AWS emulator: run `make test` (AWS_EMULATOR_ENDPOINT is not set)");
        }
        glue = emulatorGlue(endpoint);
    }

    @AfterAll
    static void closeClient() {
        if (glue != null) {
            glue.close();
        }
    }

    @AfterEach
    void restoreRunStateProgression() throws Exception {
        // Run states advance immediately (STARTING -> RUNNING -> SUCCEEDED on read) unless a test holds them.
        moto("unset-transition", "{\"model_name\":\"" + JOB_RUN_MODEL + "\"}");
    }

    private static GlueClient emulatorGlue(String url) {
        return GlueClient.builder()
                .endpointOverride(URI.create(url))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    private static void moto(String operation, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(endpoint + "/moto-api/state-manager/" + operation))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("moto state manager %s: %s", operation, response.body()).isLessThan(300);
    }

    /** Keeps new runs in STARTING, as a real run is for its first minute. */
    private static void holdRunsInStarting() throws Exception {
        moto("set-transition", "{\"model_name\":\"" + JOB_RUN_MODEL
                + "\",\"transition\":{\"progression\":\"manual\",\"times\":1000000}}");
    }

    private void createJob() {
        glue.createJob(request -> request.name(job).role("arn:aws:iam::123456789012:role/GlueEtlRole")
                .glueVersion("5.0")
                .command(command -> command.name("glueetl").scriptLocation("s3://pipeline-scripts/etl.py")));
    }

    private String config(boolean enabled, int maxRestarts) {
        return """
                {"remediationEnabled":%s,"restartBudget":{"maxRestarts":%d,"windowMinutes":60},
                 "routes":{"GlueJobFailureAlarm":{"action":"restart-job","jobName":"%s"},
                           "glue-job-state:%s":{"action":"restart-job","jobName":"%s"}}}
                """.formatted(enabled, maxRestarts, job, job, job);
    }

    private AlarmResponseHandler handler(String configJson, Clock clock) {
        return new AlarmResponseHandler(new AlarmResponder(ResponseConfig.parse(configJson), Corpus.SOURCES, glue,
                clock, log));
    }

    private AlarmResponseHandler handler() {
        return handler(config(true, 2), Clock.systemUTC());
    }

    private static String failureAlarmAt(String stateChangeTime) {
        return Corpus.message("metric-alarm.json", "2026-11-25T01:02:03.536+0000", stateChangeTime);
    }

    private void deliver(AlarmResponseHandler handler, String message) {
        handler.handleRequest(Corpus.snsEventWith(Corpus.deliveryOf(message)), null);
    }

    private List<JobRun> runs() {
        return glue.getJobRuns(request -> request.jobName(job)).jobRuns();
    }

    private List<Outcome> outcomes() {
        return log.decisions.stream().map(Decision::outcome).toList();
    }

    @Test
    void failureAlarmStartsOneRunCarryingTheRemediationKey() {
        createJob();
        String message = failureAlarmAt("2026-11-25T01:02:03.536+0000");

        deliver(handler(), message);

        assertThat(outcomes()).containsExactly(Outcome.STARTED);
        assertThat(runs()).singleElement().satisfies(run -> {
            assertThat(run.id()).isEqualTo(log.only().jobRunId());
            assertThat(run.arguments()).containsEntry(KEY, ((ParseResult.Parsed) NotificationParser.parse(message))
                    .notification().remediationKey());
        });
    }

    @Test
    void duplicateDeliveryOfTheSameTransitionStartsNoSecondRun() {
        createJob();
        AlarmResponseHandler handler = handler();
        String message = failureAlarmAt("2026-11-25T01:02:03.536+0000");

        deliver(handler, message);
        deliver(handler, message);

        assertThat(outcomes()).containsExactly(Outcome.STARTED, Outcome.SKIPPED_DUPLICATE);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void budgetAllowsTwoRestartsPerHourAndFreesUpAfterTheWindow() {
        createJob();
        AlarmResponseHandler handler = handler();

        deliver(handler, failureAlarmAt("2026-11-25T01:00:00.000+0000"));
        deliver(handler, failureAlarmAt("2026-11-25T01:10:00.000+0000"));
        deliver(handler, failureAlarmAt("2026-11-25T01:20:00.000+0000"));
        assertThat(outcomes()).containsExactly(Outcome.STARTED, Outcome.STARTED, Outcome.SKIPPED_BUDGET);
        assertThat(runs()).hasSize(2);

        // The same history seen 61 minutes later: both restarts have left the rolling window.
        AlarmResponseHandler later = handler(config(true, 2), Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61)));
        deliver(later, failureAlarmAt("2026-11-25T02:21:00.000+0000"));

        assertThat(outcomes()).last().isEqualTo(Outcome.STARTED);
        assertThat(runs()).hasSize(3);
    }

    @Test
    void runningRunOfTheJobPreventsARestart() throws Exception {
        createJob();
        holdRunsInStarting();
        String scheduledRun = glue.startJobRun(request -> request.jobName(job)).jobRunId();

        deliver(handler(), failureAlarmAt("2026-11-25T01:02:03.536+0000"));

        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_RUNNING);
        assertThat(log.only().jobRunId()).isEqualTo(scheduledRun);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void concurrentRunsExceededFromGlueIsLoggedAsASkip() throws Exception {
        createJob();
        holdRunsInStarting();
        glue.startJobRun(request -> request.jobName(job));
        // Seen from 8 days on, the active run is outside the history lookback, so the function's own check passes
        // and Glue's MaxConcurrentRuns refuses the start: the race of a run starting between our read and our start.
        AlarmResponseHandler racing = handler(config(true, 2), Clock.offset(Clock.systemUTC(), Duration.ofDays(8)));

        deliver(racing, failureAlarmAt("2026-11-25T01:02:03.536+0000"));

        assertThat(log.only().outcome()).isEqualTo(Outcome.SKIPPED_CONCURRENT);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void transformedGlueFailureEventRestartsTheFailedJob() {
        createJob();

        deliver(handler(), Corpus.message("glue-state-transformed.json", "sample-etl-job", job));

        assertThat(log.only().outcome()).isEqualTo(Outcome.STARTED);
        assertThat(runs()).singleElement()
                .satisfies(run -> assertThat(run.arguments()).containsEntry(KEY, "glue-jr_0a1b2c3d4e5f"));
    }

    @Test
    void rawGlueTimeoutEventDeliveredTwiceRestartsOnce() {
        createJob();
        AlarmResponseHandler handler = handler();
        String message = Corpus.message("glue-state-raw.json", "sample-etl-job", job);

        deliver(handler, message);
        deliver(handler, message);

        assertThat(outcomes()).containsExactly(Outcome.STARTED, Outcome.SKIPPED_DUPLICATE);
        assertThat(runs()).hasSize(1);
    }

    @Test
    void disabledRemediationStartsNothing() {
        createJob();

        deliver(handler(config(false, 2), Clock.systemUTC()), failureAlarmAt("2026-11-25T01:02:03.536+0000"));

        assertThat(log.only().outcome()).isEqualTo(Outcome.DISABLED);
        assertThat(runs()).isEmpty();
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
        try (GlueClient unreachable = emulatorGlue("http://127.0.0.1:9")) {
            AlarmResponseHandler handler = new AlarmResponseHandler(new AlarmResponder(
                    ResponseConfig.parse(config(true, 2)), Corpus.SOURCES, unreachable, Clock.systemUTC(), log));

            assertThatThrownBy(() -> deliver(handler, failureAlarmAt("2026-11-25T01:02:03.536+0000")))
                    .isInstanceOf(SdkClientException.class);
        }
        assertThat(log.decisions).isEmpty();
        assertThat(log.failures).hasSize(1);
    }

    @Test
    void notificationFromAForeignTopicIsIgnoredAndStartsNothing() {
        createJob();
        Delivery foreign = new Delivery("arn:aws:sns:us-east-1:123456789012:someone-elses-topic",
                UUID.randomUUID().toString(), failureAlarmAt("2026-11-25T01:02:03.536+0000"));

        handler().handleRequest(Corpus.snsEventWith(foreign), null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(log.onlyLine()).containsEntry("messageId", foreign.messageId());
        assertThat(runs()).isEmpty();
    }

    @Test
    void alarmOfAnotherAccountIsIgnoredAndStartsNothing() {
        createJob();
        Delivery delivery = Corpus.deliveryOf(failureAlarmAt("2026-11-25T01:02:03.536+0000")
                .replace("arn:aws:cloudwatch:us-east-1:123456789012:", "arn:aws:cloudwatch:us-east-1:999999999999:"));

        handler().handleRequest(Corpus.snsEventWith(delivery), null);

        assertThat(log.only().outcome()).isEqualTo(Outcome.IGNORED_ORIGIN);
        assertThat(log.onlyLine()).containsEntry("messageId", delivery.messageId());
        assertThat(runs()).isEmpty();
    }
}
