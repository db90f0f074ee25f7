package com.datapipeline.monitoring.contract;

import java.util.Locale;

/**
 * The two functions as the app deploys them and they start: the handler, and where the JSON configuration is. The
 * app ships the configuration as the file {@link #configFilePath()} in a small Lambda layer (environment variables are
 * limited to 4 KB in all) and names it in {@link #configFileVariable()}; a function reads that file, or else the
 * variable {@link #configVariable()} itself (tests and local runs).
 */
public enum MonitoringFunction {
    /** DataPipelineMetricsFunction; its configuration's keys are {@link MetricsConfiguration}'s. */
    METRICS("com.datapipeline.monitoring.metrics.PipelineMetricsHandler", "PIPELINES_CONFIG"),
    /** AlarmResponseFunction; its configuration's keys are {@link ResponseConfiguration}'s. */
    ALARM_RESPONSE("com.datapipeline.monitoring.response.AlarmResponseHandler", "RESPONSE_CONFIG");

    /** Where Lambda mounts layer content ({@code /opt}), plus this app's folder in the layer. */
    public static final String CONFIG_MOUNT = "/opt/monitoring/";
    /** Set to {@code true}, the functions send an X-Ray subsegment per SDK call (lambda-common's SdkCallTracing). */
    public static final String SDK_CALL_TRACING_VARIABLE = "TRACE_SDK_CALLS";

    private final String handlerClass;
    private final String configVariable;

    MonitoringFunction(String handlerClass, String configVariable) {
        this.handlerClass = handlerClass;
        this.configVariable = configVariable;
    }

    /** The class that implements the handler. */
    public String handlerClass() {
        return handlerClass;
    }

    /** Lambda's handler setting, e.g. {@code com.example.Handler::handleRequest}. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }

    /** The variable that may hold the configuration itself, e.g. {@code PIPELINES_CONFIG}. */
    public String configVariable() {
        return configVariable;
    }

    /** The variable that names the configuration file, e.g. {@code PIPELINES_CONFIG_FILE}. */
    public String configFileVariable() {
        return configVariable + "_FILE";
    }

    /** The configuration file's name in the layer, e.g. {@code pipelines-config.json}. */
    public String configFileName() {
        return configVariable.toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
    }

    /** Where the function finds its configuration file, e.g. {@code /opt/monitoring/pipelines-config.json}. */
    public String configFilePath() {
        return CONFIG_MOUNT + configFileName();
    }
}
