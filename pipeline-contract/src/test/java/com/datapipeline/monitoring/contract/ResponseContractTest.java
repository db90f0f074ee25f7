package com.datapipeline.monitoring.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseContractTest {
    @Test
    void aGlueJobStateRouteKeyIsThePrefixAndTheJob() {
        assertThat(ResponseConfiguration.glueJobStateRouteKey("orders-etl")).isEqualTo("glue-job-state:orders-etl");
        assertThat(ResponseConfiguration.glueJobStateRouteKey("orders-etl"))
                .startsWith(ResponseConfiguration.GLUE_JOB_STATE_PREFIX);
    }

    @Test
    void theDrillMarkerIsFoundAnywhereInAReason() {
        assertThat(DrillMarker.isDrill("[monitoring-drill] make verify drill started"))
                .isTrue();
        assertThat(DrillMarker.isDrill("Threshold Crossed; " + DrillMarker.TEXT))
                .isTrue();
        assertThat(DrillMarker.isDrill("Threshold Crossed: 1 datapoint")).isFalse();
        assertThat(DrillMarker.isDrill(null)).isFalse();
    }

    @Test
    void theAuditQueryShowsEachDecisionFieldOnceAndNotTheLineKind() {
        assertThat(DecisionLine.AUDIT_FIELDS)
                .doesNotHaveDuplicates()
                .doesNotContain(LogFields.LEVEL, LogFields.EVENT, DecisionLine.ERROR)
                .contains(DecisionLine.ALARM, DecisionLine.OUTCOME, DecisionLine.MESSAGE_ID);
    }
}
