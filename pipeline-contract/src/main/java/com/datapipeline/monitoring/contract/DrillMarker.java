package com.datapipeline.monitoring.contract;

/**
 * Text that marks an alarm notification as a fire drill. `make verify` starts one with
 * {@code aws cloudwatch set-alarm-state --state-reason "[monitoring-drill] ..."}; the alarm-response function logs
 * its decision with outcome {@link DecisionLine#DRILL_OUTCOME} and never remediates.
 */
public final class DrillMarker {
    public static final String TEXT = "[monitoring-drill]";

    private DrillMarker() {}

    /** Whether {@code text} (an alarm's state reason, a message) carries the marker. */
    public static boolean isDrill(String text) {
        return text != null && text.contains(TEXT);
    }
}
