package com.datapipeline.monitoring.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorClassTest {
    @Test
    void onlyTransientFailuresAreRestartedUnlessTheConfigurationSaysOtherwise() {
        assertThat(Arrays.stream(ErrorClass.values()).filter(c -> c.defaultAction() == RouteAction.RESTART_JOB))
                .containsExactly(ErrorClass.TRANSIENT);
        assertThat(Arrays.stream(ErrorClass.values()).map(ErrorClass::defaultAction))
                .allMatch(action -> action == RouteAction.RESTART_JOB || action == RouteAction.NOTIFY_ONLY);
    }

    @Test
    void aClassIsReadBackFromItsNameAndHasItsRunbookSection() {
        for (ErrorClass errorClass : ErrorClass.values()) {
            assertThat(ErrorClass.fromConfigName(errorClass.configName())).contains(errorClass);
        }
        assertThat(ErrorClass.fromConfigName("flaky")).isEmpty();
        assertThat(ErrorClass.PERMISSIONS.runbookAnchor()).isEqualTo("error-class-permissions");
    }
}
