package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.alerting.AlarmRouting;
import com.datapipeline.monitoring.cdk.alerting.AlarmRouting.Severity;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.cloudwatch.AlarmRule;
import software.amazon.awscdk.services.cloudwatch.AlarmState;
import software.amazon.awscdk.services.cloudwatch.IAlarmRule;
import software.constructs.Construct;

/**
 * The page of one pipeline: a composite alarm over the pipeline's signals (one per severity with severity topics).
 * A failed run raises several signals (the run-failed event, failed tasks, later the error rate), and the composite
 * turns them into one page when the first child fires and one "resolved" message when the last one recovers.
 */
public final class PipelinePages extends Construct {
    public PipelinePages(Construct scope, String id, Props props) {
        super(scope, id);
        AlarmRouting routing = props.alarmFactory().routing();
        String job = props.pipeline().jobName();
        for (Severity severity : Severity.values()) {
            List<CreatedAlarm> children = props.signals().stream()
                    .filter(signal -> routing.severityOf(signal.kind()) == severity)
                    .toList();
            if (children.isEmpty()) {
                continue;
            }
            IAlarmRule rule = AlarmRule.anyOf(children.stream()
                    .map(child -> AlarmRule.fromAlarm(child.alarm(), AlarmState.ALARM))
                    .toArray(IAlarmRule[]::new));
            String kind = AlarmRouting.pageOf(severity);
            props.alarmFactory().createComposite(this, severity == Severity.CRITICAL ? "Unhealthy" : "Degraded",
                    kind, props.names().perPipeline(kind, props.pipeline()), description(severity, job, children), rule);
        }
    }

    private static String description(Severity severity, String job, List<CreatedAlarm> children) {
        return "Pipeline " + job + (severity == Severity.CRITICAL ? " is unhealthy" : " is degraded (warning signals)")
                + ": one page for one incident, whichever of these signals fired first (the reason names it; the"
                + " dashboard shows all): " + String.join(", ", children.stream().map(CreatedAlarm::name).toList()) + ".";
    }

    /** @param signals the pipeline's signal alarms, as the factory created them */
    public record Props(MonitoredPipeline pipeline, List<CreatedAlarm> signals, ResourceNames names,
                        AlarmFactory alarmFactory) {
        public Props {
            Objects.requireNonNull(pipeline, "pipeline");
            signals = List.copyOf(signals);
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
        }
    }
}
