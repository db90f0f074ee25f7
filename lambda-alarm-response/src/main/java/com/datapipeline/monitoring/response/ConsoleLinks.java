package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ConsoleUrls;
import java.util.List;
import java.util.Objects;

/**
 * Links into the AWS console of one Region, for a page: a Glue run, a Logs Insights query over a run's log streams,
 * a dashboard. The run link has the form of Glue Studio's run details page (as Apache Airflow's Glue operator links
 * it); the Logs Insights link presets the query and its log groups in the console's own URL fragment
 * ({@code logs-insights$3FqueryDetail$3D~(...)}, values escaped as {@code *XX}).
 */
public record ConsoleLinks(String region) {

    /** How far back the Logs Insights link looks, from when it is opened: a run's streams carry its id anyway. */
    static final int LOGS_LOOKBACK_SECONDS = 7 * 24 * 3600;

    public ConsoleLinks {
        Objects.requireNonNull(region, "region");
    }

    private static final String CONSOLE = ConsoleUrls.CONSOLE;

    public String glueRun(String job, String runId) {
        return CONSOLE + "gluestudio/home?region=" + region + "#/job/" + pathSegment(job) + "/run/" + runId;
    }

    /** Logs Insights over {@code logGroups}, preset to the streams of run {@code runId} (Glue names them after it). */
    public String runLogs(String runId, List<String> logGroups) {
        StringBuilder source = new StringBuilder();
        logGroups.forEach(group -> source.append("~'").append(escape(group)));
        return CONSOLE + "cloudwatch/home?region=" + region + "#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-"
                + LOGS_LOOKBACK_SECONDS + "~timeType~'RELATIVE~unit~'seconds~editorString~'"
                + escape("filter @logStream like /^" + runId + "/")
                + "~source~(" + source + "))";
    }

    /** The crawler's page in the Glue console (its runs and their logs). */
    public String crawler(String name) {
        return CONSOLE + "glue/home?region=" + region + "#/v2/data-catalog/crawlers/view/" + pathSegment(name);
    }

    public String dashboard(String name) {
        return ConsoleUrls.dashboard(region, name);
    }

    static String escape(String text) {
        return ConsoleUrls.escape(text);
    }

    static String pathSegment(String name) {
        return ConsoleUrls.pathSegment(name);
    }
}
