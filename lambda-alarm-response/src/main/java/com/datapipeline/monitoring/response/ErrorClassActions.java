package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.lambda.JsonObject;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a restart route does with a failed run of each {@link ErrorClass}: {@code restart-job} (within the budget),
 * {@code notify-only} (the page goes out, nothing is started) or {@code pause-trigger} (after
 * {@code pauseAfterFailures} failed runs in a row, the job's own triggers are stopped). The defaults are each class's
 * {@link ErrorClass#defaultAction()}; RESPONSE_CONFIG's top-level {@code errorClassActions} overrides them for all
 * pipelines, and a pipeline's own {@code pipelines.<job>.errorClassActions} for that pipeline.
 *
 * @param all                the actions for every pipeline, one per class
 * @param byPipeline         per job name, the classes whose action differs for that pipeline
 * @param pauseAfterFailures how many failed runs in a row a {@code pause-trigger} class waits for
 *                           ({@code pauseAfterFailures}); fewer only page
 */
public record ErrorClassActions(
        Map<ErrorClass, RouteAction> all,
        Map<String, Map<ErrorClass, RouteAction>> byPipeline,
        int pauseAfterFailures) {

    /** {@link ResponseConfiguration#DEFAULT_PAUSE_AFTER_FAILURES}. */
    public static final int DEFAULT_PAUSE_AFTER = ResponseConfiguration.DEFAULT_PAUSE_AFTER_FAILURES;

    public static final ErrorClassActions DEFAULT = new ErrorClassActions(defaults(), Map.of(), DEFAULT_PAUSE_AFTER);

    public ErrorClassActions {
        all = Map.copyOf(all);
        byPipeline = Map.copyOf(byPipeline);
    }

    /** What to do with a failed run of {@code job} whose error is of {@code errorClass}. */
    public RouteAction actionFor(String job, ErrorClass errorClass) {
        return byPipeline.getOrDefault(job, Map.of()).getOrDefault(errorClass, all.get(errorClass));
    }

    /** The class's own default for each class. */
    static Map<ErrorClass, RouteAction> defaults() {
        Map<ErrorClass, RouteAction> defaults = new EnumMap<>(ErrorClass.class);
        Arrays.stream(ErrorClass.values()).forEach(c -> defaults.put(c, c.defaultAction()));
        return defaults;
    }

    /** Reads an {@code errorClassActions} object: class name to action name, any subset of the classes. */
    static Map<ErrorClass, RouteAction> read(JsonObject json) {
        Map<ErrorClass, RouteAction> actions = new EnumMap<>(ErrorClass.class);
        for (String name : json.names()) {
            ErrorClass errorClass = ErrorClass.fromConfigName(name)
                    .orElseThrow(() -> json.invalid(
                            name,
                            "is not an error class; expected one of "
                                    + Arrays.stream(ErrorClass.values())
                                            .map(ErrorClass::configName)
                                            .toList()));
            String actionName = json.requiredString(name);
            RouteAction action = RouteAction.fromConfigName(actionName)
                    .filter(RouteAction::isErrorClassAction)
                    .orElseThrow(() -> json.invalid(
                            name,
                            "is '" + actionName + "'; expected "
                                    + RouteAction.RESTART_JOB.configName() + ", " + RouteAction.NOTIFY_ONLY.configName()
                                    + " or " + RouteAction.PAUSE_TRIGGER.configName()));
            actions.put(errorClass, action);
        }
        return actions;
    }
}
