package com.datapipeline.monitoring.lambda.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpServer;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/** A real Glue client calling a JDK HTTP server on loopback that answers like Glue would. */
class SdkCallTracingTest {
    private static final TraceHeader SAMPLED =
            new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true);

    private HttpServer glue;
    private final List<Reply> replies = new CopyOnWriteArrayList<>();
    private final List<String> documents = new CopyOnWriteArrayList<>();

    private record Reply(int status, String body) {}

    @BeforeEach
    void startGlue() throws Exception {
        glue = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        glue.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Reply reply = replies.size() > 1 ? replies.remove(0) : replies.get(0);
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("x-amzn-RequestId", "req-" + reply.status());
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        glue.start();
    }

    @AfterEach
    void stopGlue() {
        glue.stop(0);
    }

    private GlueClient client(ExecutionInterceptor tracing, int maxAttempts) {
        return GlueClient.builder()
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + glue.getAddress().getPort()))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.addExecutionInterceptor(tracing)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                                .build()))
                .build();
    }

    private SdkCallTracing tracing(Optional<TraceHeader> trace, Consumer<String> daemon) {
        return new SdkCallTracing(
                () -> trace,
                daemon,
                Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC),
                () -> "cccccccccccccccc");
    }

    @Test
    void aSuccessfulCallBecomesOneSubsegmentNamedForTheServiceAndOperation() throws Exception {
        replies.add(new Reply(200, "{\"JobRuns\":[]}"));
        try (GlueClient client = client(tracing(Optional.of(SAMPLED), documents::add), 3)) {
            client.getJobRuns(r -> r.jobName("nightly"));
        }

        assertThat(documents).hasSize(1);
        Map<String, Object> document = JSON.std.mapFrom(documents.get(0));
        assertThat(document)
                .containsEntry("name", "Glue")
                .containsEntry("trace_id", SAMPLED.root())
                .containsEntry("parent_id", SAMPLED.parent())
                .containsEntry("type", "subsegment")
                .doesNotContainKeys("error", "fault", "throttle");
        assertThat(document.get("aws"))
                .isEqualTo(Map.of(
                        "operation", "GetJobRuns", "region", "eu-west-1", "request_id", "req-200", "retries", 0));
    }

    @Test
    void aServiceErrorIsRecordedAndStillReachesTheCaller() throws Exception {
        replies.add(new Reply(400, "{\"__type\":\"EntityNotFoundException\",\"message\":\"no job nightly\"}"));
        try (GlueClient client = client(tracing(Optional.of(SAMPLED), documents::add), 3)) {
            assertThatThrownBy(() -> client.getJobRuns(r -> r.jobName("nightly")))
                    .isInstanceOf(EntityNotFoundException.class);
        }

        Map<String, Object> document = JSON.std.mapFrom(documents.get(0));
        assertThat(document).containsEntry("error", true);
        assertThat(document.get("aws").toString()).contains("request_id=req-400");
        assertThat(document.get("cause").toString()).contains("type=EntityNotFoundException", "remote=true");
    }

    @Test
    void retriedServerErrorsAreOneFaultySubsegmentThatCountsTheRetries() throws Exception {
        replies.add(new Reply(500, "{\"__type\":\"InternalServiceException\",\"message\":\"boom\"}"));
        try (GlueClient client = client(tracing(Optional.of(SAMPLED), documents::add), 3)) {
            assertThatThrownBy(() -> client.getJobRuns(r -> r.jobName("nightly")));
        }

        assertThat(documents).hasSize(1);
        Map<String, Object> document = JSON.std.mapFrom(documents.get(0));
        assertThat(document).containsEntry("fault", true);
        assertThat(document.get("aws").toString()).contains("retries=2");
    }

    @Test
    void throttlingIsMarkedAsThrottling() throws Exception {
        replies.add(new Reply(400, "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}"));
        try (GlueClient client = client(tracing(Optional.of(SAMPLED), documents::add), 1)) {
            assertThatThrownBy(() -> client.getJobRuns(r -> r.jobName("nightly")));
        }

        assertThat(JSON.std.mapFrom(documents.get(0)))
                .containsEntry("throttle", true)
                .containsEntry("error", true);
    }

    @Test
    void nothingIsSentWhenTheInvocationIsNotSampledOrNotTraced() {
        replies.add(new Reply(200, "{\"JobRuns\":[]}"));
        TraceHeader notSampled = new TraceHeader(SAMPLED.root(), SAMPLED.parent(), false);
        for (Optional<TraceHeader> trace : List.of(Optional.of(notSampled), Optional.<TraceHeader>empty())) {
            try (GlueClient client = client(tracing(trace, documents::add), 1)) {
                client.getJobRuns(r -> r.jobName("nightly"));
            }
        }
        assertThat(documents).isEmpty();
    }

    @Test
    void aDaemonThatCannotBeReachedDoesNotFailTheCall() {
        replies.add(new Reply(200, "{\"JobRuns\":[]}"));
        Consumer<String> unreachable = document -> {
            throw new UncheckedIOException(new java.io.IOException("network unreachable"));
        };
        try (GlueClient client = client(tracing(Optional.of(SAMPLED), unreachable), 1)) {
            assertThat(client.getJobRuns(r -> r.jobName("nightly")).jobRuns()).isEmpty();
        }
    }

    @Test
    void fromTheEnvironmentTracingIsOffUnlessTheCdkAppSwitchedItOn() {
        assertThat(SdkCallTracing.fromEnvironment(Map.<String, String>of()::get))
                .isEmpty();
        assertThat(SdkCallTracing.fromEnvironment(Map.of(
                        MonitoringFunction.SDK_CALL_TRACING_VARIABLE,
                        "false",
                        "AWS_XRAY_DAEMON_ADDRESS",
                        "127.0.0.1:2000")::get))
                .isEmpty();
        assertThatThrownBy(() -> SdkCallTracing.fromEnvironment(
                        Map.of(MonitoringFunction.SDK_CALL_TRACING_VARIABLE, "true")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TRACE_SDK_CALLS is true but AWS_XRAY_DAEMON_ADDRESS is not set "
                        + "(Lambda sets it when active tracing is on)");
    }

    @Test
    void switchedOnItSendsTheInvocationsSubsegmentsToTheDaemonOverUdp() throws Exception {
        replies.add(new Reply(200, "{\"JobRuns\":[]}"));
        String header = "Root=" + SAMPLED.root() + ";Parent=" + SAMPLED.parent() + ";Sampled=1";
        try (DatagramSocket daemon = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            daemon.setSoTimeout(5_000);
            List<ExecutionInterceptor> interceptors = SdkCallTracing.fromEnvironment(Map.of(
                    MonitoringFunction.SDK_CALL_TRACING_VARIABLE,
                    "true",
                    "AWS_XRAY_DAEMON_ADDRESS",
                    "127.0.0.1:" + daemon.getLocalPort(),
                    TraceHeader.ENVIRONMENT_VARIABLE,
                    header)::get);
            assertThat(interceptors).hasSize(1);
            try (GlueClient client = client(interceptors.get(0), 1)) {
                client.getJobRuns(r -> r.jobName("nightly"));
            }

            DatagramPacket packet = new DatagramPacket(new byte[65_536], 65_536);
            daemon.receive(packet);
            String datagram = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            assertThat(datagram).startsWith(XRayDaemon.HEADER);
            assertThat(JSON.std.mapFrom(datagram.substring(XRayDaemon.HEADER.length())))
                    .containsEntry("name", "Glue")
                    .containsEntry("parent_id", SAMPLED.parent());
        }
    }
}
