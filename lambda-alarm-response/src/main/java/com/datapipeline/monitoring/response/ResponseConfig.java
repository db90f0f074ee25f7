package com.datapipeline.monitoring.response;

import static com.datapipeline.monitoring.contract.ResponseConfiguration.ACTION;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.DASHBOARD;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.ERROR_CLASS_ACTIONS;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.JOB_LOG_GROUPS;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.JOB_NAME;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.JOB_RUN_INSIGHTS_LOG_GROUPS;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.MAX_RESTARTS;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.PAGE_ALARM;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.PAGE_TOPICS;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.PAUSE_AFTER_FAILURES;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.PIPELINES;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.REMEDIATION_ENABLED;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.RESTART_BUDGET;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.ROUTES;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.RUNBOOK_URL;
import static com.datapipeline.monitoring.contract.ResponseConfiguration.WINDOW_MINUTES;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.lambda.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
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
 * @param errorClassActions  what a restart route does with a failed run of each error class, per pipeline
 * @param insightsLogGroups  where Glue writes job run insights (tried in order); empty: root causes are not read
 * @param pages              what the pages of failed runs link to, and which alarm carries each pipeline's page
 */
public record ResponseConfig(
        boolean remediationEnabled,
        RestartBudget restartBudget,
        Map<String, Route> routes,
        ErrorClassActions errorClassActions,
        List<String> insightsLogGroups,
        PageSettings pages) {

    public ResponseConfig {
        Objects.requireNonNull(restartBudget, "restartBudget");
        routes = Map.copyOf(routes);
        Objects.requireNonNull(errorClassActions, "errorClassActions");
        insightsLogGroups = List.copyOf(insightsLogGroups);
        Objects.requireNonNull(pages, "pages");
    }

    /** A table with the default error class actions, no job run insights and the default pages. */
    public ResponseConfig(boolean remediationEnabled, RestartBudget restartBudget, Map<String, Route> routes) {
        this(remediationEnabled, restartBudget, routes, ErrorClassActions.DEFAULT, List.of(), PageSettings.DEFAULT);
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
        return JsonObject.readConfiguration(
                MonitoringFunction.ALARM_RESPONSE.configVariable(), json, ResponseConfig::read);
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
        Map<ErrorClass, RouteAction> all = ErrorClassActions.defaults();
        root.optionalObject(ERROR_CLASS_ACTIONS).map(ErrorClassActions::read).ifPresent(all::putAll);
        Map<String, Map<ErrorClass, RouteAction>> byPipeline = new LinkedHashMap<>();
        Map<String, PipelinePage> pages = new LinkedHashMap<>();
        root.optionalObject(PIPELINES)
                .ifPresent(pipelines -> pipelines.names().forEach(job -> {
                    JsonObject pipeline = pipelines.requiredObject(job);
                    pipeline.refuseUnknown(ResponseConfiguration.PIPELINE_KEYS);
                    pipeline.optionalObject(ERROR_CLASS_ACTIONS)
                            .map(ErrorClassActions::read)
                            .ifPresent(actions -> byPipeline.put(job, actions));
                    Map<String, String> pageTopics = new LinkedHashMap<>();
                    pipeline.optionalObject(PAGE_TOPICS)
                            .ifPresent(topics -> topics.names()
                                    .forEach(alarm -> pageTopics.put(alarm, topics.requiredString(alarm))));
                    Optional<String> pageAlarm = pipeline.optionalString(PAGE_ALARM);
                    if (!pageTopics.isEmpty() && (pageAlarm.isEmpty() || !pageTopics.containsKey(pageAlarm.get()))) {
                        throw pipeline.invalid(PAGE_TOPICS, "must name the pipeline's " + PAGE_ALARM + " too");
                    }
                    pages.put(
                            job,
                            new PipelinePage(
                                    job,
                                    pageAlarm,
                                    pipeline.optionalString(DASHBOARD),
                                    pipeline.optionalString(RUNBOOK_URL),
                                    pageTopics));
                }));
        int pauseAfter = root.optionalInt(
                        PAUSE_AFTER_FAILURES,
                        ResponseConfiguration.MIN_PAUSE_AFTER_FAILURES,
                        ResponseConfiguration.MAX_PAUSE_AFTER_FAILURES)
                .orElse(ErrorClassActions.DEFAULT_PAUSE_AFTER);
        return new ResponseConfig(
                enabled,
                budget,
                routes,
                new ErrorClassActions(all, byPipeline, pauseAfter),
                root.stringList(JOB_RUN_INSIGHTS_LOG_GROUPS),
                new PageSettings(
                        pages,
                        root.optionalString(RUNBOOK_URL).orElse(ResponseConfiguration.DEFAULT_RUNBOOK),
                        root.stringList(JOB_LOG_GROUPS)));
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
        RouteAction action = RouteAction.fromConfigName(actionName)
                .filter(RouteAction::isRouteAction)
                .orElseThrow(() -> json.invalid(
                        ACTION, "is '" + actionName + "'; expected restart-job, start-validation-job or notify-only"));
        Optional<String> jobName = json.optionalString(JOB_NAME);
        if (action.startsJob() && jobName.isEmpty()) {
            throw json.invalid(JOB_NAME, "is required for action " + action.configName());
        }
        return new Route(action, jobName.orElse(null));
    }
}
