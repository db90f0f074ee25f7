package com.datapipeline.monitoring.response;

/** Where decisions go: stdout in Lambda (CloudWatch Logs), a list in tests. */
public interface DecisionLog {

    /** One decision about one delivery, one structured log line. */
    void decided(Delivery delivery, Decision decision);

    /** An AWS call failed; the notification is about to be thrown back to Lambda for a retry. */
    void failed(Delivery delivery, Notification notification, String target, RuntimeException error);
}
