package com.datapipeline.monitoring.metrics;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link OutputUpdateSource} over Glue's {@code GetTable} and {@code GetPartitions} (without column schemas, to keep
 * the pages small) and S3's {@code ListObjectsV2}. Neither API sorts by time, so every page is read: one call per
 * 1,000 partitions or objects per run of the function. An output with millions of partitions or objects under its
 * prefix should declare a narrower prefix or table.
 */
public final class AwsOutputUpdateSource implements OutputUpdateSource {

    private final GlueClient glue;
    private final S3Client s3;

    public AwsOutputUpdateSource(GlueClient glue, S3Client s3) {
        this.glue = Objects.requireNonNull(glue, "glue");
        this.s3 = Objects.requireNonNull(s3, "s3");
    }

    @Override
    public Optional<Instant> newestUpdate(OutputLocation output) {
        return switch (output) {
            case OutputLocation.GlueTable table -> newestTableUpdate(table);
            case OutputLocation.S3Prefix prefix -> newestObject(prefix);
        };
    }

    private Optional<Instant> newestTableUpdate(OutputLocation.GlueTable location) {
        Table table = glue.getTable(r -> r.databaseName(location.database()).name(location.table()))
                .table();
        Stream<Instant> partitions = glue
                .getPartitionsPaginator(r -> r.databaseName(location.database())
                        .tableName(location.table())
                        .excludeColumnSchema(true))
                .stream()
                .flatMap(page -> page.partitions().stream())
                .map(Partition::creationTime);
        // A table without partitions changes only through UpdateTable (a crawler, a job's catalog update).
        return Stream.concat(Stream.of(table.updateTime(), table.createTime()), partitions)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }

    private Optional<Instant> newestObject(OutputLocation.S3Prefix location) {
        return s3.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(location.prefix())).contents().stream()
                .map(S3Object::lastModified)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder());
    }
}
