package com.datapipeline.monitoring.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;

/**
 * Whether a pipeline's declared triggers will start nothing (pure): a trigger in state DEACTIVATED or DEACTIVATING, or
 * one that no longer exists, starts no run. CREATING, CREATED (not started yet), ACTIVATING, ACTIVATED, UPDATING and
 * DELETING are not counted: a CREATED trigger is one that was never started, which is its owner's choice at deploy
 * time, not a change to notice.
 */
public final class TriggerStateVerdict {

    private TriggerStateVerdict() {}

    /** The reason, naming every deactivated or missing trigger, or empty when all start runs. */
    public static Optional<String> deactivated(Map<String, Optional<Trigger>> triggers) {
        List<String> reasons = new ArrayList<>();
        triggers.forEach((name, trigger) -> {
            if (trigger.isEmpty()) {
                reasons.add("trigger " + name + " does not exist");
            } else if (trigger.get().state() == TriggerState.DEACTIVATED
                    || trigger.get().state() == TriggerState.DEACTIVATING) {
                reasons.add("trigger " + name + " is " + trigger.get().state());
            }
        });
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }
}
