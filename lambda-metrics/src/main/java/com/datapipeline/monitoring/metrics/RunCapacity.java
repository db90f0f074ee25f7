package com.datapipeline.monitoring.metrics;

import java.util.Map;
import java.util.Optional;

/**
 * What Glue's {@code GetJobRuns} reports about the capacity a run was billed for.
 *
 * @param dpuSeconds      Glue's {@code DPUSeconds} (auto-scaling and Flex runs); null when not reported
 * @param maxCapacity     Glue's {@code MaxCapacity}, the DPUs of the run; null when not reported
 * @param workerType      Glue's {@code WorkerType}, e.g. {@code G.1X}; null when not reported
 * @param numberOfWorkers Glue's {@code NumberOfWorkers}; null when not reported
 */
public record RunCapacity(Double dpuSeconds, Double maxCapacity, String workerType, Integer numberOfWorkers) {

    public static final RunCapacity UNKNOWN = new RunCapacity(null, null, null, null);

    private static final double SECONDS_PER_HOUR = 3600.0;

    /** DPUs per worker of each worker type (AWS Glue developer guide, "Defining job properties for Spark jobs"). */
    static final Map<String, Double> DPU_PER_WORKER = Map.of(
            "G.025X", 0.25,
            "G.1X", 1.0,
            "G.2X", 2.0,
            "G.4X", 4.0,
            "G.8X", 8.0,
            "Z.2X", 2.0,
            "Standard", 1.0);

    /**
     * DPU-hours: {@code DPUSeconds} when Glue reported it (it already accounts for auto-scaling), else the run's DPUs
     * ({@code MaxCapacity}, or workers × the worker type's DPUs) × the execution time.
     */
    public Optional<Double> dpuHours(Optional<Double> executionSeconds) {
        if (dpuSeconds != null && dpuSeconds > 0) {
            return Optional.of(dpuSeconds / SECONDS_PER_HOUR);
        }
        return dpus().flatMap(dpus -> executionSeconds.map(seconds -> dpus * seconds / SECONDS_PER_HOUR));
    }

    private Optional<Double> dpus() {
        if (maxCapacity != null && maxCapacity > 0) {
            return Optional.of(maxCapacity);
        }
        if (workerType != null && numberOfWorkers != null && numberOfWorkers > 0) {
            return Optional.ofNullable(DPU_PER_WORKER.get(workerType)).map(perWorker -> perWorker * numberOfWorkers);
        }
        return Optional.empty();
    }
}
