package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.alerting.AlertDelivery;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * The Glue events of one stack's pipelines (at most 20), with two rules for all of them rather than rules per
 * pipeline: an event bus holds 300 rules by default, which 500 pipelines with a rule each would exceed.
 * <ul>
 *   <li>Every state change and run status of the jobs goes to the event history, whose metric filters count failed
 *       and stuck runs per pipeline for the alarms (FailedRuns, StuckRuns).</li>
 *   <li>A run that ended FAILED or TIMEOUT also goes, as a readable message, to the remediation topic, for
 *       AlarmResponseFunction, which restarts the exact run it names.</li>
 * </ul>
 */
public final class GlueJobEvents extends Construct {

    private final Rule failures;
    private final Rule history;

    public GlueJobEvents(Construct scope, String id, Props props) {
        super(scope, id);
        List<String> jobs =
                props.pipelines().stream().map(MonitoredPipeline::jobName).toList();
        failures = Rule.Builder.create(this, "RunFailures")
                .description("Runs of " + jobs.size() + " monitored Glue jobs that ended in "
                        + String.join(" or ", GlueEvents.JOB_FAILURE_STATES))
                .eventPattern(EventPattern.builder()
                        .source(List.of(GlueEvents.SOURCE))
                        .detailType(List.of(GlueEvents.JOB_STATE_CHANGE))
                        .detail(new TreeMap<>(Map.of("jobName", jobs, "state", GlueEvents.JOB_FAILURE_STATES)))
                        .build())
                .build();
        props.delivery()
                .toTopic(
                        failures,
                        props.remediationTopic(),
                        readableMessage(),
                        props.deliveryAlarmNamePrefix() + "-RunFailures" + props.nameSuffix());
        history = Rule.Builder.create(this, "History")
                .description("Keeps every state change and run status of " + jobs.size() + " monitored Glue jobs")
                .eventPattern(EventPattern.builder()
                        .source(List.of(GlueEvents.SOURCE))
                        .detailType(List.of(GlueEvents.JOB_STATE_CHANGE, GlueEvents.JOB_RUN_STATUS))
                        .detail(Map.of("jobName", jobs))
                        .build())
                .build();
        props.delivery()
                .toLogGroup(
                        history,
                        props.historyLogGroupArn(),
                        props.deliveryAlarmNamePrefix() + "-GlueEventHistory" + props.nameSuffix());
    }

    private static RuleTargetInput readableMessage() {
        return GlueEventMessage.of(
                GlueEvents.JOB_STATE_CHANGE,
                "AWS Glue job " + GlueEventMessage.jobName() + " run " + GlueEventMessage.jobRunId()
                        + " ended in state " + GlueEventMessage.state() + ": "
                        + EventField.fromPath("$.detail.message"));
    }

    public Rule failures() {
        return failures;
    }

    public Rule history() {
        return history;
    }

    /**
     * @param nameSuffix appended to the names of the rules' delivery alarms: "" in the main stack, "-PipelinesN" in
     *                   a nested stack
     */
    public record Props(
            List<MonitoredPipeline> pipelines,
            ITopic remediationTopic,
            AlertDelivery delivery,
            String historyLogGroupArn,
            String deliveryAlarmNamePrefix,
            String nameSuffix) {
        public Props {
            pipelines = List.copyOf(pipelines);
            Objects.requireNonNull(remediationTopic, "remediationTopic");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(historyLogGroupArn, "historyLogGroupArn");
            Objects.requireNonNull(deliveryAlarmNamePrefix, "deliveryAlarmNamePrefix");
            Objects.requireNonNull(nameSuffix, "nameSuffix");
        }
    }
}
