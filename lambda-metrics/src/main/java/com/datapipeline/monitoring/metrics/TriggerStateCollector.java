package com.datapipeline.monitoring.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * Adds TriggerDeactivated to what another collector measured, for a pipeline with trigger stages: 1 when {@link
 * TriggerStateVerdict} finds a declared trigger deactivated or missing, else 0. Each trigger is read once per
 * invocation; failing to read one (other than "does not exist") skips the metric, naming that trigger.
 */
public final class TriggerStateCollector extends AddedMetricCollector {

    private final TriggerStateSource triggers;

    public TriggerStateCollector(MetricsCollector measured, TriggerStateSource triggers) {
        super(measured, PipelineMetric.TRIGGER_DEACTIVATED);
        this.triggers = Objects.requireNonNull(triggers, "triggers");
    }

    @Override
    protected boolean appliesTo(MetricsConfig.PipelineConfig pipeline) {
        return !pipeline.triggers().isEmpty();
    }

    @Override
    protected String subject(MetricsConfig.PipelineConfig pipeline) {
        return "the triggers " + String.join(", ", pipeline.triggers());
    }

    @Override
    protected Reading read(MetricsConfig.PipelineConfig pipeline) {
        Map<String, Optional<Trigger>> read = new LinkedHashMap<>();
        for (String name : pipeline.triggers()) {
            try {
                read.put(name, triggers.trigger(name));
            } catch (RuntimeException e) {
                return Reading.failed("trigger " + name, e);
            }
        }
        return Reading.of(TriggerStateVerdict.deactivated(read).isPresent() ? 1 : 0);
    }
}
