package com.datapipeline.monitoring.cdk.config;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What AlarmResponseFunction does for one pipeline beyond the global settings, from the pipeline's entry in
 * {@code monitoredJobs} or the pipelines file.
 *
 * @param errorClassActions the error classes whose action differs for this pipeline (the others follow the global
 *                          {@code errorClassActions}, else each class's default)
 * @param runbookUrl        the runbook its pages and alarm descriptions link to; empty: the global one
 * @param validationJob     the Glue job its data-quality alarm starts ({@code start-validation-job}); empty: that alarm
 *                          only logs
 */
public record PipelineResponse(
        Map<ErrorClass, RouteAction> errorClassActions, Optional<String> runbookUrl, Optional<String> validationJob) {

    /** A pipeline without options of its own. */
    public static final PipelineResponse NONE = new PipelineResponse(Map.of(), Optional.empty(), Optional.empty());

    /**
     * An address a page can show in full: http(s), no spaces, short enough to leave the page (1,023 characters) room
     * for its facts.
     */
    public static final Pattern RUNBOOK_URL = Pattern.compile("^https?://[^\\s]{1,200}$");

    public static final String RUNBOOK_URL_ALLOWED = "an http(s) address of at most 200 characters without spaces";

    public PipelineResponse {
        errorClassActions = Map.copyOf(errorClassActions);
        Objects.requireNonNull(runbookUrl, "runbookUrl");
        Objects.requireNonNull(validationJob, "validationJob");
    }

    /** Whether a failed run of this pipeline may pause its triggers, with {@code global} as the global actions. */
    public boolean mayPauseTriggers(Map<ErrorClass, RouteAction> global) {
        return Arrays.stream(ErrorClass.values())
                .anyMatch(errorClass -> errorClassActions.getOrDefault(
                                errorClass, global.getOrDefault(errorClass, errorClass.defaultAction()))
                        == RouteAction.PAUSE_TRIGGER);
    }

    /**
     * Reads an {@code errorClassActions} value: a JSON object (from cdk.json or a pipelines file) or its text (from
     * {@code -c}), class name to action name, any subset of the classes; blank or null: none.
     *
     * @param invalid makes the one-line error that names the bad value
     */
    public static Map<ErrorClass, RouteAction> readErrorClassActions(
            Object raw, Function<String, ConfigurationException> invalid) {
        Optional<Object> value = JsonValue.of(raw, invalid);
        if (value.isEmpty()) {
            return Map.of();
        }
        if (!(value.get() instanceof Map<?, ?> map)) {
            throw invalid.apply(String.valueOf(raw));
        }
        Map<ErrorClass, RouteAction> actions = new EnumMap<>(ErrorClass.class);
        map.forEach((name, action) -> {
            Optional<ErrorClass> errorClass = ErrorClass.fromConfigName(String.valueOf(name));
            Optional<RouteAction> routed =
                    RouteAction.fromConfigName(String.valueOf(action)).filter(RouteAction::isErrorClassAction);
            if (errorClass.isEmpty() || routed.isEmpty()) {
                throw invalid.apply(name + ": " + action);
            }
            actions.put(errorClass.get(), routed.get());
        });
        return actions;
    }

    /** The actions by class name, sorted, as the function's configuration holds them. */
    public static Map<String, String> configNames(Map<ErrorClass, RouteAction> actions) {
        Map<String, String> names = new TreeMap<>();
        actions.forEach((errorClass, action) -> names.put(errorClass.configName(), action.configName()));
        return names;
    }
}
