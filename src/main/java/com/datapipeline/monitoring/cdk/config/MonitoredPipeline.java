package com.datapipeline.monitoring.cdk.config;

/**
 * One Glue job to watch.
 *
 * @param jobName  the Glue job's name
 * @param sampleJob true for the lab's sample job, which this app creates; false for an existing job
 */
public record MonitoredPipeline(String jobName, boolean sampleJob) {
    public static final String SAMPLE_JOB_NAME = "sample-etl-job";

    public static MonitoredPipeline sample() {
        return new MonitoredPipeline(SAMPLE_JOB_NAME, true);
    }

    public static MonitoredPipeline existing(String jobName) {
        return new MonitoredPipeline(jobName, false);
    }
}
