package com.datapipeline.monitoring.metrics;

import java.util.Optional;
import software.amazon.awssdk.services.glue.model.Trigger;

/** Reads a Glue trigger. */
public interface TriggerStateSource {

    /** The trigger, or empty when Glue says it does not exist. */
    Optional<Trigger> trigger(String name);
}
