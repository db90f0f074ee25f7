package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.alerting.AlarmRouting;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Creates the stack's alarms, each notifying the topic the page model ({@link AlarmRouting}) gives its kind on
 * ALARM and on recovery to OK, and keeps what it created for the composites, the alarm-status widget, the cost
 * estimate and the stack outputs.
 */
public final class AlarmFactory {
    private final AlarmRouting routing;
    private final List<CreatedAlarm> created = new ArrayList<>();
    private int alarmMetrics;

    public AlarmFactory(AlarmRouting routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    public AlarmRouting routing() {
        return routing;
    }

    /** One alarm; {@code missingData} is always explicit because most pipeline metrics are sparse. */
    public Alarm create(Construct scope, String id, AlarmSpec spec) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmName(spec.name())
                .alarmDescription(spec.description())
                .metric(spec.metric())
                .threshold(spec.threshold())
                .comparisonOperator(spec.comparison())
                .evaluationPeriods(spec.evaluationPeriods())
                .datapointsToAlarm(spec.evaluationPeriods())
                .treatMissingData(spec.missingData())
                .build();
        routing.topicFor(spec.kind()).map(SnsAction::new).ifPresent(notify -> {
            alarm.addAlarmAction(notify);
            alarm.addOkAction(notify);
        });
        remember(spec.kind(), spec.name(), alarm, Kind.STANDARD, spec.metricCount());
        return alarm;
    }

    /**
     * An anomaly-detection alarm: it fires when the metric leaves the band CloudWatch learns from the
     * metric's history, {@code bandWidth} standard deviations wide. The L2 Alarm cannot express a band
     * threshold, hence the L1 resource.
     */
    public IAlarm createAnomalyDetection(Construct scope, String id, String kind, String name, String description,
                                         Metric metric, double bandWidth, String comparison) {
        List<String> actions = routing.topicFor(kind).map(topic -> List.of(topic.getTopicArn())).orElse(List.of());
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
        remember(kind, name, imported, Kind.ANOMALY_DETECTION, 0);
        return imported;
    }

    /** A composite alarm over alarms created here; it notifies the topic of its kind. */
    public CompositeAlarm createComposite(Construct scope, String id, String kind, String name, String description,
                                          IAlarmRule rule) {
        CompositeAlarm composite = CompositeAlarm.Builder.create(scope, id)
                .compositeAlarmName(name)
                .alarmDescription(description)
                .alarmRule(rule)
                .build();
        routing.topicFor(kind).map(SnsAction::new).ifPresent(notify -> {
            composite.addAlarmAction(notify);
            composite.addOkAction(notify);
        });
        remember(kind, name, composite, Kind.COMPOSITE, 0);
        return composite;
    }

    private void remember(String kind, String name, IAlarm alarm, Kind type, int metrics) {
        created.add(new CreatedAlarm(kind, name, alarm, type));
        alarmMetrics += metrics;
    }

    /** How many alarms were created so far; with {@link #createdSince(int)}, what one construct added. */
    public int createdCount() {
        return created.size();
    }

    public List<CreatedAlarm> createdSince(int mark) {
        return List.copyOf(created.subList(mark, created.size()));
    }

    public List<CreatedAlarm> created() {
        return List.copyOf(created);
    }

    /** Metrics watched by the standard (not anomaly, not composite) alarms: CloudWatch bills per alarm metric. */
    public int standardAlarmMetricCount() {
        return alarmMetrics;
    }

    public int anomalyDetectionAlarmCount() {
        return (int) created.stream().filter(alarm -> alarm.type() == Kind.ANOMALY_DETECTION).count();
    }

    public int compositeAlarmCount() {
        return (int) created.stream().filter(alarm -> alarm.type() == Kind.COMPOSITE).count();
    }

    /** Every alarm's name so far, in creation order, as plain text (an alarm's own name attribute is a token). */
    public List<String> alarmNames() {
        return created.stream().map(CreatedAlarm::name).toList();
    }

    /** How an alarm is billed. */
    public enum Kind { STANDARD, ANOMALY_DETECTION, COMPOSITE }

    /** One alarm made here: its kind (an {@code AlarmNames} base name), its full name and the alarm. */
    public record CreatedAlarm(String kind, String name, IAlarm alarm, Kind type) {
    }

    /**
     * What one alarm watches and when it fires.
     *
     * @param kind              the alarm's base name in {@code AlarmNames}: what the page model routes by
     * @param evaluationPeriods periods that must all breach before it fires
     * @param metricCount       metrics it watches (more than one for metric math): CloudWatch bills each
     */
    public record AlarmSpec(
            String kind,
            String name,
            String description,
            IMetric metric,
            double threshold,
            ComparisonOperator comparison,
            TreatMissingData missingData,
            int evaluationPeriods,
            int metricCount) {
        public AlarmSpec {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
        }

        /** An alarm on one metric that fires on the first breaching period. */
        public AlarmSpec(String kind, String name, String description, IMetric metric, double threshold,
                         ComparisonOperator comparison, TreatMissingData missingData) {
            this(kind, name, description, metric, threshold, comparison, missingData, 1, 1);
        }
    }
}
