package com.datapipeline.monitoring.response;

/** Where decisions go: stdout in Lambda (CloudWatch Logs), a list in tests. */
public interface DecisionLog {

    /** One decision, one structured log line. */
    void decided(Decision decision);

    /** An AWS call failed; the notification is about to be thrown back to Lambda for a retry. */
    void failed(Notification notification, String target, RuntimeException error);
}
