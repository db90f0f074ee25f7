package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.lambda.LambdaSdkClients;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * OutputAgeSeconds from real Glue catalog and S3 calls (GetTable, GetPartitions, ListObjectsV2 with paging) against
 * the local AWS API emulator, through the handler's own wiring.
 */
class OutputFreshnessIT {

    private static LambdaSdkClients clients;
    private static GlueClient glue;
    private static S3Client s3;

    @BeforeAll
    static void connectToEmulator() {
        clients = EmulatorClients.connect();
        glue = clients.build(GlueClient.builder());
        s3 = clients.build(S3Client.builder().forcePathStyle(true));
    }

    @AfterAll
    static void closeClients() {
        if (glue != null) {
            glue.close();
            s3.close();
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aGlueTablesAgeComesFromItsNewestPartition() {
        String database = unique("it_curated").replace('-', '_');
        String table = "orders";
        glue.createDatabase(r -> r.databaseInput(d -> d.name(database)));
        glue.createTable(r -> r.databaseName(database)
                .tableInput(t -> t.name(table).partitionKeys(k -> k.name("day").type("string"))));
        for (String day : List.of("2026-11-28", "2026-11-29")) {
            glue.createPartition(r -> r.databaseName(database)
                    .tableName(table)
                    .partitionInput(p ->
                            p.values(day).storageDescriptor(s -> s.location("s3://lake/orders/day=" + day + "/"))));
        }
        Instant after = Instant.now();

        Instant newest = new AwsOutputUpdateSource(glue, s3)
                .newestUpdate(new OutputLocation.GlueTable(database, table))
                .orElseThrow();

        assertThat(newest).isBetween(after.minus(Duration.ofMinutes(2)), after.plusSeconds(1));
    }

    @Test
    void anS3PrefixsAgeComesFromItsNewestObjectUnderThePrefixOnly() {
        String bucket = unique("it-lake");
        s3.createBucket(r -> r.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("elsewhere/x.parquet"), RequestBody.fromString("x"));
        for (int i = 0; i < 3; i++) {
            int part = i;
            s3.putObject(
                    r -> r.bucket(bucket).key("orders/part-" + part + ".parquet"), RequestBody.fromString("p" + part));
        }
        Instant after = Instant.now();

        var source = new AwsOutputUpdateSource(glue, s3);

        assertThat(source.newestUpdate(new OutputLocation.S3Prefix(bucket, "orders/")))
                .hasValueSatisfying(newest ->
                        assertThat(newest).isBetween(after.minus(Duration.ofMinutes(2)), after.plusSeconds(1)));
        assertThat(source.newestUpdate(new OutputLocation.S3Prefix(bucket, "nothing-here/")))
                .isEmpty();
        assertThatThrownBy(() -> source.newestUpdate(new OutputLocation.S3Prefix(unique("it-absent"), "x/")))
                .hasMessageContaining("bucket does not exist");
    }

    @Test
    void theHandlerPublishesOutputAgeSecondsForAPipelineWithADeclaredOutput() {
        String jobName = unique("it-fresh");
        glue.createJob(r -> r.name(jobName)
                .role("arn:aws:iam::123456789012:role/GlueJobRole")
                .command(c -> c.name("glueetl").scriptLocation("s3://scripts/" + jobName + ".py"))
                .glueVersion("5.0"));
        String bucket = unique("it-out");
        s3.createBucket(r -> r.bucket(bucket));
        s3.putObject(r -> r.bucket(bucket).key("daily/part-0.parquet"), RequestBody.fromString("rows"));
        MetricsConfig config = MetricsConfig.parse("""
                {"lookbackMinutes":1440,"intervalMinutes":5,"pipelines":[
                  {"name":"fresh","jobName":"%s","source":"glue","outputS3Prefix":"s3://%s/daily/"},
                  {"name":"stale","jobName":"%s","source":"glue","outputGlueTable":"no_such_db.orders"}]}""".formatted(jobName, bucket, jobName));
        List<String> stdout = new ArrayList<>();

        new PipelineMetricsHandler(config, clients, Clock.systemUTC(), new SplittableRandom(1), stdout::add)
                .handleRequest(java.util.Map.of(), null);

        List<JsonNode> lines = stdout.stream()
                .filter(EmfLines::isEmf)
                .map(EmfLines::assertValid)
                .toList();
        JsonNode fresh = lines.stream()
                .filter(l -> l.path(CustomMetric.PIPELINE_DIMENSION).asText().equals("fresh"))
                .findFirst()
                .orElseThrow();
        assertThat(fresh.path(CustomMetric.OUTPUT_AGE_SECONDS.metricName()).asDouble())
                .isBetween(0.0, 120.0);
        JsonNode stale = lines.stream()
                .filter(l -> l.path(CustomMetric.PIPELINE_DIMENSION).asText().equals("stale"))
                .findFirst()
                .orElseThrow();
        assertThat(stale.has(CustomMetric.OUTPUT_AGE_SECONDS.metricName())).isFalse();
        assertThat(stale.path(CustomMetric.COLLECTION_ERRORS.metricName()).asDouble())
                .isZero();
        assertThat(stdout)
                .anySatisfy(l -> assertThat(l).contains("OutputAgeSeconds").contains("no_such_db.orders"));
    }
}
