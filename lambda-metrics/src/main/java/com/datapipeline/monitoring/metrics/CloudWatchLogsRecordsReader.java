package com.datapipeline.monitoring.metrics;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;

/**
 * Reads N from the Glue job's final line {@code Job completed successfully. Processed N records.} with
 * CloudWatch Logs {@code FilterLogEvents}. Glue writes print() output to {@code /aws-glue/jobs/output} in a
 * stream named by the run id (Glue 4.0) or {@code <runId>-driver} (Glue 5.x), so the run id is the stream
 * prefix.
 */
public final class CloudWatchLogsRecordsReader implements RecordsLogReader {

    static final String FILTER_PATTERN = "\"Job completed successfully\"";
    static final Pattern RECORDS_LINE = Pattern.compile("Job completed successfully\\. Processed (\\d+) records");

    private final CloudWatchLogsClient logs;

    public CloudWatchLogsRecordsReader(CloudWatchLogsClient logs) {
        this.logs = logs;
    }

    @Override
    public OptionalLong recordsProcessed(String logGroup, JobRun run) {
        OptionalLong latest = OptionalLong.empty();
        long latestTimestamp = Long.MIN_VALUE;
        String nextToken = null;
        do {
            FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder()
                    .logGroupName(logGroup)
                    .logStreamNamePrefix(run.id())
                    .filterPattern(FILTER_PATTERN)
                    .nextToken(nextToken);
            if (run.startedOn() != null) {
                request.startTime(run.startedOn().toEpochMilli());
            }
            FilterLogEventsResponse page = logs.filterLogEvents(request.build());
            for (FilteredLogEvent event : page.events()) {
                // Guards against a service (or emulator) that ignores the stream prefix.
                if (event.logStreamName() != null && !event.logStreamName().startsWith(run.id())) {
                    continue;
                }
                OptionalLong records = parseRecords(event.message());
                long timestamp = event.timestamp() == null ? Long.MIN_VALUE : event.timestamp();
                if (records.isPresent() && timestamp >= latestTimestamp) {
                    latest = records;
                    latestTimestamp = timestamp;
                }
            }
            nextToken = page.nextToken();
        } while (nextToken != null && !nextToken.isEmpty());
        return latest;
    }

    /** N from a {@code Job completed successfully. Processed N records.} line, empty for any other text. */
    static OptionalLong parseRecords(String message) {
        if (message == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = RECORDS_LINE.matcher(message);
        if (!matcher.find()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }
}
