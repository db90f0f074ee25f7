package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/** GetTrigger against the local AWS API emulator: an activated trigger gives 0, the same one stopped gives 1. */
class TriggerStatesIT {

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
    void aStoppedTriggerIsDeactivatedAndAMissingOneToo() {
        String trigger = "it-trigger-" + UUID.randomUUID().toString().substring(0, 8);
        glue.createTrigger(r -> r.name(trigger)
                .type(TriggerType.SCHEDULED)
                .schedule("cron(0 2 * * ? *)")
                .actions(a -> a.jobName("orders-etl"))
                .startOnCreation(true));
        var pipeline = Pipelines.orders(null, null, List.of(trigger));
        MetricsCollector none = p -> new PipelineMeasurement(Map.of(), Map.of(), false);
        var collector = new TriggerStateCollector(none, new GlueTriggerStateSource(glue));

        assertThat(new GlueTriggerStateSource(glue)
                        .trigger(trigger)
                        .orElseThrow()
                        .state())
                .isEqualTo(TriggerState.ACTIVATED);
        assertThat(collector.collect(pipeline).published()).containsEntry(PipelineMetric.TRIGGER_DEACTIVATED, 0.0);

        glue.stopTrigger(r -> r.name(trigger));
        assertThat(new GlueTriggerStateSource(glue)
                        .trigger(trigger)
                        .orElseThrow()
                        .state())
                .isEqualTo(TriggerState.DEACTIVATED);
        assertThat(collector.collect(pipeline).published()).containsEntry(PipelineMetric.TRIGGER_DEACTIVATED, 1.0);

        glue.startTrigger(r -> r.name(trigger));
        assertThat(collector.collect(pipeline).published()).containsEntry(PipelineMetric.TRIGGER_DEACTIVATED, 0.0);

        glue.deleteTrigger(r -> r.name(trigger));
        assertThat(new GlueTriggerStateSource(glue).trigger(trigger)).isEmpty();
        assertThat(collector.collect(pipeline).published()).containsEntry(PipelineMetric.TRIGGER_DEACTIVATED, 1.0);
    }
}
