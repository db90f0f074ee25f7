package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IncidentTest {

    @Test
    void failedRunIsTheJobAndTheRun() {
        assertThat(Incident.ofRun("sample-etl-job", "jr_1").id()).isEqualTo("sample-etl-job/run/jr_1");
    }

    @Test
    void remediationKeyIsStablePerIncidentAndBoundedWhateverTheName() {
        Incident incident = Incident.ofTransition("x".repeat(255), "2026-11-25T01:02:03.536+0000");

        assertThat(incident.remediationKey())
                .isEqualTo(new Incident(incident.id()).remediationKey())
                .startsWith("incident-")
                .hasSize("incident-".length() + 32);
        assertThat(Incident.ofRun("job", "jr_2").remediationKey())
                .isNotEqualTo(Incident.ofRun("job", "jr_1").remediationKey());
    }
}
