package com.datapipeline.monitoring.cdk.response;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What AlarmResponseFunction does when one alarm (or Glue job-state message) arrives.
 *
 * @param action    the action's config name, as AlarmResponseFunction knows it
 * @param targetJob the Glue job the action starts, for restart-job and start-validation-job
 */
public record ResponseRoute(String action, Optional<String> targetJob) {
    public static final String RESTART_JOB = "restart-job";
    public static final String START_VALIDATION_JOB = "start-validation-job";
    public static final String NOTIFY_ONLY = "notify-only";
    /** The route key of a Glue job's failed-run events, before the job's name. */
    public static final String GLUE_JOB_STATE_PREFIX = "glue-job-state:";

    /**
     * What a restart route does with a failed run of each error class, as the function's {@code errorClassActions}:
     * restart within the budget only where a retry can help. The function's ErrorClass holds the same defaults.
     */
    public static final Map<String, String> ERROR_CLASS_ACTIONS = new TreeMap<>(Map.of(
            "transient", RESTART_JOB, "resources", NOTIFY_ONLY, "permissions", NOTIFY_ONLY, "code", NOTIFY_ONLY,
            "data", NOTIFY_ONLY, "unknown", NOTIFY_ONLY));

    public ResponseRoute {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetJob, "targetJob");
    }

    public static ResponseRoute restartJob(String jobName) {
        return new ResponseRoute(RESTART_JOB, Optional.of(jobName));
    }

    public static ResponseRoute notifyOnly() {
        return new ResponseRoute(NOTIFY_ONLY, Optional.empty());
    }

    /**
     * The lab's response intent as a table, for one pipeline: a failed job run (its state-change event) restarts the
     * job within the guard rails, and each signal does what its kind says ({@link AlarmKind#response()}).
     */
    public static Map<String, ResponseRoute> forPipeline(String jobName, List<CreatedAlarm> signals) {
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        routes.put(GLUE_JOB_STATE_PREFIX + jobName, restartJob(jobName));
        for (CreatedAlarm signal : signals) {
            routes.put(signal.name(), switch (signal.kind().response().orElseThrow()) {
                case RESTART_JOB -> restartJob(jobName);
                case NOTIFY_ONLY -> notifyOnly();
            });
        }
        return routes;
    }
}
