package com.datapipeline.monitoring.lambda.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

class SubsegmentDocumentTest {
    private static final TraceHeader TRACE =
            new TraceHeader("1-5759e988-bd862e3fe1be46a994272793", "53995c3f42cd8ad8", true);
    private static final Instant START = Instant.parse("2026-11-25T10:00:00.123456789Z");
    private static final Instant END = Instant.parse("2026-11-25T10:00:00.250Z");

    private static Supplier<String> ids() {
        Iterator<String> ids = List.of("aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb").iterator();
        return ids::next;
    }

    private static SdkCall call(Integer status, Throwable failure) {
        return new SdkCall(
                "Glue",
                "GetJobRuns",
                "eu-west-1",
                START,
                END,
                2,
                Optional.ofNullable(status),
                Optional.of("req-1"),
                Optional.ofNullable(failure));
    }

    @Test
    void aSuccessfulCallIsAnAwsSubsegmentUnderTheInvocationsSegment() {
        String json = SubsegmentDocument.toJson(TRACE, call(200, null), ids());

        assertThat(json)
                .isEqualTo("{\"name\":\"Glue\",\"id\":\"aaaaaaaaaaaaaaaa\","
                        + "\"trace_id\":\"1-5759e988-bd862e3fe1be46a994272793\",\"parent_id\":\"53995c3f42cd8ad8\","
                        + "\"type\":\"subsegment\",\"namespace\":\"aws\",\"start_time\":1795600800.123456,"
                        + "\"end_time\":1795600800.250000,\"aws\":{\"operation\":\"GetJobRuns\",\"region\":\"eu-west-1\","
                        + "\"request_id\":\"req-1\",\"retries\":1},\"http\":{\"response\":{\"status\":200}}}");
    }

    @Test
    void aServiceErrorIsAnErrorWithItsRemoteCause() throws Exception {
        EntityNotFoundException notFound = (EntityNotFoundException) EntityNotFoundException.builder()
                .message("Job nightly not found")
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("EntityNotFoundException")
                        .build())
                .build();

        Map<String, Object> document = JSON.std.mapFrom(SubsegmentDocument.toJson(TRACE, call(400, notFound), ids()));

        assertThat(document).containsEntry("error", true).doesNotContainKeys("fault", "throttle");
        assertThat(document.get("cause"))
                .isEqualTo(Map.of(
                        "exceptions",
                        List.of(Map.of(
                                "id",
                                "bbbbbbbbbbbbbbbb",
                                "type",
                                "EntityNotFoundException",
                                "message",
                                notFound.getMessage(),
                                "remote",
                                true))));
    }

    @Test
    void throttlingIsMarkedAsSuchAndServerErrorsAndLocalFailuresAreFaults() throws Exception {
        assertThat(JSON.std.mapFrom(SubsegmentDocument.toJson(TRACE, call(429, null), ids())))
                .containsEntry("error", true)
                .containsEntry("throttle", true)
                .doesNotContainKey("fault");
        assertThat(JSON.std.mapFrom(SubsegmentDocument.toJson(TRACE, call(503, null), ids())))
                .containsEntry("fault", true)
                .doesNotContainKeys("error", "throttle");

        Map<String, Object> noResponse = JSON.std.mapFrom(
                SubsegmentDocument.toJson(TRACE, call(null, SdkClientException.create("connect timed out")), ids()));
        assertThat(noResponse).containsEntry("fault", true).doesNotContainKey("http");
        assertThat(noResponse.get("cause").toString()).contains("remote=false", "type=SdkClientException");
    }
}
