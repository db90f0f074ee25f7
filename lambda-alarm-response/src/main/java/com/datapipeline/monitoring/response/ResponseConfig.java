package com.datapipeline.monitoring.response;

import static com.datapipeline.monitoring.contract.ResponseConfiguration.ACTION;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.JOB_NAME;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.MAX_RESTARTS;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.REMEDIATION_ENABLED;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.RESTART_BUDGET;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.ROUTES;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.WINDOW_MINUTES;

import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.lambda.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The action table and guard-rail settings, read once per container from the configuration the CDK app writes
 * ({@link MonitoringFunction#ALARM_RESPONSE}; keys and an example in {@link ResponseConfiguration}).
 *
 * @param remediationEnabled false turns every Glue-starting action into a logged {@code disabled} decision
 * @param restartBudget      how many job starts this function may make per job per rolling window
 * @param routes             route key (an alarm name, or {@code glue-job-state:<jobName>}) to route
 */
public record ResponseConfig(boolean remediationEnabled, RestartBudget restartBudget, Map<String, Route> routes) {

    public ResponseConfig {
        Objects.requireNonNull(restartBudget, "restartBudget");
        routes = Map.copyOf(routes);
    }

    /** A job-starting action's target. */
    public record Route(RouteAction action, String jobName) {
        public Route {
            Objects.requireNonNull(action, "action");
            if (action.startsJob() && (jobName == null || jobName.isBlank())) {
                throw new IllegalArgumentException("action " + action.configName() + " needs a jobName");
            }
        }
    }

    /** At most {@code maxRestarts} job starts by this function per job within any {@code window}. */
    public record RestartBudget(int maxRestarts, Duration window) {
        public RestartBudget {
            Objects.requireNonNull(window, "window");
        }
    }

    /** The route for a notification's route key, if the table has one. */
    public Optional<Route> routeFor(String routeKey) {
        return Optional.ofNullable(routes.get(routeKey));
    }

    /**
     * Parses the configuration. Unknown fields are refused, so a misspelt setting fails the deployment's first
     * invocation instead of being silently ignored. The budget has no default: the app always sends the one the user
     * configured, so no second default can disagree with it.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public static ResponseConfig parse(String json) {
        return JsonObject.readConfiguration(MonitoringFunction.ALARM_RESPONSE.configVariable(), json,
                ResponseConfig::read);
    }

    private static ResponseConfig read(JsonObject root) {
        root.refuseUnknown(ResponseConfiguration.KEYS);
        boolean enabled = root.optionalBoolean(REMEDIATION_ENABLED)
                .orElseThrow(() -> root.invalid(REMEDIATION_ENABLED, "is missing (true or false)"));
        RestartBudget budget = readBudget(root.requiredObject(RESTART_BUDGET));
        JsonObject routesJson = root.requiredObject(ROUTES);
        Map<String, Route> routes = new LinkedHashMap<>();
        for (String key : routesJson.names()) {
            if (key.isBlank() || key.equals(ResponseConfiguration.GLUE_JOB_STATE_PREFIX)) {
                throw root.invalid(ROUTES, "has a blank route key '" + key + "'");
            }
            routes.put(key, readRoute(routesJson.requiredObject(key)));
        }
        return new ResponseConfig(enabled, budget, routes);
    }

    private static RestartBudget readBudget(JsonObject json) {
        json.refuseUnknown(ResponseConfiguration.BUDGET_KEYS);
        int max = json.optionalInt(MAX_RESTARTS, 0, 100)
                .orElseThrow(() -> json.invalid(MAX_RESTARTS, "is missing (job starts per window, 0 to 100)"));
        // The history lookback is 7 days (Glue's longest run timeout), so a longer window could not be counted.
        int minutes = json.optionalInt(WINDOW_MINUTES, 1, 10_080)
                .orElseThrow(() -> json.invalid(WINDOW_MINUTES, "is missing (minutes, 1 to 10080)"));
        return new RestartBudget(max, Duration.ofMinutes(minutes));
    }

    private static Route readRoute(JsonObject json) {
        json.refuseUnknown(ResponseConfiguration.ROUTE_KEYS);
        String actionName = json.requiredString(ACTION);
        RouteAction action = RouteAction.fromConfigName(actionName).orElseThrow(() -> json.invalid(ACTION,
                "is '" + actionName + "'; expected restart-job, start-validation-job or notify-only"));
        Optional<String> jobName = json.optionalString(JOB_NAME);
        if (action.startsJob() && jobName.isEmpty()) {
            throw json.invalid(JOB_NAME, "is required for action " + action.configName());
        }
        return new Route(action, jobName.orElse(null));
    }
}
