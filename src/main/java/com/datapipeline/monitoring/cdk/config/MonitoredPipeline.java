package com.datapipeline.monitoring.cdk.config;

import com.datapipeline.monitoring.cdk.naming.PipelineIdentity;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One Glue job to watch.
 *
 * @param jobName                     the Glue job's name
 * @param sampleJob                   true for the lab's sample job, which this app creates; false for an existing job
 * @param stuckRunMinutes             a run still going after this many minutes is reported as stuck
 * @param expectedSuccessEveryMinutes how often the job should succeed; empty for no missed-run alarm
 * @param dataQualityRuleset          the Glue Data Quality ruleset whose results give DataQualityScore; empty for none
 * @param stages                      the pipeline's other stages and output, {@link PipelineStages#NONE} for a job alone
 * @param muteWindows                 when the pipeline's pages are muted (its own, or the global muteWindows)
 * @param response                    its own error class actions, runbook and validation job
 * @param monthlyBudgetUsd            its monthly budget in USD (its own, or the global monthlyBudgetUsd); empty: none
 */
public record MonitoredPipeline(
        String jobName,
        boolean sampleJob,
        int stuckRunMinutes,
        OptionalInt expectedSuccessEveryMinutes,
        Optional<String> dataQualityRuleset,
        PipelineStages stages,
        List<MuteWindow> muteWindows,
        PipelineResponse response,
        OptionalDouble monthlyBudgetUsd)
        implements PipelineIdentity {
    public static final String SAMPLE_JOB_NAME = "sample-etl-job";

    public MonitoredPipeline {
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(expectedSuccessEveryMinutes, "expectedSuccessEveryMinutes");
        Objects.requireNonNull(dataQualityRuleset, "dataQualityRuleset");
        Objects.requireNonNull(stages, "stages");
        muteWindows = List.copyOf(muteWindows);
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(monthlyBudgetUsd, "monthlyBudgetUsd");
    }

    /** A pipeline without response options of its own and without a monthly budget. */
    public MonitoredPipeline(
            String jobName,
            boolean sampleJob,
            int stuckRunMinutes,
            OptionalInt expectedSuccessEveryMinutes,
            Optional<String> dataQualityRuleset,
            PipelineStages stages,
            List<MuteWindow> muteWindows) {
        this(
                jobName,
                sampleJob,
                stuckRunMinutes,
                expectedSuccessEveryMinutes,
                dataQualityRuleset,
                stages,
                muteWindows,
                PipelineResponse.NONE,
                OptionalDouble.empty());
    }

    /** A job alone, as before pipelines had stages, without mute windows. */
    public MonitoredPipeline(
            String jobName,
            boolean sampleJob,
            int stuckRunMinutes,
            OptionalInt expectedSuccessEveryMinutes,
            Optional<String> dataQualityRuleset) {
        this(
                jobName,
                sampleJob,
                stuckRunMinutes,
                expectedSuccessEveryMinutes,
                dataQualityRuleset,
                PipelineStages.NONE,
                List.of());
    }
}
