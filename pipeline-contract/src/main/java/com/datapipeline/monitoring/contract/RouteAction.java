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
    NOTIFY_ONLY("notify-only");

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
        return this != NOTIFY_ONLY;
    }

    public static Optional<RouteAction> fromConfigName(String name) {
        return Arrays.stream(values()).filter(action -> action.configName.equals(name)).findFirst();
    }
}
