package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.lambda.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The action table and guard-rail settings, read once per container from the RESPONSE_CONFIG environment
 * variable that the CDK app writes.
 *
 * @param remediationEnabled false turns every Glue-starting action into a logged {@code disabled} decision
 * @param restartBudget      how many job starts this function may make per job per rolling window
 * @param routes             route key (an alarm name, or {@code glue-job-state:<jobName>}) to route
 * @param errorClassActions  what a restart route does with a failed run of each error class, per pipeline
 * @param insightsLogGroups  where Glue writes job run insights (tried in order); empty: root causes are not read
 * @param pages              what the pages of failed runs link to, and which alarm carries each pipeline's page
 */
public record ResponseConfig(boolean remediationEnabled, RestartBudget restartBudget, Map<String, Route> routes,
                             ErrorClassActions errorClassActions, List<String> insightsLogGroups, PageSettings pages) {

    /** Route-key prefix for Glue Job State Change notifications; the job name follows it. */
    public static final String GLUE_JOB_STATE_PREFIX = "glue-job-state:";

    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("remediationEnabled", "restartBudget", "routes",
            "errorClassActions", "pipelines", "jobRunInsightsLogGroups", "jobLogGroups", "runbookUrl",
            "pauseAfterFailures");
    private static final Set<String> PIPELINE_FIELDS = Set.of("errorClassActions", "pageAlarm", "dashboard",
            "runbookUrl");
    private static final Set<String> BUDGET_FIELDS = Set.of("maxRestarts", "windowMinutes");
    private static final Set<String> ROUTE_FIELDS = Set.of("action", "jobName");

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
    public record Route(ResponseAction action, String jobName) {
        public Route {
            Objects.requireNonNull(action, "action");
            if (action.startsJob() && (jobName == null || jobName.isBlank())) {
                throw new IllegalArgumentException("action " + action.configName() + " needs a jobName");
            }
        }
    }

    /** At most {@code maxRestarts} job starts by this function per job within any {@code window}. */
    public record RestartBudget(int maxRestarts, Duration window) {

        public static final RestartBudget DEFAULT = new RestartBudget(2, Duration.ofMinutes(60));

        public RestartBudget {
            Objects.requireNonNull(window, "window");
        }
    }

    /** The route for a notification's route key, if the table has one. */
    public Optional<Route> routeFor(String routeKey) {
        return Optional.ofNullable(routes.get(routeKey));
    }

    /**
     * Parses RESPONSE_CONFIG. Unknown fields are refused, so a misspelt setting fails the deployment's
     * first invocation instead of being silently ignored.
     *
     * @throws IllegalArgumentException naming the bad field
     */
    public static ResponseConfig parse(String json) {
        return JsonObject.readConfiguration(AlarmResponseHandler.CONFIG_VARIABLE, json, ResponseConfig::read);
    }

    private static ResponseConfig read(JsonObject root) {
        root.refuseUnknown(TOP_LEVEL_FIELDS);
        boolean enabled = root.optionalBoolean("remediationEnabled")
                .orElseThrow(() -> root.invalid("remediationEnabled", "is missing (true or false)"));
        RestartBudget budget = root.optionalObject("restartBudget").map(ResponseConfig::readBudget)
                .orElse(RestartBudget.DEFAULT);
        JsonObject routesJson = root.requiredObject("routes");
        Map<String, Route> routes = new LinkedHashMap<>();
        for (String key : routesJson.names()) {
            if (key.isBlank() || key.equals(GLUE_JOB_STATE_PREFIX)) {
                throw root.invalid("routes", "has a blank route key '" + key + "'");
            }
            routes.put(key, readRoute(routesJson.requiredObject(key)));
        }
        Map<ErrorClass, ResponseAction> all = ErrorClassActions.defaults();
        root.optionalObject("errorClassActions").map(ErrorClassActions::read).ifPresent(all::putAll);
        Map<String, Map<ErrorClass, ResponseAction>> byPipeline = new LinkedHashMap<>();
        Map<String, PipelinePage> pages = new LinkedHashMap<>();
        root.optionalObject("pipelines").ifPresent(pipelines -> pipelines.names().forEach(job -> {
            JsonObject pipeline = pipelines.requiredObject(job);
            pipeline.refuseUnknown(PIPELINE_FIELDS);
            pipeline.optionalObject("errorClassActions").map(ErrorClassActions::read)
                    .ifPresent(actions -> byPipeline.put(job, actions));
            pages.put(job, new PipelinePage(job, pipeline.optionalString("pageAlarm"),
                    pipeline.optionalString("dashboard"), pipeline.optionalString("runbookUrl")));
        }));
        int pauseAfter = root.optionalInt("pauseAfterFailures", 2, 100).orElse(ErrorClassActions.DEFAULT_PAUSE_AFTER);
        return new ResponseConfig(enabled, budget, routes, new ErrorClassActions(all, byPipeline, pauseAfter),
                root.stringList("jobRunInsightsLogGroups"), new PageSettings(pages,
                root.optionalString("runbookUrl").orElse(PageSettings.DEFAULT_RUNBOOK), root.stringList("jobLogGroups")));
    }

    private static RestartBudget readBudget(JsonObject json) {
        json.refuseUnknown(BUDGET_FIELDS);
        int max = json.optionalInt("maxRestarts", 0, 100).orElse(RestartBudget.DEFAULT.maxRestarts());
        // The history lookback is 7 days (Glue's longest run timeout), so a longer window could not be counted.
        int minutes = json.optionalInt("windowMinutes", 1, 10_080)
                .orElse((int) RestartBudget.DEFAULT.window().toMinutes());
        return new RestartBudget(max, Duration.ofMinutes(minutes));
    }

    private static Route readRoute(JsonObject json) {
        json.refuseUnknown(ROUTE_FIELDS);
        String actionName = json.requiredString("action");
        ResponseAction action = ResponseAction.fromConfigName(actionName).filter(ResponseAction::isRouteAction)
                .orElseThrow(() -> json.invalid("action",
                "is '" + actionName + "'; expected restart-job, start-validation-job or notify-only"));
        Optional<String> jobName = json.optionalString("jobName");
        if (action.startsJob() && jobName.isEmpty()) {
            throw json.invalid("jobName", "is required for action " + action.configName());
        }
        return new Route(action, jobName.orElse(null));
    }
}
