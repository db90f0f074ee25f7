package com.datapipeline.monitoring.response;

/** Where decisions go: stdout in Lambda (CloudWatch Logs), a list in tests. */
public interface DecisionLog {

    /** One decision about one delivery, one structured log line. */
    void decided(Delivery delivery, Decision decision);

    /**
     * A failed or timed-out run, which happened at {@code eventTime}, went into a page (published, found open, or its
     * composite raised): one count of {@code RunFailuresPaged}, which the stack's guard compares with the failed runs
     * in the event history.
     */
    void runFailurePaged(java.time.Instant eventTime);

    /** An AWS call failed; the notification is about to be thrown back to Lambda for a retry. */
    void failed(Delivery delivery, Notification notification, String target, RuntimeException error);
}
