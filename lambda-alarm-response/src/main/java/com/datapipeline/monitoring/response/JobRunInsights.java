package com.datapipeline.monitoring.response;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Reads a failed run's root cause from AWS Glue job run insights ({@code --enable-job-insights true}): the
 * exception analysis stream {@code <run id>-job-insights-rca-driver}, whose events carry a JSON object after
 * {@code [Glue Exception Analysis]} with a {@code "Failure Reason"}. Glue 5.0 writes the stream to
 * {@code /aws-glue/jobs/error}, Glue 4.0 and earlier to {@code /aws-glue/jobs/logs-v2}, so the groups are tried in
 * order; a group or stream that does not exist (insights off, or the run wrote no exception) gives nothing.
 *
 * @see <a href="https://docs.aws.amazon.com/glue/latest/dg/monitor-job-insights.html">job run insights</a>
 */
public final class JobRunInsights implements RootCauseReader {

    /** Suffix of the exception analysis stream after the run id. */
    public static final String STREAM_SUFFIX = "-job-insights-rca-driver";

    static final String FAILURE_REASON = "Failure Reason";
    // The stream is concise by design; a run's exception events fit in one page.
    static final int MAX_EVENTS = 100;
    /** A traceback can be long; the classifier and the page need its gist. */
    static final int MAX_REASON_LENGTH = 2_000;

    private final CloudWatchLogsClient logs;
    private final List<String> logGroups;

    public JobRunInsights(CloudWatchLogsClient logs, List<String> logGroups) {
        this.logs = logs;
        this.logGroups = List.copyOf(logGroups);
    }

    @Override
    public List<String> rootCause(String runId) {
        for (String group : logGroups) {
            FilterLogEventsResponse response;
            try {
                response = logs.filterLogEvents(request -> request.logGroupName(group)
                        .logStreamNames(runId + STREAM_SUFFIX)
                        .limit(MAX_EVENTS));
            } catch (ResourceNotFoundException e) {
                continue;
            } catch (SdkException e) {
                // The root cause only sharpens the class; a run whose insights cannot be read is classified by its
                // error message, rather than failing the whole response.
                return List.of();
            }
            List<String> reasons = reasons(
                    response.events().stream().map(FilteredLogEvent::message).toList());
            if (!reasons.isEmpty()) {
                return reasons;
            }
        }
        return List.of();
    }

    /** The distinct "Failure Reason" values of the stream's analysis events, in the stream's order. */
    static List<String> reasons(List<String> messages) {
        Set<String> reasons = new LinkedHashSet<>();
        for (String message : messages) {
            int start = message == null ? -1 : message.indexOf('{');
            if (start < 0 || !message.contains(FAILURE_REASON)) {
                continue;
            }
            try {
                Object reason = JSON.std.mapFrom(message.substring(start)).get(FAILURE_REASON);
                if (reason instanceof String text && !text.isBlank()) {
                    reasons.add(text.length() > MAX_REASON_LENGTH ? text.substring(0, MAX_REASON_LENGTH) : text);
                }
            } catch (IOException e) {
                // Not the analysis JSON after all: the stream may also hold plain Spark log lines.
            }
        }
        return new ArrayList<>(reasons);
    }
}
