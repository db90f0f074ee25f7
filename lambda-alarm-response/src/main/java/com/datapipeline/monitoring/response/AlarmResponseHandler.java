package com.datapipeline.monitoring.response;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Lambda entry point, subscribed to the {@code data-pipeline-alerts} topic. Thin: takes each SNS record's message
 * to {@link AlarmResponder}. Throwing (only on AWS failures) makes Lambda retry the async invocation and finally
 * send it to the on-failure destination.
 */
public final class AlarmResponseHandler implements RequestHandler<SNSEvent, Void> {

    public static final String CONFIG_VARIABLE = "RESPONSE_CONFIG";
    public static final String REGION_VARIABLE = "AWS_REGION";

    private final AlarmResponder responder;

    /** Used by Lambda once per container: one Glue client and one parsed config for all invocations. */
    public AlarmResponseHandler() {
        this(new AlarmResponder(
                ResponseConfig.parse(requiredConfiguration()),
                glueClient(requiredEnv(REGION_VARIABLE)),
                Clock.systemUTC(),
                new JsonLineDecisionLog(System.out)));
    }

    public AlarmResponseHandler(AlarmResponder responder) {
        this.responder = responder;
    }

    @Override
    public Void handleRequest(SNSEvent event, Context context) {
        List<SNSEvent.SNSRecord> records = event == null ? null : event.getRecords();
        if (records == null || records.isEmpty()) {
            responder.malformedEnvelope("SNS event has no Records");
            return null;
        }
        for (SNSEvent.SNSRecord record : records) {
            if (record == null || record.getSNS() == null) {
                responder.malformedEnvelope("SNS record has no Sns object");
                continue;
            }
            responder.respond(record.getSNS().getMessage());
        }
        return null;
    }

    /**
     * The container's Glue client: explicit region, credentials from the environment, the light URL-connection
     * HTTP client, standard retries.
     */
    static GlueClient glueClient(String region) {
        return GlueClient.builder()
                .region(Region.of(region))
                .credentialsProvider(lambdaCredentials())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(RetryMode.STANDARD))
                .build();
    }

    /**
     * Lambda puts the role's credentials in environment variables; reading them directly skips building and
     * probing the default chain at cold start. Under SnapStart they come from the container endpoint instead,
     * which the default chain covers.
     */
    static AwsCredentialsProvider lambdaCredentials() {
        return System.getenv("AWS_ACCESS_KEY_ID") != null && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null
                ? EnvironmentVariableCredentialsProvider.create()
                : DefaultCredentialsProvider.builder().build();
    }

    private static String requiredConfiguration() {
        String json = ConfigurationText.read(CONFIG_VARIABLE, System::getenv);
        if (json == null || json.isBlank()) {
            throw new IllegalStateException("neither " + CONFIG_VARIABLE + "_FILE nor " + CONFIG_VARIABLE
                    + " is set; the CDK app sets them");
        }
        return json;
    }

    private static String requiredEnv(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set; the CDK app sets it");
        }
        return value;
    }
}
