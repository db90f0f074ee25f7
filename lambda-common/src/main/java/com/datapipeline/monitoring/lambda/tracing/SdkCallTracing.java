package com.datapipeline.monitoring.lambda.tracing;

import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Records every AWS SDK call of a traced invocation as an X-Ray subsegment under the segment Lambda records for
 * the invocation, so the trace shows which call took the time or failed. Written for this project instead of the
 * X-Ray SDK's TracingInterceptor, which reaches end of support on 25 February 2027 and brings Jackson databind and
 * Apache HttpClient into the jar; see the README ("SDK calls in the trace").
 *
 * <p>Tracing never breaks a call: a document that cannot be sent is dropped (UDP gives no guarantee either).
 */
public final class SdkCallTracing implements ExecutionInterceptor {

    private static final ExecutionAttribute<TraceHeader> TRACE = new ExecutionAttribute<>("MonitoringTraceHeader");
    private static final ExecutionAttribute<Instant> STARTED = new ExecutionAttribute<>("MonitoringCallStarted");
    private static final ExecutionAttribute<Integer> ATTEMPTS = new ExecutionAttribute<>("MonitoringCallAttempts");

    private final Supplier<Optional<TraceHeader>> currentTrace;
    private final Consumer<String> daemon;
    private final Clock clock;
    private final Supplier<String> ids;

    /**
     * @param currentTrace  the trace header of the invocation under way
     * @param daemon        where subsegment documents go
     * @param clock         the call's start and end times
     * @param ids           new 16-hex-digit ids
     */
    public SdkCallTracing(
            Supplier<Optional<TraceHeader>> currentTrace, Consumer<String> daemon, Clock clock, Supplier<String> ids) {
        this.currentTrace = currentTrace;
        this.daemon = daemon;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * The interceptors for a function's clients: this one when {@link MonitoringFunction#SDK_CALL_TRACING_VARIABLE}
     * is {@code true}, sending
     * to the daemon at {@code AWS_XRAY_DAEMON_ADDRESS}; none otherwise.
     */
    public static List<ExecutionInterceptor> fromEnvironment(UnaryOperator<String> environment) {
        if (!"true".equals(environment.apply(MonitoringFunction.SDK_CALL_TRACING_VARIABLE))) {
            return List.of();
        }
        XRayDaemon daemon;
        try {
            daemon = new XRayDaemon(XRayDaemon.parseAddress(environment.apply("AWS_XRAY_DAEMON_ADDRESS")));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    MonitoringFunction.SDK_CALL_TRACING_VARIABLE + " is true but "
                            + e.getMessage()
                            + " (Lambda sets it when active tracing is on)",
                    e);
        }
        return List.of(new SdkCallTracing(
                () -> TraceHeader.current(System::getProperty, environment),
                daemon,
                Clock.systemUTC(),
                SdkCallTracing::randomId));
    }

    static String randomId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Optional<TraceHeader> trace = currentTrace.get().filter(TraceHeader::sampled);
        if (trace.isPresent()) {
            attributes.putAttribute(TRACE, trace.get());
            attributes.putAttribute(STARTED, clock.instant());
            attributes.putAttribute(ATTEMPTS, 0);
        }
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Integer attempts = attributes.getAttribute(ATTEMPTS);
        if (attempts != null) {
            attributes.putAttribute(ATTEMPTS, attempts + 1);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes, Optional.of(context.httpResponse()), Optional.empty());
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes, context.httpResponse(), Optional.of(context.exception()));
    }

    private void record(
            ExecutionAttributes attributes, Optional<SdkHttpResponse> response, Optional<Throwable> failure) {
        TraceHeader trace = attributes.getAttribute(TRACE);
        if (trace == null) {
            return;
        }
        Optional<String> requestId = response.flatMap(SdkCallTracing::requestId)
                .or(() -> failure.filter(SdkServiceException.class::isInstance)
                        .map(f -> ((SdkServiceException) f).requestId()));
        SdkCall call = new SdkCall(
                attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                String.valueOf(attributes.getAttribute(AwsExecutionAttribute.AWS_REGION)),
                attributes.getAttribute(STARTED),
                clock.instant(),
                attributes.getAttribute(ATTEMPTS),
                response.map(SdkHttpResponse::statusCode),
                requestId.filter(id -> !id.isBlank()),
                failure);
        try {
            daemon.accept(SubsegmentDocument.toJson(trace, call, ids));
        } catch (UncheckedIOException e) {
            // Dropped, like a lost datagram: the call itself succeeded or failed on its own.
        }
    }

    private static Optional<String> requestId(SdkHttpResponse response) {
        return response.firstMatchingHeader("x-amzn-RequestId")
                .or(() -> response.firstMatchingHeader("x-amz-request-id"));
    }
}
