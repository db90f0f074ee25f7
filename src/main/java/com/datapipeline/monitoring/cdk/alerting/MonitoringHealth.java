package com.datapipeline.monitoring.cdk.alerting;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.TreatMissingData.NOT_BREACHING;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory;
import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.AlarmSpec;
import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.AlarmRule;
import software.amazon.awscdk.services.cloudwatch.AlarmState;
import software.amazon.awscdk.services.cloudwatch.CompositeAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarmRule;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.constructs.Construct;

/**
 * The monitor, monitored: a delivery-failure alarm on every topic, and the one page that reports any broken part
 * of the alert path ({@code MonitoringHealthAlarm} on the monitoring-health topic). Its children are every health
 * signal of the stack: failed deliveries of topics and rules, dead letters, the functions' own failures, a
 * schedule that stopped. A nested stack's signals are gathered into a composite of their own first, so the page's
 * rule stays short however many pipelines there are.
 */
public final class MonitoringHealth extends Construct {
    private final AlarmFactory alarmFactory;
    private final ResourceNames names;

    public MonitoringHealth(Construct scope, String id, AlarmFactory alarmFactory, ResourceNames names) {
        super(scope, id);
        this.alarmFactory = Objects.requireNonNull(alarmFactory, "alarmFactory");
        this.names = Objects.requireNonNull(names, "names");
    }

    /** Pages when SNS could not deliver a message of this topic to a subscriber after its retries. */
    public void watchTopic(String id, AlertTopic topic) {
        String topicName = topic.name();
        alarmFactory.create(this, id, new AlarmSpec(AlarmNames.TOPIC_DELIVERY_FAILED,
                names.shared(AlarmNames.TOPIC_DELIVERY_FAILED) + "-" + topicName,
                "SNS could not deliver a message of topic " + topicName + " to a subscriber after retries (a page,"
                        + " a chat message or a remediation may be missing); the subscription's dead-letter queue has it.",
                topic.topic().metricNumberOfNotificationsFailed(MetricOptions.builder()
                        .statistic("Sum").period(Duration.minutes(5)).build()),
                0, GREATER_THAN_THRESHOLD, NOT_BREACHING));
    }

    /** The page over every health signal created so far; call it last. */
    public CompositeAlarm page(List<NestedStack> nestedStacks) {
        List<IAlarm> children = new ArrayList<>(signalsIn(Stack.of(this)));
        for (NestedStack nested : nestedStacks) {
            List<IAlarm> signals = signalsIn(nested);
            if (signals.isEmpty()) {
                continue;
            }
            String group = nested.getNode().getId();
            children.add(alarmFactory.createComposite(nested, group + "HealthGroup", AlarmNames.MONITORING_HEALTH_GROUP,
                    names.shared(AlarmNames.MONITORING_HEALTH_GROUP) + "-" + group,
                    "A part of the alert path in nested stack " + group + " is broken; reported through "
                            + names.shared(AlarmNames.MONITORING_HEALTH) + ".",
                    anyInAlarm(signals)));
        }
        return alarmFactory.createComposite(this, "Page", AlarmNames.MONITORING_HEALTH,
                names.shared(AlarmNames.MONITORING_HEALTH),
                "A part of the monitoring itself is broken: an alert or remediation may not arrive. The reason names"
                        + " the signal; see the README's page model for what each means.",
                anyInAlarm(children));
    }

    private List<IAlarm> signalsIn(Stack stack) {
        return alarmFactory.created().stream()
                .filter(created -> AlarmNames.HEALTH_SIGNALS.contains(created.kind()))
                .filter(created -> !AlarmNames.MONITORING_HEALTH_GROUP.equals(created.kind()))
                .map(CreatedAlarm::alarm)
                .filter(alarm -> Stack.of(alarm) == stack)
                .toList();
    }

    private static IAlarmRule anyInAlarm(List<IAlarm> alarms) {
        return AlarmRule.anyOf(alarms.stream()
                .map(alarm -> AlarmRule.fromAlarm(alarm, AlarmState.ALARM))
                .toArray(IAlarmRule[]::new));
    }
}
