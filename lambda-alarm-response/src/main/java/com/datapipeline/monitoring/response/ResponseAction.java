package com.datapipeline.monitoring.response;

import java.util.Arrays;
import java.util.Optional;

/** What a route does when its alarm goes to ALARM. The CDK app writes {@link #configName()} into RESPONSE_CONFIG. */
public enum ResponseAction {
    /** Start the route's Glue job again, within the guard rails. */
    RESTART_JOB("restart-job"),
    /** Start the route's (validation) Glue job once, within the same guard rails. */
    START_VALIDATION_JOB("start-validation-job"),
    /** Log the alarm; change nothing. */
    NOTIFY_ONLY("notify-only");

    private final String configName;

    ResponseAction(String configName) {
        this.configName = configName;
    }

    /** The name used in RESPONSE_CONFIG and in the decision log, e.g. {@code restart-job}. */
    public String configName() {
        return configName;
    }

    /** Whether the action starts a Glue job (and so needs a jobName and the guard rails). */
    public boolean startsJob() {
        return this != NOTIFY_ONLY;
    }

    public static Optional<ResponseAction> fromConfigName(String name) {
        return Arrays.stream(values()).filter(action -> action.configName.equals(name)).findFirst();
    }
}
