package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;

class TriggerStateCollectorTest {
    private static final MetricsCollector JOB_METRICS =
            pipeline -> new PipelineMeasurement(Map.of(PipelineMetric.ERROR_RATE, 0.0), Map.of(), false);

    private static Optional<Trigger> in(String name, TriggerState state) {
        return Optional.of(Trigger.builder().name(name).state(state).build());
    }

    @Test
    void readsEachDeclaredTriggerOnceAndPublishesOneWhenOneIsDeactivated() {
        List<String> asked = new ArrayList<>();
        var collector = new TriggerStateCollector(JOB_METRICS, name -> {
            asked.add(name);
            return in(name, name.equals("orders-nightly") ? TriggerState.DEACTIVATED : TriggerState.ACTIVATED);
        });
        assertThat(collector
                        .collect(Pipelines.orders(null, null, List.of("orders-after-crawl", "orders-nightly")))
                        .published())
                .containsEntry(PipelineMetric.TRIGGER_DEACTIVATED, 1.0)
                .containsEntry(PipelineMetric.ERROR_RATE, 0.0);
        assertThat(asked).containsExactly("orders-after-crawl", "orders-nightly");
    }

    @Test
    void publishesZeroWhenAllAreActivatedAndOneWhenOneIsMissing() {
        var active = new TriggerStateCollector(JOB_METRICS, name -> in(name, TriggerState.ACTIVATED));
        assertThat(active.collect(Pipelines.orders(null, null, List.of("a", "b")))
                        .published())
                .containsEntry(PipelineMetric.TRIGGER_DEACTIVATED, 0.0);
        var missing = new TriggerStateCollector(
                JOB_METRICS, name -> name.equals("b") ? Optional.empty() : in(name, TriggerState.ACTIVATED));
        assertThat(missing.collect(Pipelines.orders(null, null, List.of("a", "b")))
                        .published())
                .containsEntry(PipelineMetric.TRIGGER_DEACTIVATED, 1.0);
    }

    @Test
    void aPipelineWithoutTriggersIsNeverAskedAndGetsNoMetric() {
        List<String> asked = new ArrayList<>();
        var collector = new TriggerStateCollector(JOB_METRICS, name -> {
            asked.add(name);
            return Optional.empty();
        });
        PipelineMeasurement measured = collector.collect(Pipelines.orders(null, null));
        assertThat(measured.published()).doesNotContainKey(PipelineMetric.TRIGGER_DEACTIVATED);
        assertThat(measured.skipped()).doesNotContainKey(PipelineMetric.TRIGGER_DEACTIVATED);
        assertThat(asked).isEmpty();
    }

    @Test
    void aFailedReadSkipsOnlyThisMetricWithTheErrorAsTheReason() {
        var collector = new TriggerStateCollector(JOB_METRICS, name -> {
            throw GlueException.builder()
                    .message("User is not authorized to perform: glue:GetTrigger")
                    .build();
        });
        PipelineMeasurement measured = collector.collect(Pipelines.orders(null, null, List.of("orders-nightly")));
        assertThat(measured.published())
                .containsEntry(PipelineMetric.ERROR_RATE, 0.0)
                .doesNotContainKey(PipelineMetric.TRIGGER_DEACTIVATED);
        assertThat(measured.skipped().get(PipelineMetric.TRIGGER_DEACTIVATED))
                .startsWith("reading trigger orders-nightly failed: ")
                .contains("glue:GetTrigger");
    }
}
