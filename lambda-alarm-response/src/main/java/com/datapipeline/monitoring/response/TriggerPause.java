package com.datapipeline.monitoring.response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        for (Trigger trigger : triggersOf(glue, job)) {
            String why = reasonToLeaveAlone(trigger, job);
            if (why == null) {
                glue.stopTrigger(request -> request.name(trigger.name()));
                paused.add(trigger.name());
            } else {
                leftAlone.add(trigger.name() + " (" + why + ")");
            }
        }
        return new Result(paused, leftAlone);
    }

    /**
     * Starts again those of {@code paused} (the triggers a pause stopped) that are still stopped; one a person started
     * already, or deleted, is named and left alone.
     *
     * @return the triggers started (as {@link Result#paused()}), and those left alone
     */
    static Result resume(GlueClient glue, String job, List<String> paused) {
        Map<String, Trigger> current = new LinkedHashMap<>();
        triggersOf(glue, job).forEach(trigger -> current.put(trigger.name(), trigger));
        List<String> resumed = new ArrayList<>();
        List<String> leftAlone = new ArrayList<>();
        for (String name : paused) {
            Trigger trigger = current.get(name);
            if (trigger == null) {
                leftAlone.add(name + " (no longer starts " + job + ")");
            } else if (trigger.state() != TriggerState.DEACTIVATED) {
                leftAlone.add(name + " (" + trigger.stateAsString() + " already)");
            } else {
                glue.startTrigger(request -> request.name(name));
                resumed.add(name);
            }
        }
        return new Result(resumed, leftAlone);
    }

    /** Every trigger that starts {@code job} (GetTriggers with DependentJobName, all pages). */
    private static List<Trigger> triggersOf(GlueClient glue, String job) {
        List<Trigger> triggers = new ArrayList<>();
        String token = null;
        do {
            String page = token;
            GetTriggersResponse response =
                    glue.getTriggers(request -> request.dependentJobName(job).nextToken(page));
            triggers.addAll(response.triggers());
            token = response.nextToken();
        } while (token != null && !token.isEmpty());
        return triggers;
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
