package com.datapipeline.monitoring.cdk.metrics;

import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.config.PipelineStages.GlueTable;
import com.datapipeline.monitoring.cdk.config.PipelineStages.S3Prefix;
import com.datapipeline.monitoring.cdk.pipeline.GlueArns;
import com.datapipeline.monitoring.contract.MetricsConfiguration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.IRole;
import software.amazon.awscdk.services.iam.PolicyStatement;

/**
 * What the metrics function may read to measure the declared outputs' age (OutputAgeSeconds), and how it is told
 * where they are: {@code glue:GetTable} and {@code glue:GetPartitions} on exactly the declared tables (and their
 * database and the account's catalog, which Glue authorizes too), and {@code s3:ListBucket} on each declared bucket
 * only for keys under the declared prefix ({@code s3:prefix} condition). Nothing is granted without a declared output.
 */
final class OutputReadGrants {
    private OutputReadGrants() {}

    /** The configuration keys of a pipeline's output, added to its entry of the function's configuration. */
    static void configure(MonitoredPipeline pipeline, Map<String, Object> entry) {
        pipeline.stages().output().ifPresent(output -> {
            switch (output.location()) {
                case GlueTable table ->
                    entry.put(MetricsConfiguration.OUTPUT_GLUE_TABLE, table.database() + "." + table.table());
                case S3Prefix prefix ->
                    entry.put(MetricsConfiguration.OUTPUT_S3_PREFIX, "s3://" + prefix.bucket() + "/" + prefix.prefix());
            }
        });
    }

    /** Grants the reads for every declared output of these pipelines. */
    static void grant(IRole role, Stack stack, List<MonitoredPipeline> pipelines) {
        List<PipelineStages.Location> outputs = pipelines.stream()
                .flatMap(pipeline -> pipeline.stages().output().stream())
                .map(PipelineStages.Output::location)
                .distinct()
                .toList();
        List<GlueTable> tables = outputs.stream()
                .filter(GlueTable.class::isInstance)
                .map(GlueTable.class::cast)
                .toList();
        if (!tables.isEmpty()) {
            Set<String> resources = new LinkedHashSet<>();
            resources.add(GlueArns.catalog(stack));
            for (GlueTable table : tables) {
                resources.add(GlueArns.database(stack, table.database()));
                resources.add(GlueArns.table(stack, table.database(), table.table()));
            }
            role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .sid("ReadDeclaredOutputTables")
                    .actions(List.of("glue:GetTable", "glue:GetPartitions"))
                    .resources(new ArrayList<>(resources))
                    .build());
        }
        int number = 0;
        for (PipelineStages.Location location : outputs) {
            if (location instanceof S3Prefix prefix) {
                role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                        .sid("ListDeclaredOutputPrefix" + number++)
                        .actions(List.of("s3:ListBucket"))
                        .resources(List.of(stack.formatArn(ArnComponents.builder()
                                .service("s3")
                                .region("")
                                .account("")
                                .resource(prefix.bucket())
                                .build())))
                        .conditions(Map.of("StringLike", Map.of("s3:prefix", List.of(prefix.prefix() + "*"))))
                        .build());
            }
        }
    }
}
