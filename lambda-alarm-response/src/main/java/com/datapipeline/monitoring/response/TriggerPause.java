package com.datapipeline.monitoring.response;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.GetTriggersResponse;
import software.amazon.awssdk.services.glue.model.Trigger;
import software.amazon.awssdk.services.glue.model.TriggerState;
import software.amazon.awssdk.services.glue.model.TriggerType;

/**
 * Stops the triggers that start a job, so that a job which keeps failing stops burning DPU-hours. Only a trigger that
 * is the job's own is stopped: scheduled or conditional, ACTIVATED, outside any workflow, and starting nothing but this
 * job. Every other trigger of the job is left alone and named, because stopping it would stop other work too. Nothing
 * is resumed automatically: a person starts the triggers again ({@code aws glue start-trigger --name NAME}) once the
 * cause is fixed.
 */
final class TriggerPause {

    /** The triggers stopped, and those left alone with the reason. */
    record Result(List<String> paused, List<String> leftAlone) {
        Result {
            paused = List.copyOf(paused);
            leftAlone = List.copyOf(leftAlone);
        }
    }

    private TriggerPause() {}

    static Result pause(GlueClient glue, String job) {
        List<String> paused = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetTriggersResponse response =
                    glue.getTriggers(request -> request.dependentJobName(job).nextToken(page));
            for (Trigger trigger : response.triggers()) {
                String why = reasonToLeaveAlone(trigger, job);
                if (why == null) {
                    glue.stopTrigger(request -> request.name(trigger.name()));
                    paused.add(trigger.name());
                } else {
                    leftAlone.add(trigger.name() + " (" + why + ")");
                }
            }
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return new Result(paused, leftAlone);
    }

    /** Why a trigger of the job must not be stopped, or null when it is the job's own active schedule or condition. */
    private static String reasonToLeaveAlone(Trigger trigger, String job) {
        if (trigger.workflowName() != null && !trigger.workflowName().isEmpty()) {
            return "part of workflow " + trigger.workflowName();
        }
        if (trigger.type() != TriggerType.SCHEDULED && trigger.type() != TriggerType.CONDITIONAL) {
            return trigger.typeAsString() + ", not a schedule or condition";
        }
        if (trigger.state() != TriggerState.ACTIVATED) {
            return trigger.stateAsString();
        }
        if (trigger.actions().stream().anyMatch(action -> !job.equals(action.jobName()))) {
            return "also starts other jobs or crawlers";
        }
        return null;
    }
}
