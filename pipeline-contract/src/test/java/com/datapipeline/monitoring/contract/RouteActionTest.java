package com.datapipeline.monitoring.contract;

import static org.assertj.core.api.Assertions.assertThat;

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
    void onlyNotifyOnlyStartsNoJob() {
        assertThat(RouteAction.NOTIFY_ONLY.startsJob()).isFalse();
        assertThat(RouteAction.RESTART_JOB.startsJob()).isTrue();
        assertThat(RouteAction.START_VALIDATION_JOB.startsJob()).isTrue();
    }
}
