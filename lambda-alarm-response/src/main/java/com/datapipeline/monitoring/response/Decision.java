package com.datapipeline.monitoring.response;

import java.util.Objects;

/**
 * One handled notification, as written to the decision log.
 *
 * @param alarm    the route key: alarm name or {@code glue-job-state:<jobName>}; null when the message was not read
 *                 (unreadable, or from a foreign topic)
 * @param state    the notification's new state
 * @param action   the route's action name, null without a route
 * @param target   the Glue job the action targets, if any
 * @param jobRunId the run this decision is about: the one started, the one running, or the newest finished one
 * @param incident the {@link Incident} id the decision claimed or found claimed; null before one was determined
 * @param failure  the failed run the decision is about and its error class; null when no failed run was read
 * @param page     the page text about the failed run and what became of it; null when there is none
 */
public record Decision(
        String alarm,
        String state,
        String action,
        String target,
        Outcome outcome,
        String reason,
        String jobRunId,
        String incident,
        RunFailure failure,
        Page page) {

    /** A page's full text, and how it was delivered ({@link PageDelivery.Result}). */
    public record Page(String text, PageDelivery.Result delivery) {
        public Page {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    public Decision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }

    /** A decision about no failed run. */
    public Decision(
            String alarm,
            String state,
            String action,
            String target,
            Outcome outcome,
            String reason,
            String jobRunId,
            String incident) {
        this(alarm, state, action, target, outcome, reason, jobRunId, incident, null, null);
    }

    static Decision malformed(String reason) {
        return new Decision(null, null, null, null, Outcome.MALFORMED, reason, null, null);
    }

    /** This decision, about {@code failure}. */
    Decision about(RunFailure failure) {
        return new Decision(alarm, state, action, target, outcome, reason, jobRunId, incident, failure, page);
    }

    /** This decision, with the page sent about it. */
    Decision with(Page page) {
        return new Decision(alarm, state, action, target, outcome, reason, jobRunId, incident, failure, page);
    }

    /** The failure's error class name, e.g. {@code transient}; null without a failed run. */
    public String errorClass() {
        return failure == null ? null : failure.classification().errorClass().configName();
    }
}
