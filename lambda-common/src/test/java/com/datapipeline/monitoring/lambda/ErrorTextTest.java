package com.datapipeline.monitoring.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.glue.model.GlueException;

class ErrorTextTest {

    @Test
    void plainExceptionIsItsSimpleNameAndMessage() {
        assertThat(ErrorText.describe(new IllegalStateException("no collector")))
                .isEqualTo("IllegalStateException: no collector");
        assertThat(ErrorText.describe(new IllegalStateException())).isEqualTo("IllegalStateException: null");
    }

    @Test
    void awsServiceErrorLeadsWithItsErrorCodeAndStatus() {
        GlueException error = (GlueException) GlueException.builder()
                .message("User is not authorized to perform glue:GetJobRuns")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .errorMessage("User is not authorized to perform glue:GetJobRuns")
                        .build())
                .build();

        assertThat(ErrorText.describe(error))
                .startsWith("GlueException: AccessDeniedException, status 400: User is not authorized");
    }

    @Test
    void serviceErrorWithoutAnAwsCodeStillGivesItsStatus() {
        SdkServiceException error = SdkServiceException.builder()
                .message("Service Unavailable")
                .statusCode(503)
                .build();

        assertThat(ErrorText.message(error)).isEqualTo("status 503: Service Unavailable");
    }

    @Test
    void suppressedExceptionsFollowTheMessage() {
        SdkClientException error = SdkClientException.create("Rate exceeded");
        error.addSuppressed(SdkClientException.create("ledger unreachable"));

        assertThat(ErrorText.message(error)).isEqualTo("Rate exceeded; also SdkClientException: ledger unreachable");
    }

    @Test
    void longMessagesAreBounded() {
        String message = ErrorText.message(new IllegalArgumentException("x".repeat(5_000)));

        assertThat(message).hasSize(ErrorText.MAX_MESSAGE).endsWith("…");
    }
}
