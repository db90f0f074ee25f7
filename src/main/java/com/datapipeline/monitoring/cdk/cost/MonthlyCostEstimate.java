package com.datapipeline.monitoring.cdk.cost;

import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What the deployed monitoring costs per month, item by item, from what the stack contains and a few
 * stated assumptions about how often things run. Glue job runs themselves are not monitoring and are
 * not included.
 */
public record MonthlyCostEstimate(List<Item> items, List<Item> jobsOwnBill) {
    /** Hours in a month, as AWS prices them. */
    public static final int HOURS_PER_MONTH = 730;
    /** EventBridge runs the metrics function once per metric period (its schedule), 730 hours a month. */
    public static final int SCHEDULED_INVOCATIONS = HOURS_PER_MONTH * 60 / PipelineMetricSet.PERIOD_MINUTES;
    /**
     * Assumed Glue events a pipeline's job sends a month into the event history: an hourly job's run starting and
     * ending (two "Glue Job State Change" events a run); about 1.2 KB each as EventBridge delivers them.
     */
    public static final int GLUE_EVENTS_PER_PIPELINE = 2 * HOURS_PER_MONTH;

    public static final int GLUE_EVENT_BYTES = 1_200;
    /**
     * Glue job metrics a job emits per dimension set JobRunId=ALL with --enable-metrics, at least: the aggregate
     * elapsedTime, numFailedTasks, numCompletedTasks, numKilledTasks, recordsRead, bytesRead, the driver's and ALL's
     * heap usage and cpuSystemLoad, ALL's S3 read and write bytes (shared/reference/aws-facts.md, "Glue job metrics").
     * Each also exists per run id while the run goes (prorated by the hour), and the observability metrics add more;
     * neither is counted.
     */
    public static final int GLUE_JOB_METRICS_PER_JOB = 12;
    /** Assumed billed duration of one run at 1,769 MB: a cold start takes ~0.9 s of one vCPU (README, "Performance"). */
    public static final double METRICS_RUN_SECONDS = 1.0;

    public static final double RESPONSE_RUN_SECONDS = 1.0;
    /** Assumed alarm notifications per pipeline per month that reach the response function. */
    public static final int NOTIFICATIONS_PER_PIPELINE = 60;
    /** Bytes the metrics function logs per pipeline per run (one EMF line, one summary line) plus per run overhead. */
    public static final int METRICS_LOG_BYTES_PER_PIPELINE = 1_100;

    public static final int LAMBDA_LOG_BYTES_PER_RUN = 350;
    private static final double GB = 1024.0 * 1024 * 1024;

    public MonthlyCostEstimate {
        items = List.copyOf(items);
        jobsOwnBill = List.copyOf(jobsOwnBill);
    }

    /** One line of the bill. */
    public record Item(String what, double quantity, String unit, double monthlyUsd) {
        public Item {
            Objects.requireNonNull(what, "what");
        }
    }

    /**
     * What the estimate is computed from; counts come from the synthesized stack.
     *
     * @param ownedJobs     jobs whose job metrics this stack turns on (the sample job): their metrics are its bill
     * @param tracing       X-Ray active tracing on both functions
     * @param eventHistory  whether the Glue events are kept in the event history's log group
     */
    public record Inputs(
            int standardAlarms,
            int anomalyDetectionAlarms,
            int compositeAlarms,
            int customMetrics,
            int ownedJobs,
            int dashboards,
            int pipelines,
            int metricsFunctionMemoryMb,
            int responseFunctionMemoryMb,
            int kmsKeys,
            int contributorInsightsRules,
            int logRetentionDays,
            boolean tracing,
            boolean eventHistory) {}

    public static MonthlyCostEstimate of(Inputs in) {
        List<Item> items = new ArrayList<>();
        items.add(new Item(
                "Standard alarms", in.standardAlarms(), "alarms", in.standardAlarms() * Prices.STANDARD_ALARM));
        if (in.anomalyDetectionAlarms() > 0) {
            items.add(new Item(
                    "Anomaly-detection alarms",
                    in.anomalyDetectionAlarms(),
                    "alarms",
                    in.anomalyDetectionAlarms() * Prices.ANOMALY_DETECTION_ALARM));
        }
        if (in.compositeAlarms() > 0) {
            items.add(new Item(
                    "Composite alarms", in.compositeAlarms(), "alarms", in.compositeAlarms() * Prices.COMPOSITE_ALARM));
        }
        items.add(new Item(
                "Custom metrics (DataPipelineMetrics)",
                in.customMetrics(),
                "metrics",
                in.customMetrics() * Prices.CUSTOM_METRIC));
        if (in.ownedJobs() > 0) {
            int emitted = in.ownedJobs() * GLUE_JOB_METRICS_PER_JOB;
            items.add(
                    new Item("Glue job metrics of the sample job", emitted, "metrics", emitted * Prices.CUSTOM_METRIC));
        }
        List<Item> jobsOwnBill = new ArrayList<>();
        int otherJobs = in.pipelines() - in.ownedJobs();
        if (otherJobs > 0) {
            int emitted = otherJobs * GLUE_JOB_METRICS_PER_JOB;
            jobsOwnBill.add(new Item(
                    "Glue job metrics of the monitored jobs", emitted, "metrics", emitted * Prices.CUSTOM_METRIC));
        }
        items.add(new Item(
                "Dashboards (first 3 per account free)",
                in.dashboards(),
                "dashboards",
                in.dashboards() * Prices.DASHBOARD));

        double metricsGbSeconds = SCHEDULED_INVOCATIONS * METRICS_RUN_SECONDS * in.metricsFunctionMemoryMb() / 1024.0;
        int notifications = NOTIFICATIONS_PER_PIPELINE * in.pipelines();
        double responseGbSeconds = notifications * RESPONSE_RUN_SECONDS * in.responseFunctionMemoryMb() / 1024.0;
        int invocations = SCHEDULED_INVOCATIONS + notifications;
        items.add(new Item(
                "Lambda requests",
                invocations,
                "requests",
                invocations / 1_000_000.0 * Prices.LAMBDA_PER_MILLION_REQUESTS));
        items.add(new Item(
                "Lambda compute",
                metricsGbSeconds + responseGbSeconds,
                "GB-s",
                (metricsGbSeconds + responseGbSeconds) * Prices.LAMBDA_PER_GB_SECOND));

        double logBytes = SCHEDULED_INVOCATIONS
                        * ((double) METRICS_LOG_BYTES_PER_PIPELINE * in.pipelines() + LAMBDA_LOG_BYTES_PER_RUN)
                + notifications * 2.0 * LAMBDA_LOG_BYTES_PER_RUN;
        double eventBytes =
                in.eventHistory() ? (double) GLUE_EVENTS_PER_PIPELINE * GLUE_EVENT_BYTES * in.pipelines() : 0;
        double logGb = (logBytes + eventBytes) / GB;
        items.add(
                new Item("Log ingestion (functions, event history)", logGb, "GB", logGb * Prices.LOG_INGESTION_PER_GB));
        double storedMonths = Math.min(in.logRetentionDays(), 365) / 30.4;
        items.add(new Item(
                "Log storage at steady state",
                logGb * storedMonths,
                "GB",
                logGb * storedMonths * Prices.LOG_STORAGE_PER_GB_MONTH));
        if (in.tracing()) {
            // Active tracing samples the first request each second, so every scheduled run and nearly every
            // notification is a trace.
            items.add(new Item(
                    "X-Ray traces recorded",
                    invocations,
                    "traces",
                    invocations / 1_000_000.0 * Prices.XRAY_PER_MILLION_TRACES));
        }
        items.add(new Item("KMS keys (alert topics)", in.kmsKeys(), "keys", in.kmsKeys() * Prices.KMS_KEY));
        if (in.contributorInsightsRules() > 0) {
            items.add(new Item(
                    "Contributor Insights rules",
                    in.contributorInsightsRules(),
                    "rules",
                    in.contributorInsightsRules() * Prices.CONTRIBUTOR_INSIGHTS_RULE));
        }
        return new MonthlyCostEstimate(items, jobsOwnBill);
    }

    public double totalUsd() {
        return items.stream().mapToDouble(Item::monthlyUsd).sum();
    }

    /** A short fixed-width table, for the summary and the file beside the templates. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "  %-40s %12s %-10s %10s%n", "Monthly cost estimate (us-east-1)", "quantity", "", "USD"));
        items.forEach(item -> row(out, item, ""));
        out.append(String.format(Locale.ROOT, "  %-40s %12s %-10s %10.2f%n", "Total", "", "", totalUsd()));
        jobsOwnBill.forEach(item -> row(out, item, "  (the jobs' own bill, not in the total)"));
        out.append("  Assumptions: list prices without free tiers; ")
                .append(METRICS_RUN_SECONDS)
                .append(" s per metrics run, ")
                .append(NOTIFICATIONS_PER_PIPELINE)
                .append(" alarm notifications per pipeline a month; Glue job runs not included.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, Item item, String note) {
        out.append(String.format(
                        Locale.ROOT,
                        "  %-40s %12s %-10s %10.2f",
                        item.what(),
                        quantity(item.quantity()),
                        item.unit(),
                        item.monthlyUsd()))
                .append(note)
                .append('\n');
    }

    private static String quantity(double value) {
        return value == Math.rint(value) && value < 1e9
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.3f", value);
    }
}
