package com.datapipeline.monitoring.lambda.tracing;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * An SDK call as an X-Ray subsegment document, sent on its own under the invocation's segment: the shape the X-Ray
 * developer guide gives for "AWS SDK" subsegments (namespace {@code aws}, the operation, region and request id), so
 * that the trace map shows Glue, CloudWatch Logs and the rest as downstream nodes of the function.
 */
public final class SubsegmentDocument {

    private SubsegmentDocument() {}

    /**
     * @param trace  the invocation's trace header (trace id and parent segment)
     * @param call   the call to describe
     * @param ids    new 16-hex-digit ids, for the subsegment and for an exception
     */
    public static String toJson(TraceHeader trace, SdkCall call, Supplier<String> ids) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("name", call.service());
        document.put("id", ids.get());
        document.put("trace_id", trace.root());
        document.put("parent_id", trace.parent());
        document.put("type", "subsegment");
        document.put("namespace", "aws");
        document.put("start_time", epochSeconds(call.start()));
        document.put("end_time", epochSeconds(call.end()));

        Map<String, Object> aws = new LinkedHashMap<>();
        aws.put("operation", call.operation());
        aws.put("region", call.region());
        call.requestId().ifPresent(id -> aws.put("request_id", id));
        aws.put("retries", Math.max(0, call.attempts() - 1));
        document.put("aws", aws);
        call.httpStatus().ifPresent(status -> document.put("http", Map.of("response", Map.of("status", status))));

        switch (call.outcome()) {
            case ERROR -> document.put("error", true);
            case THROTTLE -> {
                document.put("error", true);
                document.put("throttle", true);
            }
            case FAULT -> document.put("fault", true);
            case OK -> {}
        }
        call.failure()
                .ifPresent(failure -> document.put("cause", Map.of("exceptions", List.of(exception(failure, ids)))));
        try {
            return JSON.std.asString(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a subsegment document", e);
        }
    }

    private static Map<String, Object> exception(Throwable failure, Supplier<String> ids) {
        Map<String, Object> exception = new LinkedHashMap<>();
        exception.put("id", ids.get());
        exception.put("type", failure.getClass().getSimpleName());
        exception.put("message", String.valueOf(failure.getMessage()));
        exception.put("remote", failure instanceof SdkServiceException);
        return exception;
    }

    /** X-Ray times are epoch seconds with a fraction; microseconds are as fine as it shows. */
    private static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano() / 1_000, 6));
    }
}
