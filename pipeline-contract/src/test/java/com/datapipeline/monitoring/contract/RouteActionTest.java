package com.datapipeline.monitoring.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RouteActionTest {
    @Test
    void everyActionIsReadBackFromItsConfigName() {
        for (RouteAction action : RouteAction.values()) {
            assertThat(RouteAction.fromConfigName(action.configName())).contains(action);
        }
        assertThat(RouteAction.fromConfigName("RESTART_JOB")).isEmpty();
    }

    @Test
    void onlyTheRestartAndTheValidationStartAJob() {
        assertThat(Arrays.stream(RouteAction.values()).filter(RouteAction::startsJob))
                .containsExactly(RouteAction.RESTART_JOB, RouteAction.START_VALIDATION_JOB);
    }

    @Test
    void pausingTriggersIsAnErrorClassActionNotARoute() {
        assertThat(RouteAction.PAUSE_TRIGGER.isRouteAction()).isFalse();
        assertThat(Arrays.stream(RouteAction.values()).filter(RouteAction::isRouteAction))
                .containsExactly(RouteAction.RESTART_JOB, RouteAction.START_VALIDATION_JOB, RouteAction.NOTIFY_ONLY);
    }
}
