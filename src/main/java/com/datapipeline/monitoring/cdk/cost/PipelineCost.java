package com.datapipeline.monitoring.cdk.cost;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Billing;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.contract.BreachBit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;

/**
 * What one more pipeline adds to the monthly bill, by failure mode: each signal alarm (billed per metric it watches),
 * the metrics it reads and who pays for them, and the pipeline's pages. Three kinds of metric:
 *
 * <ul>
 *   <li>custom metrics the metrics function publishes on every run: $0.30 a month each, shared by the alarms and
 *       graphs that read them;
 *   <li>event metrics (FailedRuns, StuckRuns): metric filters on the event history with no default value, so they
 *       exist only in the hours an event matched; CloudWatch prorates custom metrics by the hour, so a month with
 *       a few failures costs a fraction of a cent;
 *   <li>Glue job metrics: emitted by the job itself when its job metrics are on, billed to the job whether or not it is
 *       monitored (for the sample job this stack turns them on; the stack's total counts them).
 * </ul>
 */
public record PipelineCost(String pipeline, List<Mode> modes, List<Page> pages, int publishedCustomMetrics) {

    public PipelineCost {
        Objects.requireNonNull(pipeline, "pipeline");
        modes = List.copyOf(modes);
        pages = List.copyOf(pages);
    }

    /** A page: its name and what CloudWatch bills for it (a composite, or a metric-math alarm per metric it reads). */
    public record Page(String name, double usd) {}

    /** One failure mode's signal: its alarm's price and the metrics it reads. */
    public record Mode(
            String alarm,
            boolean inPage,
            double alarmUsd,
            List<String> customMetrics,
            List<String> eventMetrics,
            List<String> glueMetrics) {
        public Mode {
            customMetrics = List.copyOf(customMetrics);
            eventMetrics = List.copyOf(eventMetrics);
            glueMetrics = List.copyOf(glueMetrics);
        }
    }

    /** The breakdown of one pipeline's signals and pages, from what the app created for it. */
    public static PipelineCost of(
            String pipeline,
            AlarmKind.Inputs inputs,
            List<CreatedAlarm> signals,
            List<CreatedAlarm> pages,
            List<AlarmKind> pageModes,
            PipelineMetricSet metrics,
            int publishedCustomMetrics) {
        List<Mode> modes = new ArrayList<>();
        for (CreatedAlarm signal : signals) {
            double usd = signal.kind().billing() == Billing.ANOMALY_DETECTION
                    ? Prices.ANOMALY_DETECTION_ALARM
                    : signal.metrics() * Prices.STANDARD_ALARM;
            modes.add(mode(signal.name(), false, usd, signal.kind().metric(inputs, metrics)));
        }
        // A one-alarm page's modes have no alarm of their own: the page bills each metric it reads once.
        for (AlarmKind kind : pageModes) {
            BreachBit bit = kind.bit().orElseThrow();
            modes.add(mode(
                    kind.baseName() + " (bit " + bit.value() + ", " + bit.mode() + ")",
                    true,
                    0,
                    bit.source() == BreachBit.Source.METRICS_FUNCTION
                            ? metrics.breach()
                            : kind.metric(inputs, metrics)));
        }
        List<Page> billedPages = pages.stream()
                .map(page -> new Page(
                        page.name(),
                        page.kind().billing() == Billing.COMPOSITE
                                ? Prices.COMPOSITE_ALARM
                                : page.metrics() * Prices.STANDARD_ALARM))
                .toList();
        return new PipelineCost(pipeline, modes, billedPages, publishedCustomMetrics);
    }

    private static Mode mode(String name, boolean inPage, double usd, IMetric watched) {
        List<String> custom = new ArrayList<>();
        List<String> event = new ArrayList<>();
        List<String> glue = new ArrayList<>();
        for (Metric metric : metricsOf(watched)) {
            String metricName = metric.getMetricName();
            if (PipelineMetricSet.GLUE_NAMESPACE.equals(metric.getNamespace())) {
                glue.add(metricName);
            } else if (PipelineMetricSet.EVENT_METRICS.contains(metricName)) {
                event.add(metricName);
            } else {
                custom.add(metricName);
            }
        }
        return new Mode(name, inPage, usd, custom, event, glue);
    }

    private static List<Metric> metricsOf(IMetric metric) {
        if (metric instanceof MathExpression expression) {
            return expression.getUsingMetrics().values().stream()
                    .flatMap(m -> metricsOf(m).stream())
                    .toList();
        }
        return metric instanceof Metric plain ? List.of(plain) : List.of();
    }

    public double alarmsUsd() {
        return modes.stream().mapToDouble(Mode::alarmUsd).sum();
    }

    public double pagesUsd() {
        return pages.stream().mapToDouble(Page::usd).sum();
    }

    /** The custom metrics an alarm reads; the rest of what the function publishes is for graphs only. */
    public Set<String> alarmedCustomMetrics() {
        Set<String> names = new LinkedHashSet<>();
        modes.forEach(mode -> names.addAll(mode.customMetrics()));
        return names;
    }

    public double customMetricsUsd() {
        return publishedCustomMetrics * Prices.CUSTOM_METRIC;
    }

    /** What one more pipeline like this one adds to the bill of the monitoring stack (Glue job metrics not included). */
    public double addedUsd() {
        return alarmsUsd() + pagesUsd() + customMetricsUsd();
    }

    /** The per-failure-mode table, for the file beside the templates. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT, "  Cost per added pipeline like %s, by failure mode (USD a month)%n", pipeline));
        out.append(String.format(Locale.ROOT, "  %-46s %6s  %s%n", "signal", "alarm", "reads"));
        for (Mode mode : modes) {
            List<String> reads = new ArrayList<>();
            mode.customMetrics()
                    .forEach(name -> reads.add(
                            String.format(Locale.ROOT, "%s (custom, $%.2f, shared)", name, Prices.CUSTOM_METRIC)));
            if (mode.inPage()) {
                reads.add(String.format(
                        Locale.ROOT, "read by the page: $%.2f a metric, shared by its bits", Prices.STANDARD_ALARM));
            }
            mode.eventMetrics().forEach(name -> reads.add(name + " (event metric: only hours with events)"));
            mode.glueMetrics().forEach(name -> reads.add(name + " (Glue job metric, billed to the job)"));
            out.append(String.format(
                    Locale.ROOT,
                    "  %-46s %6s  %s%n",
                    mode.alarm(),
                    mode.inPage() ? "page" : String.format(Locale.ROOT, "%.2f", mode.alarmUsd()),
                    String.join("; ", reads)));
        }
        out.append(String.format(
                Locale.ROOT,
                "  %-46s %6.2f  %s%n",
                "pages (one per severity)",
                pagesUsd(),
                pages.stream().map(Page::name).toList()));
        out.append(String.format(
                Locale.ROOT,
                "  %-46s %6.2f  %d the metrics function publishes (priced as whole months), %d of them read by an alarm%n",
                "custom metrics",
                customMetricsUsd(),
                publishedCustomMetrics,
                alarmedCustomMetrics().size()));
        out.append(String.format(Locale.ROOT, "  %-46s %6.2f%n", "per added pipeline", addedUsd()));
        return out.toString();
    }
}
