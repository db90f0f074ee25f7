package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.constructs.Construct;

/**
 * The successful runs of the pipelines whose failed runs may pause their job's triggers (an error class routed to
 * pause-trigger) and of those whose page is one alarm, with one rule for all of them: a run that ended SUCCEEDED goes,
 * as a readable message, to the remediation topic, and AlarmResponseFunction starts again the triggers a pause of that
 * job stopped, and resolves a page that the job's failed run opened and its page alarm never confirmed. Only the
 * response function reads that topic, so a success pages nobody; the event history keeps every state change anyway
 * ({@link GlueJobEvents}), and its metric filters count only failed and stuck runs. A stack without such pipelines
 * gets no rule.
 */
public final class RunSuccessEvents extends Construct {
    private final Rule successes;

    private RunSuccessEvents(Construct scope, String id, List<String> jobs, GlueJobEvents.Props props) {
        super(scope, id);
        successes = Rule.Builder.create(this, "RunSuccesses")
                .description("Runs of " + jobs.size() + " monitored Glue jobs that ended in " + GlueEvents.JOB_SUCCEEDED
                        + ", to resume paused triggers and resolve the pages the response function opened")
                .eventPattern(EventPattern.builder()
                        .source(List.of(GlueEvents.SOURCE))
                        .detailType(List.of(GlueEvents.JOB_STATE_CHANGE))
                        .detail(new TreeMap<>(Map.of("jobName", jobs, "state", List.of(GlueEvents.JOB_SUCCEEDED))))
                        .build())
                .build();
        props.delivery()
                .toTopic(
                        successes,
                        props.remediationTopic(),
                        GlueEventMessage.of(
                                GlueEvents.JOB_STATE_CHANGE,
                                "AWS Glue job " + GlueEventMessage.jobName() + " run " + GlueEventMessage.jobRunId()
                                        + " succeeded: paused triggers of the job may resume, its open page may resolve"),
                        props.deliveryAlarmNamePrefix() + "-RunSuccesses" + props.nameSuffix());
    }

    /**
     * The success rule of these jobs (the pipelines of one stack that may pause their triggers), with the same inputs
     * as the stack's job events; empty without such jobs.
     */
    public static Optional<RunSuccessEvents> of(
            Construct scope, String id, List<String> jobs, GlueJobEvents.Props props) {
        return jobs.isEmpty() ? Optional.empty() : Optional.of(new RunSuccessEvents(scope, id, jobs, props));
    }

    public Rule successes() {
        return successes;
    }
}
