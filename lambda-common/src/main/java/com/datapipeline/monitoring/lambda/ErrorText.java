package com.datapipeline.monitoring.lambda;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * An exception as the short text of a log line: what an operator needs to tell AccessDenied from throttling from a
 * bug, without a stack trace. An AWS service error leads with its error code and HTTP status, because its class is
 * often the service's catch-all ({@code GlueException}).
 */
public final class ErrorText {

    /** Longest message kept from one exception; an SDK message can quote a whole policy. */
    static final int MAX_MESSAGE = 500;

    private ErrorText() {}

    /** {@code SimpleName: message}, e.g. {@code GlueException: AccessDeniedException, status 400: User ...}. */
    public static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + message(error);
    }

    /**
     * The error's message, bounded, led by the AWS error code and status of a service error and followed by each
     * suppressed exception ({@code ; also SimpleName: message}), e.g. a claim that could not be released.
     */
    public static String message(Throwable error) {
        StringBuilder text = new StringBuilder();
        if (error instanceof SdkServiceException service) {
            if (error instanceof AwsServiceException aws
                    && aws.awsErrorDetails() != null
                    && aws.awsErrorDetails().errorCode() != null) {
                text.append(aws.awsErrorDetails().errorCode()).append(", ");
            }
            text.append("status ").append(service.statusCode()).append(": ");
        }
        text.append(bounded(String.valueOf(error.getMessage())));
        for (Throwable suppressed : error.getSuppressed()) {
            text.append("; also ").append(describe(suppressed));
        }
        return text.toString();
    }

    private static String bounded(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
