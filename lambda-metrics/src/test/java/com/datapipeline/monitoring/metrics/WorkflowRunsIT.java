package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.WorkflowRun;
import software.amazon.awssdk.services.glue.model.WorkflowRunStatus;

/**
 * GetWorkflowRuns against the local AWS API emulator: the call, its parameters and the response's shape. moto 5.2.5
 * keeps every run RUNNING (StopWorkflowRun does not change it, no Statistics), so a failed run is decided in {@link
 * WorkflowRunVerdictTest}; here a run past the stuck threshold is the failure the emulator can show.
 */
class WorkflowRunsIT {

    private static GlueClient glue;

    @BeforeAll
    static void connectToEmulator() {
        glue = EmulatorClients.connect().build(GlueClient.builder());
    }

    @AfterAll
    static void closeClient() {
        if (glue != null) {
            glue.close();
        }
    }

    @Test
    void theWorkflowsRunsAreReadAndARunningRunIsJudgedByItsAge() {
        String workflow = "it-workflow-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createWorkflow(r -> r.name(workflow));
        String first = glue.startWorkflowRun(r -> r.name(workflow)).runId();
        String second = glue.startWorkflowRun(r -> r.name(workflow)).runId();

        List<WorkflowRun> runs = new GlueWorkflowRunSource(glue).newestRuns(workflow);

        assertThat(runs).extracting(WorkflowRun::workflowRunId).containsExactlyInAnyOrder(first, second);
        assertThat(runs).allSatisfy(run -> {
            assertThat(run.name()).isEqualTo(workflow);
            assertThat(run.status()).isEqualTo(WorkflowRunStatus.RUNNING);
            assertThat(run.startedOn()).isNotNull();
        });
        Instant started = runs.get(0).startedOn();
        WorkflowWatch watch = new WorkflowWatch(workflow, Duration.ofMinutes(60));
        var pipeline = Pipelines.orders(null, watch);
        MetricsCollector none = p -> new PipelineMeasurement(java.util.Map.of(), java.util.Map.of(), false);
        var soon = new WorkflowRunCollector(
                none, new GlueWorkflowRunSource(glue), Clock.fixed(started.plusSeconds(60), ZoneOffset.UTC));
        assertThat(soon.collect(pipeline).published()).containsEntry(PipelineMetric.WORKFLOW_RUN_FAILED, 0.0);
        var late = new WorkflowRunCollector(
                none, new GlueWorkflowRunSource(glue), Clock.fixed(started.plus(Duration.ofHours(3)), ZoneOffset.UTC));
        assertThat(late.collect(pipeline).published()).containsEntry(PipelineMetric.WORKFLOW_RUN_FAILED, 1.0);
    }

    @Test
    void anUnknownWorkflowIsAnErrorTheCollectorTurnsIntoASkippedMetric() {
        assertThatThrownBy(() -> new GlueWorkflowRunSource(glue).newestRuns("it-no-such-workflow"))
                .isInstanceOf(EntityNotFoundException.class);
    }
}
