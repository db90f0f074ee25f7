package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {
    private final Report report = new Report(
            "DataPipelineMonitoringStack",
            List.of(
                    CheckResult.pass("alarm ErrorRateAlarm", "DataPipelineMetrics ErrorRate > 2"),
                    CheckResult.fail(
                            "subscription lambda AlarmResponseFunction", "the topic has no lambda subscription"),
                    CheckResult.skip("subscription email", "no alertEmail configured")));

    @Test
    void textHasOneLinePerCheckThenASummary() {
        assertThat(report.text()).isEqualTo("""
                Verifying DataPipelineMonitoringStack
                PASS  alarm ErrorRateAlarm: DataPipelineMetrics ErrorRate > 2
                FAIL  subscription lambda AlarmResponseFunction: the topic has no lambda subscription
                SKIP  subscription email: no alertEmail configured
                verify FAILED: 1 passed, 1 failed, 1 skipped
                """);
    }

    @Test
    void anyFailureFailsTheReportButSkipsDoNot() {
        assertThat(report.failed()).isTrue();
        assertThat(new Report("S", List.of(CheckResult.pass("a", ""), CheckResult.skip("b", "why"))).failed())
                .isFalse();
    }

    @Test
    void jsonCarriesCountsAndEveryCheckForCi() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.json());

        assertThat(json.get("stack").asText()).isEqualTo("DataPipelineMonitoringStack");
        assertThat(json.get("ok").asBoolean()).isFalse();
        assertThat(json.get("passed").asInt()).isEqualTo(1);
        assertThat(json.get("failed").asInt()).isEqualTo(1);
        assertThat(json.get("skipped").asInt()).isEqualTo(1);
        assertThat(json.get("checks")).hasSize(3);
        assertThat(json.get("checks").get(1).get("status").asText()).isEqualTo("FAIL");
        assertThat(json.get("checks").get(1).get("check").asText())
                .isEqualTo("subscription lambda AlarmResponseFunction");
    }
}
