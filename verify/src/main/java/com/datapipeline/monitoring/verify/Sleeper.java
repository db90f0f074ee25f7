package com.datapipeline.monitoring.verify;

import java.time.Duration;

/** Waits; tests pass one that moves a fake clock instead. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
