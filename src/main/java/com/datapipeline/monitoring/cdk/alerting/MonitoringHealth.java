package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Role;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.AlarmRule;
import software.amazon.awscdk.services.cloudwatch.AlarmState;
import software.amazon.awscdk.services.cloudwatch.CompositeAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IAlarmRule;
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
        alarmFactory.watch(
                this,
                id,
                AlarmKind.TOPIC_DELIVERY_FAILED,
                names.shared(AlarmKind.TOPIC_DELIVERY_FAILED.baseName()) + "-" + topicName,
                "SNS could not deliver a message of topic " + topicName + " to a subscriber after retries (a page,"
                        + " a chat message or a remediation may be missing); the subscription's dead-letter queue has it.",
                topic.topic()::metric);
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
            children.add(alarmFactory.createComposite(
                    nested,
                    group + "HealthGroup",
                    AlarmKind.MONITORING_HEALTH_GROUP,
                    names.shared(AlarmKind.MONITORING_HEALTH_GROUP.baseName()) + "-" + group,
                    "A part of the alert path in nested stack " + group + " is broken; reported through "
                            + names.shared(AlarmKind.MONITORING_HEALTH.baseName()) + ".",
                    anyInAlarm(signals)));
        }
        return alarmFactory.createComposite(
                this,
                "Page",
                AlarmKind.MONITORING_HEALTH,
                names.shared(AlarmKind.MONITORING_HEALTH.baseName()),
                "A part of the monitoring itself is broken: an alert or remediation may not arrive. The reason names"
                        + " the signal; see the README's page model for what each means.",
                anyInAlarm(children));
    }

    private List<IAlarm> signalsIn(Stack stack) {
        return alarmFactory.created().stream()
                .filter(created -> created.kind().role() == Role.HEALTH_SIGNAL)
                .map(CreatedAlarm::alarm)
                .filter(alarm -> Stack.of(alarm).equals(stack))
                .toList();
    }

    private static IAlarmRule anyInAlarm(List<IAlarm> alarms) {
        return AlarmRule.anyOf(alarms.stream()
                .map(alarm -> AlarmRule.fromAlarm(alarm, AlarmState.ALARM))
                .toArray(IAlarmRule[]::new));
    }
}
