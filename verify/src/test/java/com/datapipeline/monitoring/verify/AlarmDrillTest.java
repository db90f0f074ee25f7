package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.contract.DrillMarker;
import com.datapipeline.monitoring.verify.CheckResult.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;

class AlarmDrillTest {
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final String GROUP = "/aws/lambda/AlarmResponseFunction";

    private final Fakes.ManualClock clock = new Fakes.ManualClock(START);
    private final Fakes.CloudWatch cloudWatch = new Fakes.CloudWatch();
    private final Fakes.Logs logs = new Fakes.Logs();
    private final List<String> progress = new ArrayList<>();

    private AlarmDrill drill() {
        return new AlarmDrill(
                Fakes.clients(cloudWatch, logs), clock, clock.sleeper(), progress::add, Duration.ofSeconds(2));
    }

    private static String decision(String alarm, String outcome) {
        return "{\"level\":\"INFO\",\"event\":\"alarm-response\",\"alarm\":\"" + alarm + "\",\"state\":\"ALARM\","
                + "\"action\":\"notify-only\",\"target\":null,\"outcome\":\"" + outcome
                + "\",\"reason\":\"r\",\"jobRunId\":null}";
    }

    @Test
    void setsEachAlarmToAlarmWithTheDrillMarker() {
        logs.onFilter = () -> {
            if (logs.events.isEmpty()) {
                logs.log(clock.instant(), decision("A", "drill"));
                logs.log(clock.instant(), decision("B", "drill"));
            }
        };

        drill().run(List.of("A", "B"), GROUP, Duration.ofSeconds(120));

        assertThat(cloudWatch.stateChanges).extracting(r -> r.alarmName()).containsExactly("A", "B");
        assertThat(cloudWatch.stateChanges).allSatisfy(r -> {
            assertThat(r.stateValueAsString()).isEqualTo("ALARM");
            assertThat(r.stateReason()).startsWith(DrillMarker.TEXT);
        });
    }

    @Test
    void reportsTheDelayUntilTheFunctionLoggedItsDrillDecision() {
        logs.onFilter = () -> {
            if (logs.filterCalls == 3) {
                logs.log(START.plusMillis(3_400), decision("GlueJobFailureAlarm", "drill"));
            }
        };

        List<CheckResult> results = drill().run(List.of("GlueJobFailureAlarm"), GROUP, Duration.ofSeconds(120));

        assertThat(results)
                .containsExactly(CheckResult.pass(
                        "drill GlueJobFailureAlarm", "AlarmResponseFunction logged outcome drill after 3.4 s"));
        assertThat(progress).first().isEqualTo("drill: 0 of 1 alarm responses logged, 0 s of 120 s");
        assertThat(progress).last().isEqualTo("drill: 1 of 1 alarm responses logged, 4 s of 120 s");
    }

    @Test
    void failsEveryAlarmStillWaitingAtTheTimeLimit() {
        logs.log(START.plusSeconds(1), decision("A", "drill"));

        List<CheckResult> results = drill().run(List.of("A", "B"), GROUP, Duration.ofSeconds(10));

        assertThat(results).extracting(CheckResult::status).containsExactly(Status.PASS, Status.FAIL);
        assertThat(results.get(1).detail()).startsWith("no decision in " + GROUP + " within 10 s");
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(10));
        assertThat(progress).hasSize(6);
    }

    @Test
    void aDecisionOtherThanDrillFailsWithTheFunctionsOutcome() {
        logs.log(START.plusSeconds(1), decision("A", "unknown-route"));

        List<CheckResult> results = drill().run(List.of("A"), GROUP, Duration.ofSeconds(10));

        assertThat(results.getFirst().status()).isEqualTo(Status.FAIL);
        assertThat(results.getFirst().detail())
                .startsWith("AlarmResponseFunction answered outcome unknown-route, expected drill");
    }

    @Test
    void ignoresDecisionsLoggedBeforeTheDrillAndLinesThatAreNotJson() {
        logs.log(START.minusSeconds(600), decision("A", "drill"));
        logs.log(START.plusSeconds(1), "START RequestId: 1b2c Version: $LATEST");
        logs.log(START.plusSeconds(1), decision("Other", "drill"));

        List<CheckResult> results = drill().run(List.of("A"), GROUP, Duration.ofSeconds(4));

        assertThat(results.getFirst().status()).isEqualTo(Status.FAIL);
    }

    @Test
    void anAlarmThatCannotBeSetFailsWithoutWaiting() {
        cloudWatch.setAlarmState = r -> {
            throw (CloudWatchException) CloudWatchException.builder()
                    .statusCode(404)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ResourceNotFound")
                            .errorMessage("alarm A does not exist")
                            .build())
                    .build();
        };

        List<CheckResult> results = drill().run(List.of("A"), GROUP, Duration.ofSeconds(120));

        assertThat(results)
                .containsExactly(CheckResult.fail(
                        "drill A", "could not set it to ALARM: ResourceNotFound alarm A does not exist"));
        assertThat(logs.filterCalls).isZero();
        assertThat(clock.instant()).isEqualTo(START);
        cloudWatch.setAlarmState = r -> SetAlarmStateResponse.builder().build();
    }
}
