package com.datapipeline.monitoring.metrics;

import java.time.Clock;
import java.util.Objects;

/**
 * Adds WorkflowRunFailed to what another collector measured, for a pipeline with a workflow stage: 1 when {@link
 * WorkflowRunVerdict} finds a failure in the workflow's newest runs, else 0. Glue sends no event for workflow runs, so
 * this poll (once per invocation of the schedule) is what names the workflow.
 */
public final class WorkflowRunCollector extends AddedMetricCollector {

    private final WorkflowRunSource runs;
    private final Clock clock;

    public WorkflowRunCollector(MetricsCollector measured, WorkflowRunSource runs, Clock clock) {
        super(measured, PipelineMetric.WORKFLOW_RUN_FAILED);
        this.runs = Objects.requireNonNull(runs, "runs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    protected boolean appliesTo(MetricsConfig.PipelineConfig pipeline) {
        return pipeline.workflow() != null;
    }

    @Override
    protected String subject(MetricsConfig.PipelineConfig pipeline) {
        return "the runs of workflow " + pipeline.workflow().name();
    }

    @Override
    protected Reading read(MetricsConfig.PipelineConfig pipeline) {
        WorkflowWatch workflow = pipeline.workflow();
        boolean failed = WorkflowRunVerdict.failure(
                        runs.newestRuns(workflow.name()), clock.instant(), workflow.stuckAfter())
                .isPresent();
        return Reading.of(failed ? 1 : 0);
    }
}
