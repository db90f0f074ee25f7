package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import java.util.List;
import java.util.Optional;

/** Pipeline configurations for the collector tests. */
final class Pipelines {
    private Pipelines() {}

    /** Glue pipeline "orders" (job orders-etl) with the detailed metrics, no price, and the given stages. */
    static PipelineConfig orders(OutputLocation output, WorkflowWatch workflow) {
        return orders(output, workflow, List.of());
    }

    /** Glue pipeline "orders" (job orders-etl) with the detailed metrics, no price, and the given stages. */
    static PipelineConfig orders(OutputLocation output, WorkflowWatch workflow, List<String> triggers) {
        return new PipelineConfig(
                "orders",
                "orders-etl",
                MetricsSource.GLUE,
                null,
                null,
                null,
                true,
                Optional.empty(),
                output,
                null,
                null,
                true,
                workflow,
                triggers);
    }
}
