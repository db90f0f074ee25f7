package com.datapipeline.monitoring.cdk.functions;

/** A function jar is missing or older than its sources: a build step to run, not a configuration to fix. */
public final class StaleBuildException extends RuntimeException {
    public StaleBuildException(String message) {
        super(message);
    }
}
