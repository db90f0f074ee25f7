package com.datapipeline.monitoring.response;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a pipeline's page goes and what it links to, from RESPONSE_CONFIG's {@code pipelines.<job>}.
 *
 * @param job        the pipeline's Glue job
 * @param pageAlarm  the alarm that pages for the pipeline's failed runs: its composite page, or for a one-alarm
 *                   pipeline the page alarm that holds the run-failed bit; empty: the function only logs its page text
 * @param dashboard  the dashboard (page) that shows the pipeline
 * @param runbookUrl the pipeline's runbook; empty: the configuration's default runbook
 * @param pageTopics for a one-alarm pipeline, whose pager the function is: each page alarm to the name of the human
 *                   topic its page goes to; empty for a composite page (the function sets its state instead)
 */
public record PipelinePage(
        String job,
        Optional<String> pageAlarm,
        Optional<String> dashboard,
        Optional<String> runbookUrl,
        Map<String, String> pageTopics) {

    public PipelinePage {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(pageAlarm, "pageAlarm");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(runbookUrl, "runbookUrl");
        pageTopics = Map.copyOf(pageTopics);
    }

    /** A pipeline whose page is a composite (or none). */
    public PipelinePage(
            String job, Optional<String> pageAlarm, Optional<String> dashboard, Optional<String> runbookUrl) {
        this(job, pageAlarm, dashboard, runbookUrl, Map.of());
    }

    /** A pipeline the configuration says nothing about: no page alarm, no dashboard, the default runbook. */
    public static PipelinePage unknown(String job) {
        return new PipelinePage(job, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Whether the function publishes this pipeline's pages itself (a one-alarm pipeline). */
    public boolean pagedByFunction() {
        return !pageTopics.isEmpty();
    }
}
