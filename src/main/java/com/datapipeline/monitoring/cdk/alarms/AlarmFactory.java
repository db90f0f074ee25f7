package com.datapipeline.monitoring.cdk.alarms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Creates the stack's alarms, all notifying the alert topic on ALARM and on recovery to OK, and keeps
 * the list of them for the alarm-status widget and the stack outputs.
 */
public final class AlarmFactory {
    private final SnsAction notify;
    private final List<Alarm> alarms = new ArrayList<>();
    private final List<String> alarmNames = new ArrayList<>();

    public AlarmFactory(ITopic alertTopic) {
        this.notify = new SnsAction(Objects.requireNonNull(alertTopic, "alertTopic"));
    }

    /** One alarm; {@code missingData} is always explicit because most pipeline metrics are sparse. */
    public Alarm create(Construct scope, String id, AlarmSpec spec) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmName(spec.name())
                .alarmDescription(spec.description())
                .metric(spec.metric())
                .threshold(spec.threshold())
                .comparisonOperator(spec.comparison())
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .treatMissingData(spec.missingData())
                .build();
        alarm.addAlarmAction(notify);
        alarm.addOkAction(notify);
        alarms.add(alarm);
        alarmNames.add(spec.name());
        return alarm;
    }

    /** Every alarm created so far, in creation order. */
    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The names of {@link #alarms()}, as plain strings (an alarm's own name attribute is a token). */
    public List<String> alarmNames() {
        return List.copyOf(alarmNames);
    }

    /** What one alarm watches and when it fires. */
    public record AlarmSpec(
            String name,
            String description,
            IMetric metric,
            double threshold,
            ComparisonOperator comparison,
            TreatMissingData missingData) {
    }
}
