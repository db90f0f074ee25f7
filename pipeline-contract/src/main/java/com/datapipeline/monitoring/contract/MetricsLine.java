package com.datapipeline.monitoring.contract;

/**
 * The metrics function's log line per pipeline and invocation ({@link #EVENT}), beside the pipeline's EMF line: what
 * it published, what it skipped and why, or why the pipeline failed. `make verify` reads it when a pipeline has no
 * datum, to tell "nothing to measure yet" from "the function failed".
 */
public final class MetricsLine {
    /** The {@link LogFields#EVENT} of the line. */
    public static final String EVENT = "pipeline-metrics";

    /** The pipeline's name. */
    public static final String PIPELINE = "pipeline";
    /** Its {@link MetricsSource#configName()}. */
    public static final String SOURCE = "source";
    /** Metric name to the value published. */
    public static final String PUBLISHED = "published";
    /** Metric name to why it has no value. */
    public static final String SKIPPED = "skipped";
    /** The {@link BreachBit#mode()}s the pipeline's Breach metric says breached; absent without a Breach metric. */
    public static final String BREACHED = "breached";
    /** Why the whole pipeline failed; absent when it did not. */
    public static final String ERROR = "error";
    /** true on the values of a simulated pipeline. */
    public static final String SIMULATED = "simulated";
    /** What a reader must know about the line, e.g. that its values are simulated. */
    public static final String MESSAGE = "message";

    private MetricsLine() {}
}
