package com.datapipeline.monitoring.response;

/**
 * Text that marks an alarm notification as a fire drill. A drill is started with
 * {@code aws cloudwatch set-alarm-state --state-reason "[monitoring-drill] ..."}; the function logs its decision
 * with outcome {@code drill} and never remediates.
 */
public final class DrillMarker {

    public static final String TEXT = "[monitoring-drill]";

    private DrillMarker() {
    }

    static boolean isDrill(String text) {
        return text != null && text.contains(TEXT);
    }
}
