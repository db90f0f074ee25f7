package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

class WorkflowRunCollectorTest {
    private static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final MetricsCollector JOB_METRICS =
            pipeline -> new PipelineMeasurement(Map.of(PipelineMetric.ERROR_RATE, 0.0), Map.of(), false);

    private static PipelineConfig pipeline(WorkflowWatch workflow) {
        return Pipelines.orders(null, workflow);
    }

    private static WorkflowRun finished(WorkflowRunStatus status) {
        return WorkflowRun.builder()
                .name("orders-daily")
                .workflowRunId("wr_1")
                .status(status)
                .startedOn(NOW.minus(Duration.ofHours(1)))
                .completedOn(NOW.minus(Duration.ofMinutes(30)))
                .build();
    }

    @Test
    void publishesOneForAFailedRunAndZeroForAGoodOneBesideTheJobsMetrics() {
        List<String> asked = new ArrayList<>();
        WorkflowWatch watch = new WorkflowWatch("orders-daily", Duration.ofMinutes(60));
        var failed = new WorkflowRunCollector(
                JOB_METRICS,
                workflow -> {
                    asked.add(workflow);
                    return List.of(finished(WorkflowRunStatus.ERROR));
                },
                CLOCK);
        assertThat(failed.collect(pipeline(watch)).published())
                .containsEntry(PipelineMetric.WORKFLOW_RUN_FAILED, 1.0)
                .containsEntry(PipelineMetric.ERROR_RATE, 0.0);
        assertThat(asked).containsExactly("orders-daily");

        var good = new WorkflowRunCollector(
                JOB_METRICS, workflow -> List.of(finished(WorkflowRunStatus.COMPLETED)), CLOCK);
        assertThat(good.collect(pipeline(watch)).published()).containsEntry(PipelineMetric.WORKFLOW_RUN_FAILED, 0.0);
    }

    @Test
    void aPipelineWithoutAWorkflowIsNeverAskedAndGetsNoMetric() {
        var collector = new WorkflowRunCollector(
                JOB_METRICS,
                workflow -> {
                    throw new AssertionError("no workflow stage: GetWorkflowRuns must not be called");
                },
                CLOCK);
        PipelineMeasurement measurement = collector.collect(pipeline(null));
        assertThat(measurement.published()).doesNotContainKey(PipelineMetric.WORKFLOW_RUN_FAILED);
        assertThat(measurement.skipped()).doesNotContainKey(PipelineMetric.WORKFLOW_RUN_FAILED);
    }

    @Test
    void aFailedReadSkipsOnlyThisMetricWithTheReason() {
        var collector = new WorkflowRunCollector(
                JOB_METRICS,
                workflow -> {
                    throw EntityNotFoundException.builder()
                            .message("Entity not found")
                            .build();
                },
                CLOCK);
        PipelineMeasurement measurement =
                collector.collect(pipeline(new WorkflowWatch("gone", Duration.ofMinutes(60))));
        assertThat(measurement.published()).containsEntry(PipelineMetric.ERROR_RATE, 0.0);
        assertThat(measurement.skipped().get(PipelineMetric.WORKFLOW_RUN_FAILED))
                .startsWith("reading the runs of workflow gone failed:")
                .contains("Entity not found");
    }
}
