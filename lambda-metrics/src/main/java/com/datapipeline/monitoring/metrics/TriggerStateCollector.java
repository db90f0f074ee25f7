package com.datapipeline.monitoring.metrics;

import com.datapipeline.monitoring.lambda.ErrorText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * Adds TriggerDeactivated to what another collector measured, for a pipeline with trigger stages: 1 when {@link
 * TriggerStateVerdict} finds a declared trigger deactivated or missing, else 0. Each trigger is read once per
 * invocation. Failing to read one (other than "does not exist") only skips this metric, with the error as the reason,
 * so the job's own metrics are still published.
 */
public final class TriggerStateCollector implements MetricsCollector {

    private final MetricsCollector measured;
    private final TriggerStateSource triggers;

    public TriggerStateCollector(MetricsCollector measured, TriggerStateSource triggers) {
        this.measured = Objects.requireNonNull(measured, "measured");
        this.triggers = Objects.requireNonNull(triggers, "triggers");
    }

    @Override
    public PipelineMeasurement collect(MetricsConfig.PipelineConfig pipeline) {
        PipelineMeasurement measurement = measured.collect(pipeline);
        if (pipeline.triggers().isEmpty()) {
            return measurement;
        }
        PipelineMeasurement.Builder result = measurement.toBuilder();
        PipelineMetric metric = PipelineMetric.TRIGGER_DEACTIVATED;
        Map<String, Optional<Trigger>> read = new LinkedHashMap<>();
        for (String name : pipeline.triggers()) {
            try {
                read.put(name, triggers.trigger(name));
            } catch (RuntimeException e) {
                result.skip(metric, "reading trigger " + name + " failed: " + ErrorText.describe(e));
                return result.build(measurement.simulated());
            }
        }
        result.publish(metric, TriggerStateVerdict.deactivated(read).isPresent() ? 1 : 0);
        return result.build(measurement.simulated());
    }
}
