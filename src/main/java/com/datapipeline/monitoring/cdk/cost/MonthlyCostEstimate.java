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
public record MonthlyCostEstimate(List<Item> items) {
    /** EventBridge runs the metrics function once per metric period (12 per hour at 5 minutes), 730 hours a month. */
    public static final int SCHEDULED_INVOCATIONS = 60 / PipelineMetricSet.PERIOD_MINUTES * 730;
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
    }

    /** One line of the bill. */
    public record Item(String what, double quantity, String unit, double monthlyUsd) {
        public Item {
            Objects.requireNonNull(what, "what");
        }
    }

    /** What the estimate is computed from; counts come from the synthesized stack. */
    public record Inputs(
            int standardAlarms,
            int anomalyDetectionAlarms,
            int compositeAlarms,
            int customMetrics,
            int glueJobMetrics,
            int dashboards,
            int pipelines,
            int metricsFunctionMemoryMb,
            int responseFunctionMemoryMb,
            int kmsKeys,
            int contributorInsightsRules,
            int logRetentionDays) {}

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
        items.add(new Item(
                "Glue job metrics used (JobRunId=ALL)",
                in.glueJobMetrics(),
                "metrics",
                in.glueJobMetrics() * Prices.CUSTOM_METRIC));
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
        double logGb = logBytes / GB;
        items.add(new Item("Log ingestion (functions)", logGb, "GB", logGb * Prices.LOG_INGESTION_PER_GB));
        double storedMonths = Math.min(in.logRetentionDays(), 365) / 30.4;
        items.add(new Item(
                "Log storage at steady state",
                logGb * storedMonths,
                "GB",
                logGb * storedMonths * Prices.LOG_STORAGE_PER_GB_MONTH));
        items.add(new Item("KMS keys (alert topics)", in.kmsKeys(), "keys", in.kmsKeys() * Prices.KMS_KEY));
        if (in.contributorInsightsRules() > 0) {
            items.add(new Item(
                    "Contributor Insights rules",
                    in.contributorInsightsRules(),
                    "rules",
                    in.contributorInsightsRules() * Prices.CONTRIBUTOR_INSIGHTS_RULE));
        }
        return new MonthlyCostEstimate(items);
    }

    public double totalUsd() {
        return items.stream().mapToDouble(Item::monthlyUsd).sum();
    }

    /** A short fixed-width table, for the summary and the file beside the templates. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "  %-40s %12s %-10s %10s%n", "Monthly cost estimate (us-east-1)", "quantity", "", "USD"));
        for (Item item : items) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-40s %12s %-10s %10.2f%n",
                    item.what(),
                    quantity(item.quantity()),
                    item.unit(),
                    item.monthlyUsd()));
        }
        out.append(String.format(Locale.ROOT, "  %-40s %12s %-10s %10.2f%n", "Total", "", "", totalUsd()));
        out.append("  Assumptions: list prices without free tiers; ")
                .append(METRICS_RUN_SECONDS)
                .append(" s per metrics run, ")
                .append(NOTIFICATIONS_PER_PIPELINE)
                .append(" alarm notifications per pipeline a month; Glue job runs not included.\n");
        return out.toString();
    }

    private static String quantity(double value) {
        return value == Math.rint(value) && value < 1e9
                ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.3f", value);
    }
}
