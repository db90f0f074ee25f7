package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.contract.CustomMetric;
import java.util.EnumMap;
import java.util.Map;

/** The metrics this function writes; names and units are the contract's {@link CustomMetric}. */
public enum PipelineMetric {
    DATA_QUALITY_SCORE(CustomMetric.DATA_QUALITY_SCORE),
    ERROR_RATE(CustomMetric.ERROR_RATE),
    PROCESSING_LATENCY(CustomMetric.PROCESSING_LATENCY),
    RECORDS_PROCESSED(CustomMetric.RECORDS_PROCESSED),
    SECONDS_SINCE_LAST_SUCCESS(CustomMetric.SECONDS_SINCE_LAST_SUCCESS),
    LONGEST_RUNNING_SECONDS(CustomMetric.LONGEST_RUNNING_SECONDS),
    /** Written by {@link OutputFreshnessCollector} for a pipeline that declares an output. */
    OUTPUT_AGE_SECONDS(CustomMetric.OUTPUT_AGE_SECONDS),
    /** Written by {@link GlueMetricsCollector} for a pipeline with a price per DPU-hour. */
    DPU_HOURS(CustomMetric.DPU_HOURS),
    /** Written with {@link #DPU_HOURS}. */
    RUN_COST_USD(CustomMetric.RUN_COST_USD),
    /** Written by {@link GlueMetricsCollector} for a pipeline with a monthly budget. */
    PROJECTED_MONTHLY_COST_USD(CustomMetric.PROJECTED_MONTHLY_COST_USD),
    /** Written by {@link WorkflowRunCollector} for a pipeline with a workflow stage. */
    WORKFLOW_RUN_FAILED(CustomMetric.WORKFLOW_RUN_FAILED),
    /** Written by {@link TriggerStateCollector} for a pipeline with trigger stages. */
    TRIGGER_DEACTIVATED(CustomMetric.TRIGGER_DEACTIVATED),
    /** Written by {@link EmfFormatter} from the pipeline's outcome, never by a collector. */
    COLLECTION_ERRORS(CustomMetric.COLLECTION_ERRORS),
    /** Written by {@link PipelineMetricsPublisher} from the pipeline's thresholds, never by a collector. */
    BREACH(CustomMetric.BREACH);

    private final CustomMetric metric;

    /**
     * The values of {@code measured} a pipeline without detailed metrics publishes beside Breach: the cost metrics,
     * which its price per DPU-hour and its budget ask for (the budget's bit stands for the breach, not for the graph).
     */
    static Map<PipelineMetric, Double> withoutDetailedMetrics(Map<PipelineMetric, Double> measured) {
        Map<PipelineMetric, Double> kept = new EnumMap<>(PipelineMetric.class);
        measured.forEach((metric, value) -> {
            if (metric == DPU_HOURS || metric == RUN_COST_USD || metric == PROJECTED_MONTHLY_COST_USD) {
                kept.put(metric, value);
            }
        });
        return kept;
    }

    PipelineMetric(CustomMetric metric) {
        this.metric = metric;
    }

    /** The CloudWatch metric name, e.g. {@code "ErrorRate"}. */
    public String metricName() {
        return metric.metricName();
    }

    /** The CloudWatch unit string, e.g. {@code "Percent"}. */
    public String unit() {
        return metric.unit();
    }
}
