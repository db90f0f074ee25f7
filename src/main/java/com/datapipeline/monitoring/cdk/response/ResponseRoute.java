package com.datapipeline.monitoring.cdk.response;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What AlarmResponseFunction does when one alarm (or Glue job-state message) arrives.
 *
 * @param action    what the function does
 * @param targetJob the Glue job the action starts, for the actions that start one
 */
public record ResponseRoute(RouteAction action, Optional<String> targetJob) {

    /**
     * What a restart route does with a failed run of each error class, as the function's {@code errorClassActions}:
     * each class's default from the contract (restart within the budget only where a retry can help).
     */
    public static final Map<String, String> ERROR_CLASS_ACTIONS = Arrays.stream(ErrorClass.values())
            .collect(Collectors.toMap(
                    ErrorClass::configName,
                    errorClass -> errorClass.defaultAction().configName(),
                    (first, second) -> first,
                    TreeMap::new));

    public ResponseRoute {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetJob, "targetJob");
    }

    public static ResponseRoute restartJob(String jobName) {
        return new ResponseRoute(RouteAction.RESTART_JOB, Optional.of(jobName));
    }

    public static ResponseRoute notifyOnly() {
        return new ResponseRoute(RouteAction.NOTIFY_ONLY, Optional.empty());
    }

    public static ResponseRoute startValidationJob(String jobName) {
        return new ResponseRoute(RouteAction.START_VALIDATION_JOB, Optional.of(jobName));
    }

    /**
     * A failed crawl of each crawler of a pipeline: notify-only, raising that pipeline's page with a text that names
     * the crawler (the function never starts a crawler). A crawler belongs to one pipeline (the settings reject a
     * crawler listed twice), so its route names exactly one.
     */
    public static Map<String, ResponseRoute> forCrawlers(String jobName, List<String> crawlers) {
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        crawlers.forEach(crawler -> routes.put(
                ResponseConfiguration.glueCrawlerStateRouteKey(crawler),
                new ResponseRoute(RouteAction.NOTIFY_ONLY, Optional.of(jobName))));
        return routes;
    }

    /**
     * The lab's response intent as a table, for one pipeline: a failed job run (its state-change event) restarts the
     * job within the guard rails, and each signal does what its kind says ({@link AlarmKind#response()}); a
     * data-quality signal starts the pipeline's validation job if it names one, and only logs otherwise.
     */
    public static Map<String, ResponseRoute> forPipeline(MonitoredPipeline pipeline, List<CreatedAlarm> signals) {
        String jobName = pipeline.jobName();
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        routes.put(ResponseConfiguration.glueJobStateRouteKey(jobName), restartJob(jobName));
        for (CreatedAlarm signal : signals) {
            routes.put(
                    signal.name(),
                    switch (signal.kind().response().orElseThrow()) {
                        case RESTART_JOB -> restartJob(jobName);
                        case START_VALIDATION_JOB ->
                            pipeline.response()
                                    .validationJob()
                                    .map(ResponseRoute::startValidationJob)
                                    .orElseGet(ResponseRoute::notifyOnly);
                        case NOTIFY_ONLY -> notifyOnly();
                    });
        }
        return routes;
    }
}
