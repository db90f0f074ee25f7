package com.datapipeline.monitoring.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The failure modes of a pipeline's one-alarm page, one bit each. The value a page alarm shows (its state reason's
 * datum) is the sum of the bits of the modes that breached, so the page itself says which mode fired.
 *
 * <p>The metrics function sets the bits it measures ({@link Source#METRICS_FUNCTION}) in the pipeline's {@link
 * CustomMetric#BREACH} metric, comparing its measurements with the thresholds the app sends ({@link
 * MetricsConfiguration#BREACH_THRESHOLDS}); the page alarm's metric math adds the bits of the signals CloudWatch has
 * already ({@link Source#PAGE_EXPRESSION}: the event history's counts and the Glue job metrics).
 */
public enum BreachBit {
    DURATION(0, "duration", Source.METRICS_FUNCTION, MetricsConfiguration.DURATION_SECONDS),
    STUCK_RUN(1, "run stuck", Source.METRICS_FUNCTION, MetricsConfiguration.STUCK_SECONDS),
    MISSED_RUN(2, "run missed", Source.METRICS_FUNCTION, MetricsConfiguration.MISSED_RUN_SECONDS),
    ERROR_RATE(3, "error rate", Source.METRICS_FUNCTION, MetricsConfiguration.ERROR_RATE_PERCENT),
    LATENCY(4, "latency", Source.METRICS_FUNCTION, MetricsConfiguration.LATENCY_SECONDS),
    DATA_QUALITY(5, "data quality", Source.METRICS_FUNCTION, MetricsConfiguration.DATA_QUALITY_PERCENT),
    LOW_THROUGHPUT(6, "low throughput", Source.METRICS_FUNCTION, MetricsConfiguration.MIN_RECORDS_PER_SECOND),
    /**
     * Two failed collections in a row; then it is the only bit the function sets (nothing else was measured), which
     * keeps a failed collection apart from a measured breach.
     */
    COLLECTION_FAILED(7, "metrics collection broken", Source.METRICS_FUNCTION),
    RUN_FAILED(8, "run failed", Source.PAGE_EXPRESSION),
    STUCK_RUN_EVENT(9, "run stuck (Glue event)", Source.PAGE_EXPRESSION),
    FAILED_TASKS(10, "failed tasks", Source.PAGE_EXPRESSION),
    HEAP(11, "heap", Source.PAGE_EXPRESSION),
    SKEW(12, "skew", Source.PAGE_EXPRESSION),
    EXECUTOR_DISK(13, "executor disk", Source.PAGE_EXPRESSION),
    EXECUTOR_MEMORY(14, "executor memory", Source.PAGE_EXPRESSION),
    /**
     * The month's projected cost of the pipeline's runs ({@link CustomMetric#PROJECTED_MONTHLY_COST_USD}) is above its
     * monthly budget; a warning, not a failure.
     */
    OVER_BUDGET(15, "over budget", Source.METRICS_FUNCTION, MetricsConfiguration.MONTHLY_BUDGET_USD),
    /**
     * The pipeline's Glue workflow's newest finished run failed, or a run is RUNNING past the stuck-run threshold
     * ({@link CustomMetric#WORKFLOW_RUN_FAILED} is 1); set for every pipeline with {@link
     * MetricsConfiguration#WORKFLOW_NAME}.
     */
    WORKFLOW_RUN_FAILED(16, "workflow run failed", Source.METRICS_FUNCTION, MetricsConfiguration.WORKFLOW_RUN_FAILED),
    /**
     * One of the pipeline's declared Glue triggers is DEACTIVATED or DEACTIVATING, or no longer exists ({@link
     * CustomMetric#TRIGGER_DEACTIVATED} is 1); set for every pipeline with {@link MetricsConfiguration#TRIGGER_NAMES}.
     */
    TRIGGER_DEACTIVATED(17, "trigger deactivated", Source.METRICS_FUNCTION, MetricsConfiguration.TRIGGER_DEACTIVATED);

    /** Who sets a bit. */
    public enum Source {
        /** DataPipelineMetricsFunction, in the pipeline's Breach metric. */
        METRICS_FUNCTION,
        /** The page alarm's metric math, from a metric CloudWatch has already. */
        PAGE_EXPRESSION
    }

    private final int bit;
    private final String mode;
    private final Source source;
    private final String thresholdKey;

    BreachBit(int bit, String mode, Source source) {
        this(bit, mode, source, null);
    }

    BreachBit(int bit, String mode, Source source, String thresholdKey) {
        this.bit = bit;
        this.mode = mode;
        this.source = source;
        this.thresholdKey = thresholdKey;
    }

    /** The key of the mode's threshold in {@link MetricsConfiguration#BREACH_THRESHOLDS}; empty for a fixed rule. */
    public Optional<String> thresholdKey() {
        return Optional.ofNullable(thresholdKey);
    }

    /** The bit's position, 0 for the lowest. */
    public int bit() {
        return bit;
    }

    /** The bit's value in a breach sum, 2 to the power of {@link #bit()}. */
    public long value() {
        return 1L << bit;
    }

    /** The failure mode's name as a page says it. */
    public String mode() {
        return mode;
    }

    public Source source() {
        return source;
    }

    /** The modes a breach value says fired, lowest bit first; bits no mode has are left out. */
    public static List<BreachBit> decode(long value) {
        return Arrays.stream(values()).filter(b -> (value & b.value()) != 0).toList();
    }
}
