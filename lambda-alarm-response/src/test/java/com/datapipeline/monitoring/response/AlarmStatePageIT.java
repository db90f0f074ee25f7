package com.datapipeline.monitoring.response;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * {@link AlarmStatePage} against CloudWatch served by the local emulator. moto has no PutCompositeAlarm, so a
 * metric alarm stands in for the pipeline's composite page: DescribeAlarms and SetAlarmState are the same calls.
 */
class AlarmStatePageIT {

    private static CloudWatchClient cloudWatch;

    private final String pageAlarm =
            "PipelineUnhealthyAlarm-it-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        cloudWatch = Emulator.clients(Emulator.endpoint()).build(CloudWatchClient.builder());
    }

    @AfterAll
    static void close() {
        if (cloudWatch != null) {
            cloudWatch.close();
        }
    }

    private void createPageAlarm() {
        cloudWatch.putMetricAlarm(request -> request.alarmName(pageAlarm)
                .namespace("DataPipeline")
                .metricName("FailedRuns")
                .statistic(Statistic.SUM)
                .period(60)
                .evaluationPeriods(1)
                .threshold(0.0)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
    }

    private MetricAlarm alarm() {
        return cloudWatch
                .describeAlarms(request -> request.alarmNames(pageAlarm))
                .metricAlarms()
                .get(0);
    }

    @Test
    void pageAlarmNotInAlarmGoesToAlarmWithThePageAsItsReason() {
        createPageAlarm();
        String text = "Pipeline orders-etl: Glue job run jr_1 FAILED (attempt 0)\nResponse: not restarted";

        PageDelivery.Result result = new AlarmStatePage(cloudWatch).deliver(pageAlarm, text);

        assertThat(result.status()).isEqualTo(PageDelivery.Status.PAGED);
        assertThat(alarm().stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarm().stateReason()).isEqualTo(text);
    }

    @Test
    void pageAlarmInAlarmAlreadyIsLeftAsItIs() {
        createPageAlarm();
        cloudWatch.setAlarmState(request -> request.alarmName(pageAlarm)
                .stateValue(StateValue.ALARM)
                .stateReason("Threshold Crossed: 1 datapoint [1.0] was greater than the threshold (0.0)."));

        PageDelivery.Result result = new AlarmStatePage(cloudWatch).deliver(pageAlarm, "another incident's page");

        assertThat(result.status()).isEqualTo(PageDelivery.Status.ALREADY_OPEN);
        assertThat(alarm().stateReason()).startsWith("Threshold Crossed");
    }

    @Test
    void textOverTheStateReasonLimitIsCutToIt() {
        createPageAlarm();

        new AlarmStatePage(cloudWatch).deliver(pageAlarm, "x".repeat(5_000));

        assertThat(alarm().stateReason()).hasSize(PageText.STATE_REASON_LIMIT).endsWith(PageText.CUT);
    }

    @Test
    void missingPageAlarmIsReportedNotThrown() {
        PageDelivery.Result result = new AlarmStatePage(cloudWatch).deliver(pageAlarm, "text");

        assertThat(result.status()).isEqualTo(PageDelivery.Status.NO_PAGE_ALARM);
        assertThat(result.toString()).isEqualTo("no-page-alarm: alarm " + pageAlarm + " does not exist");
    }
}
