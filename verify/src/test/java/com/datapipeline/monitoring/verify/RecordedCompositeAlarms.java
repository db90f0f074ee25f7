package com.datapipeline.monitoring.verify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutCompositeAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

/**
 * CloudWatch against the emulator, except composite alarms, which moto 5.2.5 does not have (PutCompositeAlarm
 * answers HTTP 500 "not implemented", and DescribeAlarms never returns any): they are kept here and answered in
 * the shape AWS documents, including AWS's rule that DescribeAlarms returns composites only when the request's
 * AlarmTypes names them. Every other call goes to the emulator unchanged.
 */
final class RecordedCompositeAlarms implements CloudWatchClient {

    /** The composites "deployed" by one test, shared by every client it creates. */
    static final class Store {
        final Map<String, CompositeAlarm> alarms = new ConcurrentHashMap<>();
        final List<SetAlarmStateRequest> stateChanges = new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    private final CloudWatchClient delegate;
    private final Store store;

    RecordedCompositeAlarms(CloudWatchClient delegate, Store store) {
        this.delegate = delegate;
        this.store = store;
    }

    @Override
    public PutCompositeAlarmResponse putCompositeAlarm(PutCompositeAlarmRequest request) {
        Instant now = Instant.now();
        store.alarms.put(
                request.alarmName(),
                CompositeAlarm.builder()
                        .alarmName(request.alarmName())
                        .alarmArn("arn:aws:cloudwatch:" + EmulatorClients.REGION.id() + ":" + EmulatorClients.ACCOUNT
                                + ":alarm:" + request.alarmName())
                        .alarmDescription(request.alarmDescription())
                        .alarmRule(request.alarmRule())
                        .actionsEnabled(request.actionsEnabled() == null || request.actionsEnabled())
                        .alarmActions(request.alarmActions())
                        .okActions(request.okActions())
                        .insufficientDataActions(request.insufficientDataActions())
                        .stateValue(StateValue.INSUFFICIENT_DATA)
                        .stateReason("Unchecked: Initial alarm creation")
                        .stateUpdatedTimestamp(now)
                        .alarmConfigurationUpdatedTimestamp(now)
                        .build());
        return PutCompositeAlarmResponse.builder().build();
    }

    @Override
    public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest request) {
        DescribeAlarmsResponse metric = delegate.describeAlarms(request);
        if (!request.alarmTypes().contains(AlarmType.COMPOSITE_ALARM)) {
            return metric;
        }
        List<CompositeAlarm> composites = new ArrayList<>();
        for (CompositeAlarm alarm : store.alarms.values()) {
            boolean named = request.hasAlarmNames() && request.alarmNames().contains(alarm.alarmName());
            boolean prefixed =
                    request.alarmNamePrefix() != null && alarm.alarmName().startsWith(request.alarmNamePrefix());
            boolean all = !request.hasAlarmNames() && request.alarmNamePrefix() == null;
            if (named || prefixed || all) {
                composites.add(alarm);
            }
        }
        List<software.amazon.awssdk.services.cloudwatch.model.MetricAlarm> metricAlarms =
                request.alarmTypes().contains(AlarmType.METRIC_ALARM) ? metric.metricAlarms() : List.of();
        return metric.toBuilder()
                .metricAlarms(metricAlarms)
                .compositeAlarms(composites)
                .build();
    }

    /** SetAlarmState works on a composite in AWS; here it changes the recorded one. */
    @Override
    public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest request) {
        CompositeAlarm composite = store.alarms.get(request.alarmName());
        if (composite == null) {
            return delegate.setAlarmState(request);
        }
        store.stateChanges.add(request);
        store.alarms.put(
                request.alarmName(),
                composite.toBuilder()
                        .stateValue(request.stateValue())
                        .stateReason(request.stateReason())
                        .stateUpdatedTimestamp(Instant.now())
                        .build());
        return SetAlarmStateResponse.builder().build();
    }

    @Override
    public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest request) {
        return delegate.putMetricAlarm(request);
    }

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest request) {
        return delegate.putMetricData(request);
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest request) {
        return delegate.getMetricData(request);
    }

    @Override
    public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest request) {
        request.alarmNames().forEach(store.alarms::remove);
        return delegate.deleteAlarms(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
