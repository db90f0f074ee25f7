package com.datapipeline.monitoring.cdk.naming;

/**
 * What a per-pipeline name needs to know of a pipeline (the configuration's pipeline record implements it, so
 * naming depends on nothing else in the app).
 */
public interface PipelineIdentity {
    /** The Glue job's name, the suffix of the pipeline's names. */
    String jobName();

    /** The lab's sample job keeps the lab's exact names, without a suffix. */
    boolean sampleJob();
}
