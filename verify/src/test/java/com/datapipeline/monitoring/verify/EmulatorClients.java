package com.datapipeline.monitoring.verify;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** Real SDK clients against the local emulator `make test` starts (moto behind tools/cbor_gateway.py). */
final class EmulatorClients {
    static final Region REGION = Region.US_EAST_1;
    static final String ACCOUNT = "123456789012";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));

    private EmulatorClients() {}

    static URI endpoint() {
        String endpoint = System.getenv("AWS_EMULATOR_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            fail(
                    "integration tests need the local AWS emulator: run `make test` (it starts it and sets AWS_EMULATOR_ENDPOINT)");
        }
        return URI.create(endpoint);
    }

    static <
                    B extends
                            software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
                                    & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>,
                    C>
            C build(B builder) {
        return builder.endpointOverride(endpoint())
                .region(REGION)
                .credentialsProvider(CREDENTIALS)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /**
     * The four clients; Logs answers DescribeQueryDefinitions from {@code savedQueries}, because moto 5.2.5 has no
     * query definitions at all (PutQueryDefinition and DescribeQueryDefinitions are unimplemented).
     */
    static AwsClients withRecordedQueryDefinitions(List<String> savedQueries) {
        return withRecordedAnswers(savedQueries, new RecordedCompositeAlarms.Store());
    }

    /** As {@link #withRecordedQueryDefinitions}, and CloudWatch keeps composite alarms in {@code composites} (moto has none). */
    static AwsClients withRecordedAnswers(List<String> savedQueries, RecordedCompositeAlarms.Store composites) {
        CloudWatchLogsClient logs = build(CloudWatchLogsClient.builder());
        return new AwsClients(
                new RecordedCompositeAlarms(build(CloudWatchClient.builder()), composites),
                new RecordedQueryDefinitions(logs, savedQueries),
                build(SnsClient.builder()),
                build(EventBridgeClient.builder()));
    }

    static GlueClient glue() {
        return build(GlueClient.builder());
    }

    /** Delegates to the emulator, except query definitions, answered in the shape AWS documents for them. */
    static final class RecordedQueryDefinitions implements CloudWatchLogsClient {
        private final CloudWatchLogsClient delegate;
        private final List<String> names;

        RecordedQueryDefinitions(CloudWatchLogsClient delegate, List<String> names) {
            this.delegate = delegate;
            this.names = List.copyOf(names);
        }

        @Override
        public DescribeQueryDefinitionsResponse describeQueryDefinitions(DescribeQueryDefinitionsRequest request) {
            List<QueryDefinition> found = new ArrayList<>();
            for (String name : names) {
                if (request.queryDefinitionNamePrefix() == null
                        || name.startsWith(request.queryDefinitionNamePrefix())) {
                    found.add(QueryDefinition.builder()
                            .name(name)
                            .queryDefinitionId("id-" + found.size())
                            .queryString("fields @timestamp")
                            .logGroupNames("/aws-glue/jobs/output")
                            .build());
                }
            }
            return DescribeQueryDefinitionsResponse.builder()
                    .queryDefinitions(found)
                    .build();
        }

        @Override
        public DescribeQueryDefinitionsResponse describeQueryDefinitions(
                Consumer<DescribeQueryDefinitionsRequest.Builder> request) {
            return describeQueryDefinitions(DescribeQueryDefinitionsRequest.builder()
                    .applyMutation(request)
                    .build());
        }

        @Override
        public FilterLogEventsResponse filterLogEvents(FilterLogEventsRequest request) {
            return delegate.filterLogEvents(request);
        }

        @Override
        public FilterLogEventsResponse filterLogEvents(Consumer<FilterLogEventsRequest.Builder> request) {
            return delegate.filterLogEvents(request);
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
