package com.datapipeline.monitoring.lambda.tracing;

import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * What one AWS SDK call did, as the SDK reports it: the facts an X-Ray subsegment is made of.
 *
 * @param service     the SDK's service name, e.g. {@code Glue}
 * @param operation   e.g. {@code GetJobRuns}
 * @param region      the region called
 * @param start       when the call began (before the first attempt)
 * @param end         when it ended (after the last attempt)
 * @param attempts    how many HTTP requests it took (1 unless retried)
 * @param httpStatus  the last response's status, or empty when no response came back
 * @param requestId   AWS's request id, or empty
 * @param failure     why the call failed, or empty when it succeeded
 */
public record SdkCall(
        String service,
        String operation,
        String region,
        Instant start,
        Instant end,
        int attempts,
        Optional<Integer> httpStatus,
        Optional<String> requestId,
        Optional<Throwable> failure) {

    /** How X-Ray classifies the outcome: client errors, throttling, and faults are shown differently. */
    public enum Outcome {
        OK,
        ERROR,
        THROTTLE,
        FAULT
    }

    public Outcome outcome() {
        int status = httpStatus.orElse(0);
        if (status == 429
                || failure.filter(f -> f instanceof SdkServiceException e && e.isThrottlingException())
                        .isPresent()) {
            return Outcome.THROTTLE;
        }
        if (status >= 500) {
            return Outcome.FAULT;
        }
        if (status >= 400) {
            return Outcome.ERROR;
        }
        // No response, or a failure after a 2xx (e.g. a response the SDK could not read): on our side.
        return failure.isPresent() ? Outcome.FAULT : Outcome.OK;
    }
}
