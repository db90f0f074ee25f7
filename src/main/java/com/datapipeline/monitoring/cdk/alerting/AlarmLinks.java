package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.contract.ConsoleUrls;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an alarm's description points a reader, so that an email or a chat message of the alarm shows it: the runbook
 * section of its failure mode (the pipeline's {@code runbookUrl}, else the global one, else this repository's
 * {@code docs/runbook.md}, with the alarm's base name as the anchor) and the dashboard that shows the pipeline.
 *
 * @param runbookUrl the runbook without an anchor
 * @param region     the stack's Region; empty when the synth is environment-agnostic (the link then has none)
 * @param dashboard  the dashboard (or dashboard page) that shows the pipeline
 */
public record AlarmLinks(String runbookUrl, Optional<String> region, String dashboard) {

    /** CloudWatch's limit on AlarmDescription (PutMetricAlarm, PutCompositeAlarm): 1,024 characters. */
    public static final int DESCRIPTION_LIMIT = 1024;

    static final String CUT = "...";

    public AlarmLinks {
        Objects.requireNonNull(runbookUrl, "runbookUrl");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(dashboard, "dashboard");
    }

    /** The links of a pipeline whose own runbook, if any, is {@code pipelineRunbook}. */
    public static AlarmLinks of(
            Optional<String> pipelineRunbook,
            Optional<String> globalRunbook,
            Optional<String> region,
            String dashboard) {
        return new AlarmLinks(
                pipelineRunbook.or(() -> globalRunbook).orElse(ResponseConfiguration.DEFAULT_RUNBOOK),
                region,
                dashboard);
    }

    /**
     * {@code description} followed by the runbook section of {@code anchor} and the dashboard, on the same line (an
     * email of the alarm shows the description as one line), within {@link #DESCRIPTION_LIMIT}: the description is cut
     * to make room, never a link.
     */
    public String describe(String description, String anchor) {
        String links = " Runbook: " + runbookUrl + "#" + anchor + " Dashboard: "
                + ConsoleUrls.dashboard(region.orElse(null), dashboard);
        int room = DESCRIPTION_LIMIT - links.length();
        String text = description.length() <= room
                ? description
                : description.substring(0, Math.max(0, room - CUT.length())) + CUT;
        return text + links;
    }
}
