package com.datapipeline.monitoring.contract;

import java.util.List;

/**
 * The Glue events the app's rules and metric filters match and AlarmResponseFunction parses, each name and state
 * defined once (facts and sources: docs/glue-events.md). States are written as Glue sends them: a job run's are upper
 * case, a crawler's capitalised, and filter patterns and event patterns are case-sensitive.
 */
public final class GlueEvents {
    /** The source of job and crawler events (Data Quality results have their own, {@link #DATA_QUALITY_SOURCE}). */
    public static final String SOURCE = "aws.glue";

    /** A job run changed state (SUCCEEDED, FAILED, TIMEOUT, STOPPED, ...). */
    public static final String JOB_STATE_CHANGE = "Glue Job State Change";
    /** A run still going after the job's notify-delay. */
    public static final String JOB_RUN_STATUS = "Glue Job Run Status";
    /** The end states of a failed run. */
    public static final List<String> JOB_FAILURE_STATES = List.of("FAILED", "TIMEOUT");
    /** The end state of a successful run (also the state a conditional trigger's predicate waits for). */
    public static final String JOB_SUCCEEDED = "SUCCEEDED";

    /** A crawler Started, Succeeded or Failed. */
    public static final String CRAWLER_STATE_CHANGE = "Glue Crawler State Change";
    /** The state of a failed crawl, capitalised as Glue sends it (unlike a job run's FAILED). */
    public static final String CRAWLER_FAILED = "Failed";

    /** Glue Data Quality's own source, not aws.glue. */
    public static final String DATA_QUALITY_SOURCE = "aws.glue-dataquality";

    public static final String DATA_QUALITY_RESULTS = "Data Quality Evaluation Results Available";

    private GlueEvents() {}
}
