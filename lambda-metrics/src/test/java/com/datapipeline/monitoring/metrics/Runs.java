package com.datapipeline.monitoring.metrics;

import java.time.Duration;
import java.time.Instant;

/** Builds {@link JobRun}s relative to a fixed "now" for readable tests. */
final class Runs {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private Runs() {}

    static JobRun finished(String state, Duration startedAgo, Duration completedAgo, Integer executionTime) {
        return new JobRun(
                "jr_" + state + startedAgo.toSeconds(),
                state,
                NOW.minus(startedAgo),
                NOW.minus(completedAgo),
                executionTime);
    }

    static JobRun succeeded(Duration completedAgo) {
        return finished("SUCCEEDED", completedAgo.plusMinutes(10), completedAgo, 600);
    }

    static JobRun failed(Duration completedAgo) {
        return finished("FAILED", completedAgo.plusMinutes(10), completedAgo, 600);
    }

    static JobRun inProgress(String state, Duration startedAgo) {
        return new JobRun("jr_" + state + startedAgo.toSeconds(), state, NOW.minus(startedAgo), null, null);
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
