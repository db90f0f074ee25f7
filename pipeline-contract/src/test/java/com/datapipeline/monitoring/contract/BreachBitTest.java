package com.datapipeline.monitoring.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BreachBitTest {

    @Test
    void everyModeHasItsOwnBitAndAValueASumCanBeDecodedInto() {
        assertThat(Arrays.stream(BreachBit.values()).map(BreachBit::bit)).doesNotHaveDuplicates();
        assertThat(BreachBit.decode(BreachBit.DURATION.value() + BreachBit.RUN_FAILED.value()))
                .containsExactly(BreachBit.DURATION, BreachBit.RUN_FAILED);
        assertThat(BreachBit.decode(0)).isEmpty();
    }

    @Test
    void theFunctionsBitsWithAThresholdNameAKeyOfTheConfigurationAndThePagesBitsNone() {
        for (BreachBit bit : BreachBit.values()) {
            if (bit.source() == BreachBit.Source.PAGE_EXPRESSION || bit == BreachBit.COLLECTION_FAILED) {
                assertThat(bit.thresholdKey()).as(bit.name()).isEmpty();
            } else {
                assertThat(MetricsConfiguration.THRESHOLD_KEYS)
                        .contains(bit.thresholdKey().orElseThrow());
            }
        }
        // Exactly one function bit per threshold key: none is compared twice, none is left out.
        assertThat(Arrays.stream(BreachBit.values()).flatMap(bit -> bit.thresholdKey().stream()))
                .containsExactlyInAnyOrderElementsOf(MetricsConfiguration.THRESHOLD_KEYS);
    }
}
