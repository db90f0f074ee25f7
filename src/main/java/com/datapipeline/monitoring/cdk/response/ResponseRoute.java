package com.datapipeline.monitoring.cdk.response;

import com.datapipeline.monitoring.contract.RouteAction;
import java.util.Objects;
import java.util.Optional;

/**
 * What AlarmResponseFunction does when one alarm (or Glue job-state message) arrives.
 *
 * @param action    what the function does
 * @param targetJob the Glue job the action starts, for the actions that start one
 */
public record ResponseRoute(RouteAction action, Optional<String> targetJob) {

    public ResponseRoute {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetJob, "targetJob");
    }

    public static ResponseRoute restartJob(String jobName) {
        return new ResponseRoute(RouteAction.RESTART_JOB, Optional.of(jobName));
    }

    public static ResponseRoute notifyOnly() {
        return new ResponseRoute(RouteAction.NOTIFY_ONLY, Optional.empty());
    }
}
