package com.datapipeline.monitoring.metrics;

import static org.junit.jupiter.api.Assertions.fail;

import com.datapipeline.monitoring.lambda.LambdaSdkClients;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/** The function's SDK client wiring pointed at the local AWS API emulator, for the integration tests. */
final class EmulatorClients {
    private EmulatorClients() {}

    static LambdaSdkClients connect() {
        String endpoint = System.getenv("AWS_EMULATOR_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            fail("integration tests need the local AWS emulator: run `make test` "
                    + "(or set AWS_EMULATOR_ENDPOINT, e.g. http://127.0.0.1:5101)");
        }
        return new LambdaSdkClients(
                Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                URI.create(endpoint),
                List.of());
    }
}
