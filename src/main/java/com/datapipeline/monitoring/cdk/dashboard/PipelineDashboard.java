package com.datapipeline.monitoring.cdk.dashboard;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Axis;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Graph;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Placement;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.GlueLogGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.LogQueryWidget;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.YAxisProps;
import software.constructs.Construct;

/**
 * The DataPipelineMonitoring dashboard: the lab's widgets from steps 3 and 7. The alarm status and the
 * job logs come first, then one row of graphs per pipeline. With pipelines in nested stacks, each stack has a page of
 * its own for its pipelines' graphs and alarms, and the main dashboard shows every pipeline's page alarm and links
 * the pages. Graphs reuse the alarms' own metric
 * objects, and each threshold line is drawn from its alarm, on the graph and axis its kind's definition names
 * ({@link com.datapipeline.monitoring.cdk.catalog.AlarmKind#placement()}), so a graph cannot disagree with its alarm.
 */
public final class PipelineDashboard extends Construct {
    public static final String LOGS = "ETL Job Logs";
    public static final String ALARMS = "Pipeline Alarms";
    public static final String EVENT_HISTORY = "Job and Alarm History";
    public static final String PAGES = "Pipeline pages";
    public static final String BREACH_BITS = "Breach bits";
    private static final int FULL_WIDTH = 24;
    static final int ALARMS_PER_STATUS_WIDGET = 100;
    private static final int GRAPH_WIDTH = 6;
    private static final int GRAPH_HEIGHT = 6;

    private final Dashboard dashboard;

    public PipelineDashboard(Construct scope, String id, Props props) {
        super(scope, id);
        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(props.dashboardName())
                .build();
        // Alarms by name, not by their ARN attribute: no cross-stack reference when pipelines sit in nested
        // stacks. CloudWatch shows at most 100 alarms per status widget.
        List<String> alarmNames = props.alarmNames();
        for (int from = 0; from < alarmNames.size(); from += ALARMS_PER_STATUS_WIDGET) {
            List<IAlarm> alarms = new ArrayList<>();
            for (String name : alarmNames.subList(from, Math.min(from + ALARMS_PER_STATUS_WIDGET, alarmNames.size()))) {
                alarms.add(Alarm.fromAlarmName(this, "Status-" + name, name));
            }
            dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                    .title(from == 0 ? ALARMS : ALARMS + " (" + (from / ALARMS_PER_STATUS_WIDGET + 1) + ")")
                    .alarms(alarms)
                    .width(FULL_WIDTH)
                    .height(Math.max(3, Math.min(12, 2 + alarms.size() / 8)))
                    .build());
        }
        if (!props.pageNames().isEmpty()) {
            dashboard.addWidgets(TextWidget.Builder.create()
                    .markdown("### " + PAGES + "\n"
                            + String.join(
                                    " · ",
                                    props.pageNames().stream()
                                            .map(page -> "[" + page + "](#dashboards:name=" + page + ")")
                                            .toList()))
                    .width(FULL_WIDTH)
                    .height(Math.max(2, 1 + props.pageNames().size() / 6))
                    .build());
        }
        dashboard.addWidgets(LogQueryWidget.Builder.create()
                .title(LOGS)
                .logGroupNames(GlueLogGroups.ALL)
                .queryLines(List.of("fields @timestamp, @logStream, @message", "sort @timestamp desc", "limit 50"))
                .width(FULL_WIDTH)
                .height(GRAPH_HEIGHT)
                .build());
        props.eventHistoryLogGroup()
                .ifPresent(logGroup -> dashboard.addWidgets(LogQueryWidget.Builder.create()
                        .title(EVENT_HISTORY)
                        .logGroupNames(List.of(logGroup))
                        .queryLines(List.of(
                                "fields @timestamp, `detail-type` as event, detail.jobName as job, detail.jobRunId as run,"
                                        + " detail.alarmName as alarm, coalesce(detail.state.value, detail.state) as state,"
                                        + " coalesce(detail.message, detail.state.reason) as message",
                                "sort @timestamp desc",
                                "limit 100"))
                        .width(FULL_WIDTH)
                        .height(GRAPH_HEIGHT)
                        .build()));
        for (PipelineRow row : props.rows()) {
            if (row.detailedMetrics()) {
                dashboard.addWidgets(rowWidgets(row, props.names()).toArray(IWidget[]::new));
                dashboard.addWidgets(runHealth(row, props.names()), derived(row, props.names()));
            } else {
                dashboard.addWidgets(breachRow(row, props.names()).toArray(IWidget[]::new));
            }
            if (row.runCost() || row.budgeted()) {
                dashboard.addWidgets(cost(row, props.names()));
            }
            List<IWidget> stages = StageView.widgets(this, row, props.names());
            if (!stages.isEmpty()) {
                dashboard.addWidgets(stages.toArray(IWidget[]::new));
            }
        }
    }

    private static List<IWidget> rowWidgets(PipelineRow row, ResourceNames names) {
        PipelineMetricSet metrics = row.metrics();
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(graph(row, names, Graph.DURATION)
                .left(List.of(metrics.longestRunningSeconds(), metrics.processingLatencySeconds()))
                .leftAnnotations(row.thresholds(Graph.DURATION, Axis.LEFT))
                .leftYAxis(axis("seconds").build())
                .build());
        widgets.add(dataProcessed(row, names));
        widgets.add(memory(row, names));
        widgets.add(graph(row, names, Graph.QUALITY)
                .left(List.of(metrics.dataQualityScorePercent(), metrics.errorRatePercent()))
                .leftAnnotations(row.thresholds(Graph.QUALITY, Axis.LEFT))
                .leftYAxis(axis("percent").max(100).build())
                .right(List.of(metrics.processingLatencySeconds(), metrics.recordsProcessed()))
                .rightAnnotations(row.thresholds(Graph.QUALITY, Axis.RIGHT))
                .rightYAxis(axis("seconds / records").build())
                .build());
        return widgets;
    }

    /**
     * The row of a pipeline whose page is one alarm over its breach bits: the function publishes none of its
     * detailed metrics, so the row draws what exists: the Breach bits (the page's description says what each bit
     * is) and the Glue job metrics. (A pipeline with a declared output keeps its composite page and full row.)
     */
    private static List<IWidget> breachRow(PipelineRow row, ResourceNames names) {
        PipelineMetricSet metrics = row.metrics();
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(GraphWidget.Builder.create()
                .title(names.widgetTitle(BREACH_BITS, row.pipeline()))
                .width(GRAPH_WIDTH)
                .height(GRAPH_HEIGHT)
                .left(List.of(metrics.breach()))
                .leftYAxis(axis("sum of breach bits (0: healthy)").build())
                .build());
        widgets.add(dataProcessed(row, names));
        widgets.add(memory(row, names));
        return widgets;
    }

    private static IWidget dataProcessed(PipelineRow row, ResourceNames names) {
        return graph(row, names, Graph.DATA_PROCESSED)
                .left(List.of(row.metrics().s3ReadBytes(), row.metrics().s3WriteBytes()))
                .leftYAxis(axis("bytes").build())
                .build();
    }

    private static IWidget memory(PipelineRow row, ResourceNames names) {
        return graph(row, names, Graph.MEMORY)
                .left(List.of(row.metrics().driverHeapUsageFraction()))
                .leftAnnotations(row.thresholds(Graph.MEMORY, Axis.LEFT))
                .leftYAxis(axis("heap used (0-1)").max(1).build())
                .build();
    }

    private static IWidget derived(PipelineRow row, ResourceNames names) {
        return graph(row, names, Graph.DERIVED)
                .left(List.of(row.metrics().jobSuccessRatePercent()))
                .leftYAxis(axis("percent of runs").max(100).build())
                .right(List.of(row.metrics().throughputRecordsPerSecond()))
                .rightAnnotations(row.thresholds(Graph.DERIVED, Axis.RIGHT))
                .rightYAxis(axis("records/s").build())
                .width(FULL_WIDTH / 2)
                .build();
    }

    /**
     * What the pipeline's runs cost: with costPerRun RunCostUsd summed per day on the left; with a monthly budget the
     * month's projection against the budget's line on the right (the over-budget alarm's threshold where the pipeline
     * has that alarm, else the budget itself: a one-alarm page watches it as a bit).
     */
    private static IWidget cost(PipelineRow row, ResourceNames names) {
        GraphWidget.Builder graph = graph(row, names, Graph.COST).width(FULL_WIDTH / 2);
        if (row.runCost()) {
            graph.left(List.of(row.metrics()
                            .runCostUsd()
                            .with(MetricOptions.builder()
                                    .period(Duration.days(1))
                                    .label("Run cost per day (USD)")
                                    .build())))
                    .leftYAxis(axis("USD per day").build());
        }
        OptionalDouble budget = row.pipeline().monthlyBudgetUsd();
        if (row.budgeted()) {
            List<HorizontalAnnotation> lines = row.thresholds(Graph.COST, Axis.RIGHT);
            graph.right(List.of(row.metrics().projectedMonthlyCostUsd()))
                    .rightAnnotations(
                            lines.isEmpty()
                                    ? List.of(HorizontalAnnotation.builder()
                                            .value(budget.getAsDouble())
                                            .label("Monthly budget (USD)")
                                            .build())
                                    : lines)
                    .rightYAxis(axis("USD this month, projected").build());
        }
        return graph.build();
    }

    private static IWidget runHealth(PipelineRow row, ResourceNames names) {
        return graph(row, names, Graph.RUN_HEALTH)
                .left(
                        row.pipeline().stages().output().isPresent()
                                ? List.of(
                                        row.metrics().longestRunningSeconds(),
                                        row.metrics().secondsSinceLastSuccess(),
                                        row.metrics().outputAgeSeconds())
                                : List.of(
                                        row.metrics().longestRunningSeconds(),
                                        row.metrics().secondsSinceLastSuccess()))
                .leftAnnotations(row.thresholds(Graph.RUN_HEALTH, Axis.LEFT))
                .leftYAxis(axis("seconds").build())
                .width(FULL_WIDTH / 2)
                .build();
    }

    /** A graph axis from 0 with a label instead of CloudWatch's unit names. */
    private static YAxisProps.Builder axis(String label) {
        return YAxisProps.builder().label(label).showUnits(false).min(0);
    }

    private static GraphWidget.Builder graph(PipelineRow row, ResourceNames names, Graph graph) {
        return GraphWidget.Builder.create()
                .title(names.widgetTitle(graph.title(), row.pipeline()))
                .width(GRAPH_WIDTH)
                .height(GRAPH_HEIGHT);
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    /**
     * One pipeline's graphs: its metrics and its signals, whose thresholds are drawn on them.
     *
     * @param detailedMetrics whether the metrics function publishes the pipeline's detailed metrics; without them
     *                        (a one-alarm page, see alarms/BreachPage) the row draws its Breach bits instead
     * @param runCost         whether the function publishes the pipeline's RunCostUsd (costPerRun)
     * @param budgeted        whether it publishes the pipeline's ProjectedMonthlyCostUsd against a monthly budget;
     *                        with either the row gets a cost graph
     */
    public record PipelineRow(
            MonitoredPipeline pipeline,
            PipelineMetricSet metrics,
            List<CreatedAlarm> signals,
            boolean detailedMetrics,
            boolean runCost,
            boolean budgeted) {
        public PipelineRow {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(metrics, "metrics");
            signals = List.copyOf(signals);
        }

        /** The threshold lines of the signals placed on this graph's axis, in creation order. */
        List<HorizontalAnnotation> thresholds(Graph graph, Axis axis) {
            Placement here = new Placement(graph, axis);
            return signals.stream()
                    .filter(signal ->
                            signal.kind().placement().filter(here::equals).isPresent())
                    .flatMap(signal -> signal.thresholdLine().stream())
                    .toList();
        }
    }

    /**
     * @param pageNames            the dashboards with the graphs of the pipelines in nested stacks, linked from here
     * @param eventHistoryLogGroup the log group of job and alarm state changes, when kept
     */
    public record Props(
            String dashboardName,
            ResourceNames names,
            List<PipelineRow> rows,
            List<String> alarmNames,
            List<String> pageNames,
            Optional<String> eventHistoryLogGroup) {
        public Props {
            Objects.requireNonNull(dashboardName, "dashboardName");
            Objects.requireNonNull(names, "names");
            rows = List.copyOf(rows);
            alarmNames = List.copyOf(alarmNames);
            pageNames = List.copyOf(pageNames);
        }
    }
}
