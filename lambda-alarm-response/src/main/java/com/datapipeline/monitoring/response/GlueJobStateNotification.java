package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.DrillMarker;
import com.datapipeline.monitoring.contract.GlueEvents;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.util.Objects;

/**
 * A Glue Job State Change or Glue Job Run Status event, either as the EventBridge rule's input transformer
 * writes it or as the raw event.
 *
 * @param state the run's final state (FAILED, TIMEOUT, SUCCEEDED, STOPPED), or for a run-status (stuck run)
 *              notice its current one (STARTING, RUNNING, STOPPING), which is never an alarm
 */
public record GlueJobStateNotification(String jobName, String jobRunId, String state, String message, String time)
        implements Notification {

    public GlueJobStateNotification {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(jobRunId, "jobRunId");
        Objects.requireNonNull(state, "state");
        message = message == null ? "" : message;
    }

    @Override
    public String routeKey() {
        return ResponseConfiguration.glueJobStateRouteKey(jobName);
    }

    @Override
    public boolean isAlarm() {
        return GlueEvents.JOB_FAILURE_STATES.contains(state);
    }

    /** Whether the run succeeded (the success rule forwards these for pipelines that may pause their triggers). */
    public boolean succeeded() {
        // A run that succeeded resumes the triggers a pause stopped.
        return GlueEvents.JOB_SUCCEEDED.equals(state);
    }

    @Override
    public boolean isDrill() {
        // A drill can also be a hand-published Glue event whose message carries the marker.
        return DrillMarker.isDrill(message);
    }

    @Override
    public Incident incident() {
        return Incident.ofRun(jobName, jobRunId);
    }
}
