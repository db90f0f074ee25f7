package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The text of a page about a failed or timed-out run: what, where, why, what the function did, and where to look.
 * Plain text, one fact per line, no markup, so it reads the same in an email and in a chat channel. Two sizes:
 * {@link #full()} for the decision log, and {@link #fitted(int)} for an alarm's state reason (CloudWatch allows
 * 1,023 characters), which drops the least needed lines first and cuts the error message before anything else.
 */
public final class PageText {

    /** CloudWatch's limit on an alarm's StateReason (SetAlarmState), which carries the page. */
    public static final int STATE_REASON_LIMIT = 1023;
    /** The whole page in the decision log: enough for every line and a long error, never a whole traceback. */
    public static final int FULL_LIMIT = 4000;

    /** The runbook section of a pause: how the triggers resume (docs/runbook.md). */
    static final String TRIGGERS_PAUSED_ANCHOR = "triggers-paused";

    static final int ERROR_LIMIT = 1000;
    /** An error line is cut no shorter than this to make room; below it, lines are dropped instead. */
    static final int ERROR_MIN = 120;

    private static final int ERROR_NEED = 4;
    static final String CUT = "...";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A line and how badly the page needs it (0 = most). */
    private record Line(int need, String text) {}

    private final List<Line> lines;

    private PageText(List<Line> lines) {
        this.lines = List.copyOf(lines);
    }

    /**
     * The page for {@code failure}, decided as {@code decision}.
     *
     * @param runbookBase the runbook's address; the class's section is appended as an anchor
     * @param logGroups   the log groups a run writes to, for the Logs Insights link; empty: no link
     */
    public static PageText of(
            PipelinePage pipeline,
            Decision decision,
            RunFailure failure,
            ConsoleLinks links,
            String runbookBase,
            List<String> logGroups) {
        ErrorClass errorClass = failure.errorClass();
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                0,
                "Pipeline " + pipeline.job() + ": Glue job run " + failure.runId() + " "
                        + (failure.state() == null ? "FAILED" : failure.state())
                        + (failure.attempt() == null ? "" : " (attempt " + failure.attempt() + ")")));
        lines.add(new Line(
                3,
                "Started " + (failure.startedOn() == null ? "unknown" : TIME.format(failure.startedOn())) + ", ran "
                        + failure.duration().map(PageText::duration).orElse("unknown")));
        lines.add(new Line(
                2,
                "Error class: " + errorClass.configName() + " ("
                        + failure.classification().basis() + ")"));
        String error = failure.rootCause().isEmpty()
                ? failure.errorMessage()
                : failure.rootCause().get(failure.rootCause().size() - 1);
        lines.add(new Line(
                ERROR_NEED,
                (failure.rootCause().isEmpty() ? "Error: " : "Root cause: ")
                        + cut(oneLine(error.isBlank() ? "(Glue gave no error message)" : error), ERROR_LIMIT)));
        lines.add(new Line(1, "Response: " + response(decision, errorClass)));
        String anchor =
                decision.outcome() == Outcome.PAUSED_TRIGGER ? TRIGGERS_PAUSED_ANCHOR : errorClass.runbookAnchor();
        lines.add(new Line(6, "Runbook: " + pipeline.runbookUrl().orElse(runbookBase) + "#" + anchor));
        lines.add(new Line(5, "Run: " + links.glueRun(failure.jobName(), failure.runId())));
        if (!logGroups.isEmpty()) {
            lines.add(new Line(7, "Logs: " + links.runLogs(failure.runId(), logGroups)));
        }
        pipeline.dashboard().ifPresent(name -> lines.add(new Line(8, "Dashboard: " + links.dashboard(name))));
        return new PageText(lines);
    }

    /** What the function did, in words for the person paged. */
    static String response(Decision decision, ErrorClass errorClass) {
        return switch (decision.outcome()) {
            case STARTED ->
                "restarted as run " + decision.jobRunId() + " ("
                        + decision.reason().replaceFirst("^started \\S+ \\((.*)\\)$", "$1") + ")";
            case SKIPPED_ERROR_CLASS ->
                // A class routed to pause-trigger: the reason says how far the pause is.
                !decision.reason().endsWith(RouteAction.NOTIFY_ONLY.configName())
                        ? decision.reason()
                        : errorClass == ErrorClass.UNKNOWN
                                ? "not restarted: the error is not one the response function knows, so a person"
                                        + " decides"
                                : "not restarted: a retry fails the same way until the cause is fixed ("
                                        + errorClass.configName() + " -> " + RouteAction.NOTIFY_ONLY.configName()
                                        + ")";
            case PAUSED_TRIGGER -> "not restarted; " + decision.reason();
            case PAGE_SIGNAL -> decision.reason();
            default -> "not restarted: " + decision.reason();
        };
    }

    /** Every line, bounded by {@link #FULL_LIMIT}. */
    public String full() {
        return cut(String.join("\n", lines.stream().map(Line::text).toList()), FULL_LIMIT);
    }

    /**
     * At most {@code limit} characters: the least needed lines are dropped until the page fits with its error line
     * cut to {@link #ERROR_MIN}, then the error line gets the room that is left. Only a page whose most needed lines
     * alone are too long is cut at its end.
     */
    public String fitted(int limit) {
        List<Line> kept = new ArrayList<>(lines);
        int error = indexOfNeed(kept, ERROR_NEED);
        String errorText = error < 0 ? "" : kept.get(error).text();
        int errorShortest = Math.min(errorText.length(), ERROR_MIN);
        while (length(kept) - errorText.length() + errorShortest > limit) {
            Line leastNeeded = kept.stream()
                    .filter(line -> line.need() != ERROR_NEED)
                    .max(Comparator.comparingInt(Line::need))
                    .orElseThrow();
            if (leastNeeded.need() <= 1) {
                break;
            }
            kept.remove(leastNeeded);
        }
        error = indexOfNeed(kept, ERROR_NEED);
        if (error >= 0) {
            int room = limit - (length(kept) - errorText.length());
            kept.set(error, new Line(ERROR_NEED, cut(errorText, Math.max(errorShortest, room))));
        }
        return cut(String.join("\n", kept.stream().map(Line::text).toList()), limit);
    }

    private static int length(List<Line> lines) {
        return lines.stream().mapToInt(line -> line.text().length()).sum() + Math.max(0, lines.size() - 1);
    }

    private static int indexOfNeed(List<Line> lines, int need) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).need() == need) {
                return i;
            }
        }
        return -1;
    }

    static String cut(String text, int limit) {
        if (text.length() <= limit) {
            return text;
        }
        int end = limit - CUT.length();
        // Never cut a character in half.
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min"
                : seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }
}
