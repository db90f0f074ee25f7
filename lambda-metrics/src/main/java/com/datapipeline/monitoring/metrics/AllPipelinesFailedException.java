package com.datapipeline.monitoring.metrics;

/** Thrown when no pipeline could be measured, so the invocation counts in Lambda's Errors metric. */
public final class AllPipelinesFailedException extends RuntimeException {

    private final transient MetricsSummary summary;

    public AllPipelinesFailedException(MetricsSummary summary) {
        super("all " + summary.pipelines().size() + " pipelines failed: "
                + summary.pipelines().stream()
                        .map(p -> p.pipeline() + " (" + p.error() + ")")
                        .toList());
        this.summary = summary;
    }

    public MetricsSummary summary() {
        return summary;
    }
}
