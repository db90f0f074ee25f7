package com.datapipeline.monitoring.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MonitoringFunctionTest {
    @Test
    void theConfigurationFileIsNamedAfterItsVariableInTheLayersFolder() {
        assertThat(MonitoringFunction.METRICS.configFileVariable()).isEqualTo("PIPELINES_CONFIG_FILE");
        assertThat(MonitoringFunction.METRICS.configFilePath()).isEqualTo("/opt/monitoring/pipelines-config.json");
        assertThat(MonitoringFunction.ALARM_RESPONSE.configFilePath())
                .isEqualTo("/opt/monitoring/response-config.json");
    }

    @Test
    void eachFunctionHasItsOwnHandlerAndConfigurationFile() {
        assertThat(Arrays.stream(MonitoringFunction.values()).map(MonitoringFunction::configFilePath))
                .doesNotHaveDuplicates();
        assertThat(MonitoringFunction.ALARM_RESPONSE.handler())
                .isEqualTo("com.datapipeline.monitoring.response.AlarmResponseHandler::handleRequest");
    }
}
