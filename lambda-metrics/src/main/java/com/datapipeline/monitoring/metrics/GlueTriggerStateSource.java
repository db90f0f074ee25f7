package com.datapipeline.monitoring.metrics;

import java.util.Optional;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.Trigger;

/**
 * {@link TriggerStateSource} over Glue's {@code GetTrigger}. Glue sends no EventBridge event when a trigger is
 * deactivated, so each declared trigger is read on every invocation of the schedule.
 */
public final class GlueTriggerStateSource implements TriggerStateSource {

    private final GlueClient glue;

    public GlueTriggerStateSource(GlueClient glue) {
        this.glue = glue;
    }

    @Override
    public Optional<Trigger> trigger(String name) {
        try {
            return Optional.of(glue.getTrigger(r -> r.name(name)).trigger());
        } catch (EntityNotFoundException e) {
            // A deleted trigger starts nothing either: the verdict counts it as deactivated.
            return Optional.empty();
        }
    }
}
