package com.datapipeline.monitoring.cdk.alarms;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import com.datapipeline.monitoring.cdk.alerting.AlarmRouting;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.CompositeAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarmRule;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.constructs.Construct;

/**
 * Creates the stack's alarms, each notifying the topic its routing names on ALARM and on recovery to
 * OK, and keeps their names for the alarm-status widget, the cost estimate and the stack outputs.
 */
public final class AlarmFactory {
    private final AlarmRouting routing;
    private final List<String> alarmNames = new ArrayList<>();
    private int anomalyDetectionAlarms;
    private int compositeAlarms;

    public AlarmFactory(AlarmRouting routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
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
        routing.topicFor(spec.name()).map(SnsAction::new).ifPresent(notify -> {
            alarm.addAlarmAction(notify);
            alarm.addOkAction(notify);
        });
        remember(spec.name());
        return alarm;
    }

    /**
     * An anomaly-detection alarm: it fires when the metric leaves the band CloudWatch learns from the
     * metric's history, {@code bandWidth} standard deviations wide. The L2 Alarm cannot express a band
     * threshold, hence the L1 resource.
     */
    public IAlarm createAnomalyDetection(Construct scope, String id, String name, String description, Metric metric,
                                         double bandWidth, String comparison) {
        List<String> actions = routing.topicFor(name).map(topic -> List.of(topic.getTopicArn())).orElse(List.of());
        CfnAlarm alarm = CfnAlarm.Builder.create(scope, id)
                .alarmName(name)
                .alarmDescription(description)
                .comparisonOperator(comparison)
                .evaluationPeriods(1)
                .datapointsToAlarm(1)
                .thresholdMetricId("band")
                .treatMissingData("notBreaching")
                .alarmActions(actions)
                .okActions(actions)
                .metrics(List.of(
                        CfnAlarm.MetricDataQueryProperty.builder()
                                .id("m1")
                                .returnData(true)
                                .metricStat(CfnAlarm.MetricStatProperty.builder()
                                        .metric(CfnAlarm.MetricProperty.builder()
                                                .namespace(metric.getNamespace())
                                                .metricName(metric.getMetricName())
                                                .dimensions(metric.getDimensions().entrySet().stream()
                                                        .map(d -> CfnAlarm.DimensionProperty.builder()
                                                                .name(d.getKey()).value(String.valueOf(d.getValue())).build())
                                                        .toList())
                                                .build())
                                        .period(metric.getPeriod().toSeconds())
                                        .stat(metric.getStatistic())
                                        .build())
                                .build(),
                        CfnAlarm.MetricDataQueryProperty.builder()
                                .id("band")
                                .expression("ANOMALY_DETECTION_BAND(m1, " + bandWidth + ")")
                                .label(metric.getMetricName() + " (expected)")
                                .returnData(true)
                                .build()))
                .build();
        IAlarm imported = Alarm.fromAlarmArn(scope, id + "Ref", alarm.getAttrArn());
        remember(name);
        anomalyDetectionAlarms++;
        return imported;
    }

    /** A composite alarm over alarms created here; it notifies like any other alarm. */
    public CompositeAlarm createComposite(Construct scope, String id, String name, String description, IAlarmRule rule) {
        CompositeAlarm composite = CompositeAlarm.Builder.create(scope, id)
                .compositeAlarmName(name)
                .alarmDescription(description)
                .alarmRule(rule)
                .build();
        routing.topicFor(name).map(SnsAction::new).ifPresent(notify -> {
            composite.addAlarmAction(notify);
            composite.addOkAction(notify);
        });
        remember(name);
        compositeAlarms++;
        return composite;
    }

    private void remember(String name) {
        alarmNames.add(name);
    }

    public int standardAlarmCount() {
        return alarmNames.size() - anomalyDetectionAlarms - compositeAlarms;
    }

    public int anomalyDetectionAlarmCount() {
        return anomalyDetectionAlarms;
    }

    public int compositeAlarmCount() {
        return compositeAlarms;
    }

    /** Every alarm's name so far, in creation order, as plain text (an alarm's own name attribute is a token). */
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
