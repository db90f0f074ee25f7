package com.datapipeline.monitoring.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** In-memory stand-ins for the SDK clients and the clock, for the unit tests of the pure parts. */
final class Fakes {
    private Fakes() {}

    /** A clock that only moves when the sleeper sleeps. */
    static final class ManualClock extends Clock {
        private Instant now;

        ManualClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        Sleeper sleeper() {
            return this::advance;
        }
    }

    static final class CloudWatch implements CloudWatchClient {
        final List<SetAlarmStateRequest> stateChanges = new ArrayList<>();
        Function<GetMetricDataRequest, GetMetricDataResponse> metricData =
                r -> GetMetricDataResponse.builder().build();
        Function<SetAlarmStateRequest, SetAlarmStateResponse> setAlarmState =
                r -> SetAlarmStateResponse.builder().build();
        Function<DescribeAlarmsRequest, DescribeAlarmsResponse> describeAlarms =
                r -> DescribeAlarmsResponse.builder().build();
        final List<DescribeAlarmsRequest> describeRequests = new ArrayList<>();

        @Override
        public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
            describeRequests.add(request);
            return describeAlarms.apply(request);
        }

        @Override
        public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest request) {
            stateChanges.add(request);
            return setAlarmState.apply(request);
        }

        @Override
        public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
            return metricData.apply(request);
        }

        @Override
        public String serviceName() {
            return "monitoring";
        }

        @Override
        public void close() {}
    }

    static final class Logs implements CloudWatchLogsClient {
        final List<FilteredLogEvent> events = new ArrayList<>();
        final List<String> savedQueries = new ArrayList<>();
        int filterCalls;
        Runnable onFilter = () -> {};

        void log(Instant at, String message) {
            events.add(FilteredLogEvent.builder()
                    .timestamp(at.toEpochMilli())
                    .message(message)
                    .build());
        }

        @Override
        public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest request) {
            filterCalls++;
            onFilter.run();
            return FilterLogEventsResponse.builder()
                    .events(events.stream()
                            .filter(e -> request.startTime() == null || e.timestamp() >= request.startTime())
                            .toList())
                    .build();
        }

        /** The shape AWS documents for DescribeQueryDefinitions (moto does not implement it). */
        @Override
        public DescribeQueryDefinitionsResponse describeQueryDefinitions(DescribeQueryDefinitionsRequest request) {
            return DescribeQueryDefinitionsResponse.builder()
                    .queryDefinitions(savedQueries.stream()
                            .filter(name -> name.startsWith(request.queryDefinitionNamePrefix()))
                            .map(name -> software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition.builder()
                                    .queryDefinitionId("0f7b1c2d-" + name.length())
                                    .name(name)
                                    .queryString("fields @timestamp, @message | sort @timestamp desc | limit 20")
                                    .lastModified(1_764_000_000_000L)
                                    .logGroupNames("/aws-glue/jobs/output")
                                    .build())
                            .toList())
                    .build();
        }

        @Override
        public String serviceName() {
            return "logs";
        }

        @Override
        public void close() {}
    }

    static AwsClients clients(CloudWatch cloudWatch, Logs logs) {
        return new AwsClients(
                cloudWatch,
                logs,
                new SnsClient() {
                    @Override
                    public String serviceName() {
                        return "sns";
                    }

                    @Override
                    public void close() {}
                },
                new EventBridgeClient() {
                    @Override
                    public String serviceName() {
                        return "events";
                    }

                    @Override
                    public void close() {}
                });
    }
}
