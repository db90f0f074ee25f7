package com.datapipeline.monitoring.metrics;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What Glue's {@code GetJobRuns} reports about the capacity a run was billed for.
 *
 * @param dpuSeconds      Glue's {@code DPUSeconds} (auto-scaling and Flex runs); null when not reported
 * @param maxCapacity     Glue's {@code MaxCapacity}, the DPUs of the run; null when not reported
 * @param workerType      Glue's {@code WorkerType}, e.g. {@code G.1X}; null when not reported
 * @param numberOfWorkers Glue's {@code NumberOfWorkers}; null when not reported
 * @param glueVersion     Glue's {@code GlueVersion} of the run, e.g. {@code 4.0}; null when not reported
 */
public record RunCapacity(
        Double dpuSeconds, Double maxCapacity, String workerType, Integer numberOfWorkers, String glueVersion) {

    public static final RunCapacity UNKNOWN = new RunCapacity(null, null, null, null, null);

    private static final double SECONDS_PER_HOUR = 3600.0;

    /**
     * Glue's minimum billing duration: "Jobs using AWS Glue version 0.9 or 1.0 have a 10-minute minimum billing
     * duration, while jobs that use Glue versions 2.0 and later have a 1-minute minimum" (AWS whitepaper "Cost Modeling
     * Data Lakes", docs.aws.amazon.com/whitepapers/latest/cost-modeling-data-lakes/cost-optimization-in-analytics-services.html;
     * also the AWS News Blog "AWS Glue version 2.0 featuring 10x faster job start times and 1-minute minimum billing
     * duration"). Billing is per second above it.
     */
    static final double MINIMUM_BILLED_SECONDS = 60;

    /** The 10-minute minimum of the Glue versions before 2.0. */
    static final double MINIMUM_BILLED_SECONDS_BEFORE_2_0 = 600;

    private static final Set<String> VERSIONS_BEFORE_2_0 = Set.of("0.9", "1.0");

    /** DPUs per worker of each worker type (AWS Glue developer guide, "Defining job properties for Spark jobs"). */
    static final Map<String, Double> DPU_PER_WORKER = Map.of(
            "G.025X", 0.25,
            "G.1X", 1.0,
            "G.2X", 2.0,
            "G.4X", 4.0,
            "G.8X", 8.0,
            "Z.2X", 2.0,
            "Standard", 1.0);

    /** A run whose Glue version is not known: billed with the 1-minute minimum of Glue 2.0 and later. */
    public RunCapacity(Double dpuSeconds, Double maxCapacity, String workerType, Integer numberOfWorkers) {
        this(dpuSeconds, maxCapacity, workerType, numberOfWorkers, null);
    }

    /**
     * DPU-hours: {@code DPUSeconds} when Glue reported it (Glue's own figure for auto-scaling and Flex runs, taken as
     * it is), else the run's DPUs ({@code MaxCapacity}, or workers × the worker type's DPUs) × its billed seconds
     * ({@link #billedSeconds}).
     */
    public Optional<Double> dpuHours(Optional<Double> executionSeconds) {
        if (dpuSeconds != null && dpuSeconds > 0) {
            return Optional.of(dpuSeconds / SECONDS_PER_HOUR);
        }
        return dpus().flatMap(dpus ->
                executionSeconds.map(seconds -> dpus * billedSeconds(seconds, glueVersion) / SECONDS_PER_HOUR));
    }

    /**
     * The seconds Glue bills a run of {@code executionSeconds} for: at least the minimum of its Glue version (10 minutes
     * for 0.9 and 1.0, else 1 minute; an unknown version gets the 1-minute minimum, so a cost is never overstated).
     */
    static double billedSeconds(double executionSeconds, String glueVersion) {
        double minimum = glueVersion != null && VERSIONS_BEFORE_2_0.contains(glueVersion.trim())
                ? MINIMUM_BILLED_SECONDS_BEFORE_2_0
                : MINIMUM_BILLED_SECONDS;
        return Math.max(executionSeconds, minimum);
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
