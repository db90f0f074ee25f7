package com.datapipeline.monitoring.contract;

import java.util.Arrays;
import java.util.Optional;

/** What a route of the alarm-response function does when its alarm goes to ALARM. */
public enum RouteAction {
    /** Start the route's Glue job again, within the guard rails. */
    RESTART_JOB("restart-job"),
    /** Start the route's (validation) Glue job once, within the same guard rails. */
    START_VALIDATION_JOB("start-validation-job"),
    /** Log the alarm; change nothing. */
    NOTIFY_ONLY("notify-only"),
    /**
     * For an {@link ErrorClass} only: after repeated failed runs, stop the job's own triggers so that a broken job
     * stops burning DPU-hours; the next successful run resumes them, or a person does (the response function's
     * TriggerPause).
     */
    PAUSE_TRIGGER("pause-trigger");

    private final String configName;

    RouteAction(String configName) {
        this.configName = configName;
    }

    /** The name in the configuration's routes and in the decision log, e.g. {@code restart-job}. */
    public String configName() {
        return configName;
    }

    /** Whether the action starts a Glue job (and so needs a jobName and the guard rails). */
    public boolean startsJob() {
        return this == RESTART_JOB || this == START_VALIDATION_JOB;
    }

    /** Whether a route of the action table may have this action (the others are error class actions). */
    public boolean isRouteAction() {
        return this != PAUSE_TRIGGER;
    }

    /** Whether an {@link ErrorClass} may be routed to this action ({@link ResponseConfiguration#ERROR_CLASS_ACTIONS}). */
    public boolean isErrorClassAction() {
        return this != START_VALIDATION_JOB;
    }

    public static Optional<RouteAction> fromConfigName(String name) {
        return Arrays.stream(values())
                .filter(action -> action.configName.equals(name))
                .findFirst();
    }
}
