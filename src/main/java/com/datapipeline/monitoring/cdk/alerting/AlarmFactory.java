package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Billing;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.MetricSource;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Trigger;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmBase;
import software.amazon.awscdk.services.cloudwatch.AnomalyDetectionAlarm;
import software.amazon.awscdk.services.cloudwatch.CompositeAlarm;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarmRule;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.constructs.Construct;

/**
 * Creates the stack's alarms from their kinds' definitions ({@link AlarmKind}), each notifying the topic the page
 * model ({@link AlarmRouting}) gives its kind on ALARM and on recovery to OK, and keeps what it created for the
 * composites, the dashboard, the route table, the cost estimate and the stack outputs.
 */
public final class AlarmFactory {
    private final AlarmRouting routing;
    private final List<CreatedAlarm> created = new ArrayList<>();
    private final Map<String, AlarmLinks> links = new HashMap<>();

    public AlarmFactory(AlarmRouting routing) {
        this.routing = Objects.requireNonNull(routing, "routing");
    }

    public AlarmRouting routing() {
        return routing;
    }

    /** What the descriptions of {@code job}'s alarms link to; call before its alarms are made. */
    public void linkPipeline(String job, AlarmLinks pipelineLinks) {
        links.put(job, Objects.requireNonNull(pipelineLinks, "pipelineLinks"));
    }

    /**
     * {@code description} of an alarm of {@code kind} about {@code job}, with the runbook and dashboard links of the
     * job ({@link #linkPipeline}); unchanged when the job has none.
     */
    public String describe(String job, AlarmKind kind, String description) {
        AlarmLinks pipelineLinks = links.get(job);
        return pipelineLinks == null ? description : pipelineLinks.describe(description, kind.baseName());
    }

    /** A pipeline's signal of this kind: its metric from the pipeline's catalog, its threshold from the settings. */
    public CreatedAlarm signal(
            Construct scope, String id, AlarmKind kind, String name, AlarmKind.Inputs in, PipelineMetricSet metrics) {
        IMetric metric = kind.metric(in, metrics);
        String description = describe(in.job(), kind, kind.description(in, metric));
        if (kind.billing() == Billing.ANOMALY_DETECTION) {
            return anomalyDetection(scope, id, kind, name, description, (Metric) metric, kind.bandWidth(in));
        }
        return remember(
                kind,
                name,
                metricAlarm(scope, id, kind, name, description, metric, kind.threshold(in)),
                metricCount(metric));
    }

    /** A pipeline's page that is one metric-math alarm ({@code alarms/BreachPage}); billed per metric it reads. */
    public CreatedAlarm expressionPage(
            Construct scope, String id, AlarmKind kind, String name, String description, IMetric expression) {
        return remember(
                kind,
                name,
                metricAlarm(scope, id, kind, name, description, expression, kind.fixedThreshold()),
                metricCount(expression));
    }

    /** A stack-wide alarm of this kind on a resource's metrics (a function, queue, topic or rule). */
    public Alarm watch(
            Construct scope, String id, AlarmKind kind, String name, String description, MetricSource source) {
        IMetric metric = kind.metric(source);
        Alarm alarm = metricAlarm(scope, id, kind, name, description, metric, kind.fixedThreshold());
        remember(kind, name, alarm, metricCount(metric));
        return alarm;
    }

    private Alarm metricAlarm(
            Construct scope,
            String id,
            AlarmKind kind,
            String name,
            String description,
            IMetric metric,
            double threshold) {
        Trigger trigger = kind.trigger().orElseThrow();
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(trigger.comparison())
                .evaluationPeriods(trigger.evaluationPeriods())
                .datapointsToAlarm(trigger.datapointsToAlarm())
                .treatMissingData(trigger.missingData())
                .build();
        notifyOnStateChanges(alarm, kind);
        return alarm;
    }

    private void notifyOnStateChanges(AlarmBase alarm, AlarmKind kind) {
        routing.topicFor(kind).map(SnsAction::new).ifPresent(notify -> {
            alarm.addAlarmAction(notify);
            alarm.addOkAction(notify);
        });
    }

    /**
     * An anomaly-detection alarm: it fires when the metric leaves the band CloudWatch learns from the
     * metric's history, {@code bandWidth} standard deviations wide.
     */
    private CreatedAlarm anomalyDetection(
            Construct scope,
            String id,
            AlarmKind kind,
            String name,
            String description,
            Metric metric,
            double bandWidth) {
        Trigger trigger = kind.trigger().orElseThrow();
        AnomalyDetectionAlarm alarm = AnomalyDetectionAlarm.Builder.create(scope, id)
                .alarmName(name)
                .alarmDescription(description)
                .metric(metric)
                .stdDevs(bandWidth)
                .comparisonOperator(trigger.comparison())
                .evaluationPeriods(trigger.evaluationPeriods())
                .datapointsToAlarm(trigger.datapointsToAlarm())
                .treatMissingData(trigger.missingData())
                .build();
        notifyOnStateChanges(alarm, kind);
        return remember(kind, name, alarm, 0);
    }

    /** A composite alarm over alarms created here; it notifies the topic of its kind. */
    public CompositeAlarm createComposite(
            Construct scope, String id, AlarmKind kind, String name, String description, IAlarmRule rule) {
        CompositeAlarm composite = CompositeAlarm.Builder.create(scope, id)
                .compositeAlarmName(name)
                .alarmDescription(description)
                .alarmRule(rule)
                .build();
        notifyOnStateChanges(composite, kind);
        remember(kind, name, composite, 0);
        return composite;
    }

    /** Metrics an alarm watches: CloudWatch bills a standard alarm per metric, each of a metric-math alarm too. */
    private static int metricCount(IMetric metric) {
        return metric instanceof MathExpression expression
                ? expression.getUsingMetrics().size()
                : 1;
    }

    private CreatedAlarm remember(AlarmKind kind, String name, IAlarm alarm, int metrics) {
        CreatedAlarm alarmCreated = new CreatedAlarm(kind, name, alarm, metrics);
        created.add(alarmCreated);
        return alarmCreated;
    }

    public List<CreatedAlarm> created() {
        return List.copyOf(created);
    }

    /** Metrics watched by the standard (not anomaly, not composite) alarms: CloudWatch bills per alarm metric. */
    public int standardAlarmMetricCount() {
        return created.stream().mapToInt(CreatedAlarm::metrics).sum();
    }

    public int anomalyDetectionAlarmCount() {
        return (int) created.stream()
                .filter(alarm -> alarm.kind().billing() == Billing.ANOMALY_DETECTION)
                .count();
    }

    public int compositeAlarmCount() {
        return (int) created.stream()
                .filter(alarm -> alarm.kind().billing() == Billing.COMPOSITE)
                .count();
    }

    /** Every alarm's name so far, in creation order, as plain text (an alarm's own name attribute is a token). */
    public List<String> alarmNames() {
        return created.stream().map(CreatedAlarm::name).toList();
    }

    /**
     * One alarm made here: its kind, its full name and the alarm.
     *
     * @param metrics the metrics it is billed for as a standard alarm (none for an anomaly or composite alarm)
     */
    public record CreatedAlarm(AlarmKind kind, String name, IAlarm alarm, int metrics) {
        public CreatedAlarm {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(alarm, "alarm");
        }

        /** The threshold line a graph draws for this alarm; empty for an anomaly or composite alarm. */
        public Optional<HorizontalAnnotation> thresholdLine() {
            return alarm instanceof Alarm metricAlarm ? Optional.of(metricAlarm.toAnnotation()) : Optional.empty();
        }
    }
}
