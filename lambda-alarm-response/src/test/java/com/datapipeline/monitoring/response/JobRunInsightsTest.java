package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

class JobRunInsightsTest {

    private static final String REASON =
            "Traceback (most recent call last):\n  File \"/tmp/job.py\", line 21, in <module>\n"
                    + "ModuleNotFoundError: No module named 'tensorflow'";

    /** The exception analysis event Glue writes to the stream, around a failure reason. */
    static String analysisEvent(String failureReason) throws IOException {
        return "ERROR GlueExceptionAnalysisListener: [Glue Exception Analysis] "
                + JSON.std.asString(Map.of(
                        "Event",
                        "GlueExceptionAnalysisJobFailed",
                        "Timestamp",
                        1764032523000L,
                        JobRunInsights.FAILURE_REASON,
                        failureReason,
                        "Last Executed Line number",
                        24));
    }

    private static final class FakeLogs implements CloudWatchLogsClient {
        final List<FilterLogEventsRequest> requests = new ArrayList<>();
        final Map<String, List<String>> byGroup;
        RuntimeException failure;

        FakeLogs(Map<String, List<String>> byGroup) {
            this.byGroup = byGroup;
        }

        @Override
        public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest request) {
            requests.add(request);
            if (failure != null) {
                throw failure;
            }
            List<String> messages = byGroup.get(request.logGroupName());
            if (messages == null) {
                throw ResourceNotFoundException.builder()
                        .message("The specified log group does not exist.")
                        .build();
            }
            return FilterLogEventsResponse.builder()
                    .events(messages.stream()
                            .map(m -> FilteredLogEvent.builder().message(m).build())
                            .toList())
                    .build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {}
    }

    @Test
    void readsTheFailureReasonOfTheRunsAnalysisStreamFromTheFirstGroupThatHasIt() throws IOException {
        FakeLogs logs = new FakeLogs(Map.of(
                "/aws-glue/jobs/error",
                List.of("INFO some plain Spark line", analysisEvent(REASON), analysisEvent(REASON))));

        List<String> causes =
                new JobRunInsights(logs, List.of("/aws-glue/jobs/logs-v2", "/aws-glue/jobs/error")).rootCause("jr_abc");

        assertThat(causes).containsExactly(REASON);
        assertThat(logs.requests)
                .extracting(FilterLogEventsRequest::logGroupName)
                .containsExactly("/aws-glue/jobs/logs-v2", "/aws-glue/jobs/error");
        assertThat(logs.requests.get(1).logStreamNames()).containsExactly("jr_abc-job-insights-rca-driver");
    }

    @Test
    void noInsightsStreamOrAnUnreadableOneGivesNothing() {
        assertThat(new JobRunInsights(new FakeLogs(Map.of()), List.of("/aws-glue/jobs/error")).rootCause("jr_abc"))
                .isEmpty();
        FakeLogs denied = new FakeLogs(Map.of());
        denied.failure = CloudWatchLogsException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .build())
                .message("not authorized")
                .build();
        assertThat(new JobRunInsights(denied, List.of("/aws-glue/jobs/error")).rootCause("jr_abc"))
                .isEmpty();
    }

    @Test
    void longReasonsAreCutAndLinesWithoutTheAnalysisJsonAreSkipped() throws IOException {
        String longReason = "x".repeat(5_000);

        assertThat(JobRunInsights.reasons(List.of("{not json \"Failure Reason\"", analysisEvent(longReason))))
                .singleElement()
                .satisfies(reason -> assertThat(reason).hasSize(JobRunInsights.MAX_REASON_LENGTH));
    }
}
