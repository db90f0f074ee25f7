package com.datapipeline.monitoring.lambda;

import com.datapipeline.monitoring.lambda.tracing.SdkCallTracing;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * How both functions build their SDK clients, once per container: explicit region (no region lookup chain), the
 * light url-connection HTTP client, standard retries, and the X-Ray subsegment per call when tracing is on.
 *
 * @param region        the region to call
 * @param credentials   where credentials come from
 * @param endpoint      an endpoint override (the local emulator in integration tests), or null for AWS
 * @param interceptors  added to every client, in order (the SDK call tracing, or none)
 */
public record LambdaSdkClients(
        Region region, AwsCredentialsProvider credentials, URI endpoint, List<ExecutionInterceptor> interceptors) {

    public LambdaSdkClients {
        interceptors = List.copyOf(interceptors);
    }

    /** Clients for the Lambda environment: region from {@code AWS_REGION}, tracing as the CDK app set it. */
    public static LambdaSdkClients fromLambdaEnvironment() {
        String region = System.getenv("AWS_REGION");
        if (region == null || region.isBlank()) {
            throw new IllegalStateException("environment variable AWS_REGION is not set; Lambda sets it");
        }
        // Lambda puts the role's credentials in environment variables; reading them skips the default chain's
        // probing. Under SnapStart they come from the container endpoint instead, which the default chain covers.
        AwsCredentialsProvider credentials = System.getenv("AWS_ACCESS_KEY_ID") != null
                        && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
        return new LambdaSdkClients(
                Region.of(region), credentials, null, SdkCallTracing.fromEnvironment(System::getenv));
    }

    /** Builds a client of any service with the same region, credentials, HTTP client, retries and endpoint. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        ClientOverrideConfiguration.Builder overrides =
                ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD);
        interceptors.forEach(overrides::addExecutionInterceptor);
        builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides.build());
        builder.httpClientBuilder(UrlConnectionHttpClient.builder());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
