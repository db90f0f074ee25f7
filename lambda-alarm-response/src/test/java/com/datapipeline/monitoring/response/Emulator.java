package com.datapipeline.monitoring.response;

import static org.junit.jupiter.api.Assertions.fail;

import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.lambda.LambdaSdkClients;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The local AWS API emulator (moto) that `make test` starts: its clients and a fresh ledger table. */
final class Emulator {

    private Emulator() {}

    static String endpoint() {
        String endpoint = System.getenv("AWS_EMULATOR_ENDPOINT");
        if (endpoint == null || endpoint.isBlank()) {
            fail("integration tests need the local AWS emulator: run `make test` (AWS_EMULATOR_ENDPOINT is not set)");
        }
        return endpoint;
    }

    /** Clients built as the function builds them, for the emulator (or any other URL) instead of AWS. */
    static LambdaSdkClients clients(String url) {
        return new LambdaSdkClients(
                Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                URI.create(url),
                List.of());
    }

    /** Creates a ledger table as the CDK app does (pk String, TTL on expiresAt), with a name of its own. */
    static String createLedgerTable(DynamoDbClient dynamo) {
        String table = "it-ledger-" + UUID.randomUUID().toString().substring(0, 8);
        dynamo.createTable(request -> request.tableName(table)
                .attributeDefinitions(
                        a -> a.attributeName(ResponseConfiguration.LEDGER_KEY).attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName(ResponseConfiguration.LEDGER_KEY).keyType(KeyType.HASH))
                .billingMode("PAY_PER_REQUEST"));
        dynamo.updateTimeToLive(request -> request.tableName(table)
                .timeToLiveSpecification(
                        ttl -> ttl.enabled(true).attributeName(ResponseConfiguration.LEDGER_EXPIRES_AT)));
        return table;
    }
}
