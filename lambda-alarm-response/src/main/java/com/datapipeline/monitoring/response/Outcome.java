package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.DecisionLine;

/** How one notification was handled; {@link #logName()} is the {@code outcome} field of the decision log. */
public enum Outcome {
    STARTED("started"),
    SKIPPED_RUNNING("skipped-running"),
    SKIPPED_BUDGET("skipped-budget"),
    SKIPPED_DUPLICATE("skipped-duplicate"),
    SKIPPED_CONCURRENT("skipped-concurrent"),
    SKIPPED_NO_FAILED_RUN("skipped-no-failed-run"),
    /** The failed run's error class is routed to notify-only: a restart would fail the same way. */
    SKIPPED_ERROR_CLASS("skipped-error-class"),
    /** The job failed too often in a row; its own triggers were stopped until a run succeeds or a person resumes them. */
    PAUSED_TRIGGER("paused-trigger"),
    /** A run of a job whose triggers a pause had stopped succeeded; those triggers were started again. */
    RESUMED_TRIGGER("resumed-trigger"),
    /** The route's job no longer exists; nothing to start, and a retry would not change that. */
    JOB_NOT_FOUND("job-not-found"),
    NOTIFY_ONLY("notify-only"),
    /** A one-alarm pipeline's page alarm changed state: the function, its pager, paged, resolved or found it open. */
    PAGE_SIGNAL("page-signal"),
    IGNORED_STATE("ignored-state"),
    IGNORED_ORIGIN("ignored-origin"),
    UNKNOWN_ROUTE("unknown-route"),
    MALFORMED("malformed"),
    DISABLED("disabled"),
    DRILL(DecisionLine.DRILL_OUTCOME);

    private final String logName;

    Outcome(String logName) {
        this.logName = logName;
    }

    public String logName() {
        return logName;
    }
}
