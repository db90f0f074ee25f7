package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;

class TriggerStateVerdictTest {

    private static Optional<Trigger> in(TriggerState state) {
        return Optional.of(Trigger.builder().name("t").state(state).build());
    }

    @Test
    void deactivatedAndDeactivatingTriggersAreNamedInTheReason() {
        Map<String, Optional<Trigger>> triggers = new LinkedHashMap<>();
        triggers.put("orders-after-crawl", in(TriggerState.ACTIVATED));
        triggers.put("orders-nightly", in(TriggerState.DEACTIVATED));
        triggers.put("orders-dq", in(TriggerState.DEACTIVATING));
        assertThat(TriggerStateVerdict.deactivated(triggers))
                .contains("trigger orders-nightly is DEACTIVATED; trigger orders-dq is DEACTIVATING");
    }

    @Test
    void aTriggerThatNoLongerExistsCountsAsDeactivated() {
        assertThat(TriggerStateVerdict.deactivated(Map.of("orders-nightly", Optional.empty())))
                .contains("trigger orders-nightly does not exist");
    }

    @Test
    void activeStartingOrChangingTriggersAreNoFinding() {
        for (TriggerState state : new TriggerState[] {
            TriggerState.ACTIVATED,
            TriggerState.ACTIVATING,
            TriggerState.CREATED,
            TriggerState.CREATING,
            TriggerState.UPDATING,
            TriggerState.DELETING
        }) {
            assertThat(TriggerStateVerdict.deactivated(Map.of("t", in(state))))
                    .as(state.toString())
                    .isEmpty();
        }
        assertThat(TriggerStateVerdict.deactivated(Map.of())).isEmpty();
    }
}
