package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.BreachBit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages the function publishes as the pager of a one-alarm pipeline ({@link Pager}): the page of a failed run
 * (its {@link PageText}), the page of the page alarm's ALARM (the modes its value names, decoded by
 * {@link BreachBit#decode}, and the newest failed run's text when a run failed or hung), and the resolution.
 */
public final class PagerMessages {

    /** The datum CloudWatch quotes in a metric alarm's reason: "... datapoints [256.0 (30/11/26 03:00:00)] ...". */
    private static final Pattern DATUM = Pattern.compile("\\[(-?[0-9]+(?:\\.[0-9]+)?(?:[Ee][+-]?[0-9]+)?) \\(");

    private static final List<BreachBit> RUN_BITS =
            List.of(BreachBit.RUN_FAILED, BreachBit.STUCK_RUN, BreachBit.STUCK_RUN_EVENT);

    private PagerMessages() {}

    /**
     * The page of a failed or timed-out run, opened by its Glue event. The subject names the pipeline, the state and
     * the class, not the run: Glue's run ids alone take 67 of the subject's 99 characters.
     */
    public static PageMessage runFailed(String page, PageText text, RunFailure failure) {
        return new PageMessage(
                "ALARM: Pipeline " + failure.jobName() + ": run "
                        + (failure.state() == null ? "FAILED" : failure.state()) + " ("
                        + failure.errorClass().configName() + ")",
                text.full() + "\n" + footer(page));
    }

    /** The value of a metric alarm's newest datum in its state reason; empty when the reason quotes none. */
    public static OptionalLong breachValue(String reason) {
        Matcher datum = DATUM.matcher(reason == null ? "" : reason);
        if (!datum.find()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.round(Double.parseDouble(datum.group(1))));
    }

    /** The modes a page alarm's reason names, lowest bit first; empty when its reason quotes no datum. */
    public static List<BreachBit> firedModes(String reason) {
        OptionalLong value = breachValue(reason);
        return value.isEmpty() ? List.of() : BreachBit.decode(value.getAsLong());
    }

    /** Whether the modes include a run that failed or hangs, whose run the page should describe. */
    public static boolean aboutARun(List<BreachBit> modes) {
        return modes.stream().anyMatch(RUN_BITS::contains);
    }

    /**
     * The page of the page alarm's ALARM: which modes fired and, when the newest failed run was read, its text.
     *
     * @param runText the newest failed run's page text, for modes about a run
     */
    public static PageMessage alarm(
            PipelinePage pipeline,
            AlarmNotification alarm,
            Optional<PageText> runText,
            ConsoleLinks links,
            String runbookBase) {
        List<BreachBit> modes = firedModes(alarm.reason());
        String named = modes.isEmpty()
                ? "see the reason"
                : String.join(", ", modes.stream().map(BreachBit::mode).toList());
        StringBuilder body = new StringBuilder();
        body.append("Pipeline ")
                .append(pipeline.job())
                .append(": ")
                .append(named)
                .append(" (")
                .append(alarm.alarmName())
                .append(" is in ALARM)\n");
        breachValue(alarm.reason())
                .ifPresent(value -> body.append("Value ")
                        .append(value)
                        .append(" = ")
                        .append(String.join(
                                " + ",
                                modes.stream()
                                        .map(bit -> bit.value() + " " + bit.mode())
                                        .toList()))
                        .append('\n'));
        runText.ifPresent(text -> body.append(text.full()).append('\n'));
        if (runText.isEmpty() && aboutARun(modes)) {
            body.append("Run: no failed run of ")
                    .append(pipeline.job())
                    .append(" was found in its run history (a hung run is still running)\n");
        }
        body.append("Reason: ").append(alarm.reason()).append('\n');
        if (runText.isEmpty()) {
            body.append("Runbook: ")
                    .append(pipeline.runbookUrl().orElse(runbookBase))
                    .append('\n');
            pipeline.dashboard()
                    .ifPresent(name -> body.append("Dashboard: ")
                            .append(links.dashboard(name))
                            .append('\n'));
        }
        body.append(footer(alarm.alarmName()));
        return new PageMessage("ALARM: Pipeline " + pipeline.job() + ": " + named, body.toString());
    }

    /** The one resolution of a page. */
    public static PageMessage resolved(PipelinePage pipeline, String page, String why) {
        return new PageMessage(
                "OK: Pipeline " + pipeline.job() + " recovered",
                "Pipeline " + pipeline.job() + ": resolved, " + why + ".\nPage: " + page
                        + " (this is its one resolution).");
    }

    private static String footer(String page) {
        return "Page: " + page + " (one page per incident; one resolution follows when it returns to OK)";
    }
}
