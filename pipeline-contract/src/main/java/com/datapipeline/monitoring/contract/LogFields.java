package com.datapipeline.monitoring.contract;

/**
 * The fields every JSON log line of the functions starts with. Each line is one JSON object, which Lambda sends to
 * CloudWatch Logs as one event, so Logs Insights discovers its fields; {@link #EVENT} says which kind of line it is
 * ({@link DecisionLine}, {@link MetricsLine}).
 */
public final class LogFields {
    /** INFO or ERROR. */
    public static final String LEVEL = "level";
    /** The kind of line, e.g. {@link DecisionLine#EVENT}. */
    public static final String EVENT = "event";

    private LogFields() {}
}
