package com.datapipeline.monitoring.cdk.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The lab's sample pipeline as a small chain, named once for the stack that creates it and for the settings that
 * monitor it: the sample job writes a partition per run under {@link #OUTPUT_FOLDER} of its output bucket; a
 * conditional trigger starts the crawler when a run succeeds; the crawler adds the partition to the table
 * {@code database.}{@link #OUTPUT_TABLE}; a Data Quality ruleset judges that table.
 *
 * @param jobName  the sample job's name
 * @param database the sample Glue database (prefix-aware, from the naming helper)
 */
public record SampleChain(String jobName, String database) {
    /** The folder the job writes under; the crawler names the table after the folder it crawls. */
    public static final String OUTPUT_FOLDER = "records";

    public static final String OUTPUT_TABLE = OUTPUT_FOLDER;

    public SampleChain {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(database, "database");
    }

    public String crawler() {
        return jobName + "-output-crawler";
    }

    public String trigger() {
        return jobName + "-crawl-on-success";
    }

    public String ruleset() {
        return jobName + "-output-checks";
    }

    /**
     * The chain in the order it runs, and its output table, fresh within {@code freshWithinMinutes} when the sample
     * is expected to succeed regularly ({@code expectedSuccessEveryMinutes}); without an expectation its age is
     * measured but nothing alarms on it, so a fresh deploy whose job never ran does not page.
     */
    public PipelineStages stages(OptionalInt freshWithinMinutes) {
        return new PipelineStages(
                List.of(
                        new PipelineStages.Stage(PipelineStages.Kind.JOB, jobName),
                        new PipelineStages.Stage(PipelineStages.Kind.TRIGGER, trigger()),
                        new PipelineStages.Stage(PipelineStages.Kind.CRAWLER, crawler()),
                        new PipelineStages.Stage(PipelineStages.Kind.DATA_QUALITY_RULESET, ruleset())),
                Optional.of(new PipelineStages.Output(
                        new PipelineStages.GlueTable(database, OUTPUT_TABLE), freshWithinMinutes)));
    }
}
