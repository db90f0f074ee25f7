package com.datapipeline.monitoring.contract;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a Glue run failed, as far as its error text says, and so whether running it again can help. Only
 * {@link #TRANSIENT} failures may pass by themselves; the others fail the same way on every retry until someone
 * changes the job, its role, its data or its size. The alarm-response function decides the class (its
 * ErrorClassifier); the app writes each class's action into its configuration
 * ({@link ResponseConfiguration#ERROR_CLASS_ACTIONS}), and the decision line names the class.
 */
public enum ErrorClass {
    /** Throttling, S3 slow-down, capacity and concurrency limits, lost workers, internal service errors. */
    TRANSIENT("transient", RouteAction.RESTART_JOB),
    /** Out of memory, out of disk: the job needs more or larger workers, or less data per task. */
    RESOURCES("resources", RouteAction.NOTIFY_ONLY),
    /** Access denied by IAM, a bucket or key policy, KMS or Lake Formation. */
    PERMISSIONS("permissions", RouteAction.NOTIFY_ONLY),
    /** The script itself: Python errors, bad imports, bad arguments, Spark analysis errors of the code. */
    CODE("code", RouteAction.NOTIFY_ONLY),
    /** The input: schema changes, missing columns or paths, malformed records, unreadable files. */
    DATA("data", RouteAction.NOTIFY_ONLY),
    /** Nothing known matched: page a human, never guess that a retry helps. */
    UNKNOWN("unknown", RouteAction.NOTIFY_ONLY);

    private final String configName;
    private final RouteAction defaultAction;

    ErrorClass(String configName, RouteAction defaultAction) {
        this.configName = configName;
        this.defaultAction = defaultAction;
    }

    /** The name in the configuration's {@code errorClassActions} and in the decision log, e.g. {@code transient}. */
    public String configName() {
        return configName;
    }

    /** What the function does for this class unless the configuration says otherwise. */
    public RouteAction defaultAction() {
        return defaultAction;
    }

    /** The runbook section for a failed run of this class (an anchor of docs/runbook.md). */
    public String runbookAnchor() {
        return "error-class-" + configName;
    }

    public static Optional<ErrorClass> fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equals(name)).findFirst();
    }
}
