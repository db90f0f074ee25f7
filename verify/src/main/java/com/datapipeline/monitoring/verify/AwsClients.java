package com.datapipeline.monitoring.verify;

import java.util.Objects;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sns.SnsClient;

/** The four clients the check reads a deployment with. */
public record AwsClients(
        CloudWatchClient cloudWatch, CloudWatchLogsClient logs, SnsClient sns, EventBridgeClient eventBridge)
        implements AutoCloseable {

    public AwsClients {
        Objects.requireNonNull(cloudWatch, "cloudWatch");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(sns, "sns");
        Objects.requireNonNull(eventBridge, "eventBridge");
    }

    /**
     * Clients for the Region of the environment (AWS_REGION, then the profile), the default credential chain and
     * the url-connection HTTP client. The SDK itself honours AWS_ENDPOINT_URL (e.g. an emulator).
     */
    public static AwsClients fromEnvironment() {
        Region region = new DefaultAwsRegionProviderChain().getRegion();
        SdkHttpClient http = UrlConnectionHttpClient.create();
        return new AwsClients(
                CloudWatchClient.builder().region(region).httpClient(http).build(),
                CloudWatchLogsClient.builder().region(region).httpClient(http).build(),
                SnsClient.builder().region(region).httpClient(http).build(),
                EventBridgeClient.builder().region(region).httpClient(http).build());
    }

    @Override
    public void close() {
        cloudWatch.close();
        logs.close();
        sns.close();
        eventBridge.close();
    }
}
