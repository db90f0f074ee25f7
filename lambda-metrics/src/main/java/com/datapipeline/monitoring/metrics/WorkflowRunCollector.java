package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.lambda.ErrorText;
import java.time.Clock;
import java.util.Objects;

/**
 * Adds WorkflowRunFailed to what another collector measured, for a pipeline with a workflow stage: 1 when {@link
 * WorkflowRunVerdict} finds a failure in the workflow's newest runs, else 0. Glue sends no event for workflow runs, so
 * this poll (once per invocation of the schedule) is what names the workflow. Failing to read the runs only skips
 * this metric, with the error as the reason, so the job's own metrics are still published.
 */
public final class WorkflowRunCollector implements MetricsCollector {

    private final MetricsCollector measured;
    private final WorkflowRunSource runs;
    private final Clock clock;

    public WorkflowRunCollector(MetricsCollector measured, WorkflowRunSource runs, Clock clock) {
        this.measured = Objects.requireNonNull(measured, "measured");
        this.runs = Objects.requireNonNull(runs, "runs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public PipelineMeasurement collect(MetricsConfig.PipelineConfig pipeline) {
        PipelineMeasurement measurement = measured.collect(pipeline);
        WorkflowWatch workflow = pipeline.workflow();
        if (workflow == null) {
            return measurement;
        }
        PipelineMeasurement.Builder result = measurement.toBuilder();
        PipelineMetric metric = PipelineMetric.WORKFLOW_RUN_FAILED;
        try {
            boolean failed = WorkflowRunVerdict.failure(
                            runs.newestRuns(workflow.name()), clock.instant(), workflow.stuckAfter())
                    .isPresent();
            result.publish(metric, failed ? 1 : 0);
        } catch (RuntimeException e) {
            result.skip(
                    metric, "reading the runs of workflow " + workflow.name() + " failed: " + ErrorText.describe(e));
        }
        return result.build(measurement.simulated());
    }
}
