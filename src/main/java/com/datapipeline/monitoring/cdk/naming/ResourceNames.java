package com.datapipeline.monitoring.cdk.naming;

/**
 * Every name a user sees. The lab's names are the defaults; a prefix lets one account hold several
 * deployments. Per-pipeline names get the job name as a suffix, except for the lab's sample job, which
 * keeps the lab's exact names. Adding a job therefore never renames the alarms of another.
 */
public final class ResourceNames {
    public static final String GLUE_DATABASE = "monitoring_lab_db";
    public static final String ALERT_TOPIC = "data-pipeline-alerts";
    public static final String CRITICAL_SUFFIX = "-critical";
    public static final String WARNING_SUFFIX = "-warning";
    /** Pages about the alert path itself; its own key, so a broken alert topic or key still reaches someone. */
    public static final String HEALTH_TOPIC = "data-pipeline-monitoring-health";
    /** Every pipeline signal, for AlarmResponseFunction only: nobody is paged from it. */
    public static final String REMEDIATION_TOPIC = "data-pipeline-remediation";

    public static final String DASHBOARD = "DataPipelineMonitoring";
    public static final String METRICS_FUNCTION = "DataPipelineMetricsFunction";
    public static final String METRICS_SCHEDULE = "DataPipelineMetricsSchedule";
    public static final String RESPONSE_FUNCTION = "AlarmResponseFunction";
    public static final String ERROR_QUERY = "Glue Job Error Analysis";
    public static final String PERFORMANCE_QUERY = "Glue Job Performance Analysis";
    public static final String RESPONSE_AUDIT_QUERY = "Alarm Response Audit";
    public static final String EVENT_HISTORY = "data-pipeline-events";
    public static final String CHAT = "data-pipeline-alerts";
    public static final String OBSERVABILITY_SINK = "data-pipeline-monitoring";

    private final String prefix;

    public ResourceNames(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** An account- or region-wide name such as the topic, dashboard or a function. */
    public String shared(String labName) {
        return prefix + labName;
    }

    /** Glue database names allow only lower case, digits and '_'. */
    public String glueDatabase() {
        return (prefix + GLUE_DATABASE).toLowerCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** A saved Logs Insights query, in a folder named after the prefix ('/' makes a console folder). */
    public String savedQuery(String labName) {
        String folder = prefix.replaceAll("[-_]+$", "");
        return folder.isEmpty() ? labName : folder + "/" + labName;
    }

    /** A name that exists once per monitored pipeline, e.g. an alarm. */
    public String perPipeline(String labName, PipelineIdentity pipeline) {
        return shared(labName) + suffix(pipeline, "-");
    }

    /** A dashboard widget title for one pipeline. */
    public String widgetTitle(String labTitle, PipelineIdentity pipeline) {
        return labTitle + suffix(pipeline, " - ");
    }

    private static String suffix(PipelineIdentity pipeline, String separator) {
        return pipeline.sampleJob() ? "" : separator + pipeline.jobName();
    }
}
