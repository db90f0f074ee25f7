package com.datapipeline.monitoring.response;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a pipeline's page goes and what it links to, from RESPONSE_CONFIG's {@code pipelines.<job>}.
 *
 * @param job        the pipeline's Glue job
 * @param pageAlarm  the alarm that pages for the pipeline's failed runs (its composite page); empty: the function
 *                   only logs its page text
 * @param dashboard  the dashboard (page) that shows the pipeline
 * @param runbookUrl the pipeline's runbook; empty: the configuration's default runbook
 */
public record PipelinePage(
        String job, Optional<String> pageAlarm, Optional<String> dashboard, Optional<String> runbookUrl) {

    public PipelinePage {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(pageAlarm, "pageAlarm");
        Objects.requireNonNull(dashboard, "dashboard");
        Objects.requireNonNull(runbookUrl, "runbookUrl");
    }

    /** A pipeline the configuration says nothing about: no page alarm, no dashboard, the default runbook. */
    public static PipelinePage unknown(String job) {
        return new PipelinePage(job, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
