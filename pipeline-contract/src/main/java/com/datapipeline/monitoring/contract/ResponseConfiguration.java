package com.datapipeline.monitoring.contract;

import java.util.Set;

/**
 * What the app gives the alarm-response function ({@link MonitoringFunction#ALARM_RESPONSE}): the keys of its
 * configuration, the environment variables with deploy-time values, and the incident ledger table's attributes.
 *
 * <pre>{@code
 * {"remediationEnabled":true,"restartBudget":{"maxRestarts":2,"windowMinutes":60},
 *  "routes":{"GlueJobFailureAlarm":{"action":"restart-job","jobName":"sample-etl-job"},
 *            "glue-job-state:sample-etl-job":{"action":"restart-job","jobName":"sample-etl-job"},
 *            "GlueJobDurationAlarm":{"action":"notify-only"}}}
 * }</pre>
 */
public final class ResponseConfiguration {
    /** false turns every job-starting action into a logged decision that starts nothing. */
    public static final String REMEDIATION_ENABLED = "remediationEnabled";
    /** How many job starts the function may make per job per rolling window: {@link #BUDGET_KEYS}. */
    public static final String RESTART_BUDGET = "restartBudget";
    /** Route key (an alarm name, or {@link #glueJobStateRouteKey}) to route: {@link #ROUTE_KEYS}. */
    public static final String ROUTES = "routes";
    /** {@link ErrorClass#configName()} to the {@link RouteAction} a restart route takes for a failed run of it. */
    public static final String ERROR_CLASS_ACTIONS = "errorClassActions";
    /** Job name to what the function knows of that pipeline: {@link #PIPELINE_KEYS}. */
    public static final String PIPELINES = "pipelines";
    /** Where Glue writes job run insights, tried in order; absent: root causes are not read. */
    public static final String JOB_RUN_INSIGHTS_LOG_GROUPS = "jobRunInsightsLogGroups";
    /** Where Glue writes a run's logs, for the page's Logs Insights link. */
    public static final String JOB_LOG_GROUPS = "jobLogGroups";
    /** The runbook a page links to (an error class's section is appended as an anchor). */
    public static final String RUNBOOK_URL = "runbookUrl";
    /**
     * The runbook of this repository, relative to its root: what pages and alarm descriptions link to when the
     * configuration names no {@link #RUNBOOK_URL}; a failure mode's or error class's section follows as an anchor.
     */
    public static final String DEFAULT_RUNBOOK = "docs/runbook.md";
    /** How many failed runs in a row a {@link RouteAction#PAUSE_TRIGGER} class waits for. */
    public static final String PAUSE_AFTER_FAILURES = "pauseAfterFailures";
    /** Three failed runs in a row: one failure may be bad luck, three of a class that retries cannot fix are not. */
    public static final int DEFAULT_PAUSE_AFTER_FAILURES = 3;
    /** The fewest and most {@link #PAUSE_AFTER_FAILURES}: a single failure never pauses. */
    public static final int MIN_PAUSE_AFTER_FAILURES = 2;

    public static final int MAX_PAUSE_AFTER_FAILURES = 100;

    public static final Set<String> KEYS = Set.of(
            REMEDIATION_ENABLED,
            RESTART_BUDGET,
            ROUTES,
            ERROR_CLASS_ACTIONS,
            PIPELINES,
            JOB_RUN_INSIGHTS_LOG_GROUPS,
            JOB_LOG_GROUPS,
            RUNBOOK_URL,
            PAUSE_AFTER_FAILURES);

    /** The pipeline's page (composite) alarm, which its failed runs raise with the page text. */
    public static final String PAGE_ALARM = "pageAlarm";
    /** The dashboard the page links to. */
    public static final String DASHBOARD = "dashboard";
    /**
     * A one-alarm pipeline's page alarms (each a signal on the remediation topic) to the name of the human topic the
     * function publishes that page on: the function is the pager of such a pipeline, and {@link #PAGE_ALARM} names the
     * one of them that holds the run-failed bit. Absent for a pipeline whose page is a composite.
     */
    public static final String PAGE_TOPICS = "pageTopics";
    /** A pipeline's keys: its own {@link #ERROR_CLASS_ACTIONS} and {@link #RUNBOOK_URL}, its page alarm, its dashboard. */
    public static final Set<String> PIPELINE_KEYS =
            Set.of(ERROR_CLASS_ACTIONS, PAGE_ALARM, PAGE_TOPICS, DASHBOARD, RUNBOOK_URL);

    public static final String MAX_RESTARTS = "maxRestarts";
    public static final String WINDOW_MINUTES = "windowMinutes";
    public static final Set<String> BUDGET_KEYS = Set.of(MAX_RESTARTS, WINDOW_MINUTES);

    /** A {@link RouteAction#configName()}. */
    public static final String ACTION = "action";
    /** The Glue job a job-starting action starts; for a crawler's notify-only route, the pipeline it pages. */
    public static final String JOB_NAME = "jobName";

    public static final Set<String> ROUTE_KEYS = Set.of(ACTION, JOB_NAME);

    /** Route-key prefix of a Glue "Job State Change" notification; the job name follows it. */
    public static final String GLUE_JOB_STATE_PREFIX = "glue-job-state:";
    /**
     * Route-key prefix of a Glue "Crawler State Change" notification; the crawler name follows it. Its route is
     * notify-only and names the pipeline ({@link #JOB_NAME}) whose page the crawler's failure raises.
     */
    public static final String GLUE_CRAWLER_STATE_PREFIX = "glue-crawler-state:";

    /** The incident ledger's DynamoDB table name (a deploy-time value, hence a variable of its own). */
    public static final String LEDGER_TABLE_VARIABLE = "RESPONSE_LEDGER_TABLE";
    /** The SNS topic ARNs the function accepts notifications from, comma-separated (deploy-time values). */
    public static final String SOURCE_TOPICS_VARIABLE = "RESPONSE_SOURCE_TOPIC_ARNS";
    /**
     * The human topics the function may publish pages on, comma-separated ARNs (deploy-time values); the configuration
     * names them ({@link #PAGE_TOPICS}) by topic name, the last part of the ARN.
     */
    public static final String PAGE_TOPICS_VARIABLE = "RESPONSE_PAGE_TOPIC_ARNS";
    /**
     * The metric (embedded metric format, no dimension) the function emits once per failed or timed-out run of a
     * one-alarm pipeline whose page it published or found open: the guard compares it with the failed runs counted
     * from the event history.
     */
    public static final String RUN_PAGES_METRIC = "RunFailuresPaged";
    /** The ledger table's partition key (a string). */
    public static final String LEDGER_KEY = "pk";
    /** The ledger table's time-to-live attribute (epoch seconds). */
    public static final String LEDGER_EXPIRES_AT = "expiresAt";

    private ResponseConfiguration() {}

    /** The route key of a Glue "Job State Change" notification for {@code jobName}. */
    public static String glueJobStateRouteKey(String jobName) {
        return GLUE_JOB_STATE_PREFIX + jobName;
    }

    /** The route key of a Glue "Crawler State Change" notification for {@code crawlerName}. */
    public static String glueCrawlerStateRouteKey(String crawlerName) {
        return GLUE_CRAWLER_STATE_PREFIX + crawlerName;
    }
}
