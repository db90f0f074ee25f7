package com.datapipeline.monitoring.metrics;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Builds the SDK clients the function uses, once per container: explicit region (no region lookup chain),
 * the light url-connection HTTP client, standard retries.
 *
 * @param region        the region to call
 * @param credentials   where credentials come from
 * @param endpoint      an endpoint override (the local emulator in integration tests), or null for AWS
 */
public record AwsClients(Region region, AwsCredentialsProvider credentials, URI endpoint) {

    /** Clients for the Lambda environment: region from {@code AWS_REGION}. */
    public static AwsClients fromLambdaEnvironment() {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("AWS_REGION is not set");
        }
        // Lambda puts the role's credentials in environment variables; reading them skips the default chain's
        // probing. Under SnapStart they come from the container endpoint instead, which the default chain covers.
        AwsCredentialsProvider credentials = System.getenv("AWS_ACCESS_KEY_ID") != null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
        return new AwsClients(Region.of(region), credentials, null);
    }

    public GlueClient glue() {
        return configured(GlueClient.builder());
    }

    public CloudWatchLogsClient logs() {
        return configured(CloudWatchLogsClient.builder());
    }

    /** The same region, credentials, HTTP client, retries and endpoint for every client. */
    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C configured(B builder) {
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides());
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build();
    }
}
