package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the function's pages read and where they go, from RESPONSE_CONFIG.
 *
 * @param pipelines  per job: its page alarm, dashboard and runbook ({@code pipelines.<job>})
 * @param runbookUrl the runbook of pipelines without their own ({@code runbookUrl}); an error class's section is
 *                   appended as an anchor
 * @param logGroups  where Glue writes a run's logs ({@code jobLogGroups}), for the page's Logs Insights link
 */
public record PageSettings(Map<String, PipelinePage> pipelines, String runbookUrl, List<String> logGroups) {

    public static final PageSettings DEFAULT =
            new PageSettings(Map.of(), ResponseConfiguration.DEFAULT_RUNBOOK, List.of());

    public PageSettings {
        pipelines = Map.copyOf(pipelines);
        Objects.requireNonNull(runbookUrl, "runbookUrl");
        logGroups = List.copyOf(logGroups);
    }

    /** The one-alarm pipeline whose page alarm this is, if the function is its pager. */
    public Optional<PipelinePage> pagedByAlarm(String alarm) {
        return pipelines.values().stream()
                .filter(page -> page.pageTopics().containsKey(alarm))
                .findFirst();
    }

    public PipelinePage pipeline(String job) {
        return pipelines.getOrDefault(job, PipelinePage.unknown(job));
    }
}
