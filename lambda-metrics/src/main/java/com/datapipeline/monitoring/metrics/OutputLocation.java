package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.MetricsConfiguration;
import java.util.Objects;

/**
 * Where a pipeline's declared output lives, as the app writes it into the configuration
 * ({@link MetricsConfiguration#OUTPUT_GLUE_TABLE} or
 * {@link MetricsConfiguration#OUTPUT_S3_PREFIX}); its age is OutputAgeSeconds.
 */
public sealed interface OutputLocation {

    /** What the page and the function's log call it. */
    String describe();

    /** A Glue Data Catalog table: its newest partition or its own last update. */
    record GlueTable(String database, String table) implements OutputLocation {
        public GlueTable {
            Objects.requireNonNull(database, "database");
            Objects.requireNonNull(table, "table");
        }

        @Override
        public String describe() {
            return "Glue table " + database + "." + table;
        }
    }

    /** The objects under an S3 prefix: the newest one's LastModified. */
    record S3Prefix(String bucket, String prefix) implements OutputLocation {
        public S3Prefix {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(prefix, "prefix");
        }

        @Override
        public String describe() {
            return "s3://" + bucket + "/" + prefix;
        }
    }

    /** Reads {@code database.table}; empty when it is not one. */
    static java.util.Optional<OutputLocation> glueTable(String text) {
        var matcher = MetricsConfiguration.GLUE_TABLE_FORM.matcher(text.trim());
        return matcher.matches()
                ? java.util.Optional.of(new GlueTable(matcher.group(1), matcher.group(2)))
                : java.util.Optional.empty();
    }

    /** Reads {@code s3://bucket/prefix/}; empty when it is not one. */
    static java.util.Optional<OutputLocation> s3Prefix(String text) {
        var matcher = MetricsConfiguration.S3_PREFIX_FORM.matcher(text.trim());
        return matcher.matches()
                ? java.util.Optional.of(new S3Prefix(matcher.group(1), matcher.group(2)))
                : java.util.Optional.empty();
    }
}
