package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.DrillMarker;

/** A message the function understood: a CloudWatch alarm state change or a Glue job state change. */
public sealed interface Notification permits AlarmNotification, GlueJobStateNotification, GlueCrawlerStateNotification {

    /** The key looked up in the action table. */
    String routeKey();

    /** The new state as the source wrote it: ALARM/OK/INSUFFICIENT_DATA, or a Glue run state. */
    String state();

    /** True for a transition that calls for a response: an alarm to ALARM, a Glue run FAILED or TIMEOUT. */
    boolean isAlarm();

    /** True when the notification was raised by a fire drill ({@link DrillMarker#TEXT}). */
    boolean isDrill();

    /**
     * The incident this notification reports by itself: a Glue event's run, an alarm's transition. A
     * {@code restart-job} alarm is instead mapped to its job's failed run by {@link JobRemediator}, so that the
     * alarm and the Glue event of one failed run are one incident.
     */
    Incident incident();
}
