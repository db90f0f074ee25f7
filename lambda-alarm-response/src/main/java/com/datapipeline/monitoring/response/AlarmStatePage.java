package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.lambda.ErrorText;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * Makes the pipeline's one page carry the response function's text: while the page alarm (the pipeline's composite)
 * is not in ALARM, {@code SetAlarmState(ALARM, reason = text)} moves it there, and CloudWatch's notification of that
 * transition (to the alert topic, email and chat) has the text as its {@code NewStateReason}. When the failed run's
 * own signal reaches the composite a minute or two later, the composite is in ALARM already, so there is no second
 * page; it goes back to OK, with the one "resolved" message, when its signals do. If the composite is in ALARM
 * already, nothing is set: no transition, no page, and the open page is left as it is.
 *
 * <p>AWS documents SetAlarmState on a composite alarm: its actions run when the state changes, and it returns to its
 * computed state when one of its children changes state. Any failure here is reported, never thrown: the composite
 * still pages by itself, only without the text.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_SetAlarmState.html">SetAlarmState</a>
 */
public final class AlarmStatePage implements PageDelivery {

    private final CloudWatchClient cloudWatch;

    public AlarmStatePage(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    @Override
    public Result deliver(String pageAlarm, String text) {
        try {
            Optional<StateValue> state = stateOf(pageAlarm);
            if (state.isEmpty()) {
                return new Result(Status.NO_PAGE_ALARM, "alarm " + pageAlarm + " does not exist");
            }
            if (state.get() == StateValue.ALARM) {
                return new Result(Status.ALREADY_OPEN, pageAlarm + " was in ALARM already; its page is unchanged");
            }
            cloudWatch.setAlarmState(request -> request.alarmName(pageAlarm)
                    .stateValue(StateValue.ALARM)
                    .stateReason(PageText.cut(text, PageText.STATE_REASON_LIMIT)));
            return new Result(Status.PAGED, pageAlarm + " went to ALARM with this text as its reason");
        } catch (SdkException e) {
            return new Result(
                    Status.NOT_DELIVERED, ErrorText.message(e) + "; " + pageAlarm + " pages without the text");
        }
    }

    private Optional<StateValue> stateOf(String alarm) {
        DescribeAlarmsResponse response = cloudWatch.describeAlarms(
                request -> request.alarmNames(alarm).alarmTypes(AlarmType.COMPOSITE_ALARM, AlarmType.METRIC_ALARM));
        return response.compositeAlarms().stream()
                .map(a -> a.stateValue())
                .findFirst()
                .or(() -> response.metricAlarms().stream()
                        .map(a -> a.stateValue())
                        .findFirst());
    }
}
