package com.datapipeline.monitoring.response;

import java.nio.charset.StandardCharsets;
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

    // The global console host with ?region= reaches every Region's pages, and is shorter: a page is 1,023 characters.
    private static final String CONSOLE = "https://console.aws.amazon.com/";

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
        return CONSOLE + "cloudwatch/home?region=" + region + "#dashboards:name=" + pathSegment(name);
    }

    /** The console's escaping inside a queryDetail value: every byte but letters, digits, '-', '_' and '.' as *XX. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((Character.isLetterOrDigit(c) && c < 128) || c == '-' || c == '_' || c == '.') {
                escaped.append(c);
            } else {
                escaped.append('*').append(String.format("%02x", b & 0xff));
            }
        }
        return escaped.toString();
    }

    /** A name in a URL path: percent-encoded where it is not a plain letter, digit, '-', '_' or '.'. */
    static String pathSegment(String name) {
        return escape(name).replace('*', '%');
    }
}
