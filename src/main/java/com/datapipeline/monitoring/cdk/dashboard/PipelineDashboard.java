package com.datapipeline.monitoring.cdk.dashboard;

import com.datapipeline.monitoring.cdk.alarms.PipelineAlarms;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.GlueLogGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.LogQueryWidget;
import software.amazon.awscdk.services.cloudwatch.YAxisProps;
import software.constructs.Construct;

/**
 * The DataPipelineMonitoring dashboard: the lab's widgets from steps 3 and 7. The alarm status and the
 * job logs come first, then one row of graphs per pipeline. Graphs reuse the alarms' own metric
 * objects, and each threshold line is drawn from its alarm, so a graph cannot disagree with its alarm.
 */
public final class PipelineDashboard extends Construct {
    public static final String DURATION = "ETL Job Duration";
    public static final String DATA_PROCESSED = "Data Processed (Bytes)";
    public static final String MEMORY = "Memory Usage";
    public static final String LOGS = "ETL Job Logs";
    public static final String ALARMS = "Pipeline Alarms";
    public static final String QUALITY = "Data Pipeline Quality Metrics";
    private static final int FULL_WIDTH = 24;
    private static final int GRAPH_WIDTH = 6;
    private static final int GRAPH_HEIGHT = 6;

    private final Dashboard dashboard;

    public PipelineDashboard(Construct scope, String id, Props props) {
        super(scope, id);
        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(props.dashboardName())
                .build();
        dashboard.addWidgets(AlarmStatusWidget.Builder.create()
                .title(ALARMS)
                .alarms(props.alarms())
                .width(FULL_WIDTH)
                .build());
        dashboard.addWidgets(LogQueryWidget.Builder.create()
                .title(LOGS)
                .logGroupNames(GlueLogGroups.ALL)
                .queryLines(List.of("fields @timestamp, @logStream, @message", "sort @timestamp desc", "limit 50"))
                .width(FULL_WIDTH)
                .height(GRAPH_HEIGHT)
                .build());
        for (PipelineRow row : props.rows()) {
            dashboard.addWidgets(rowWidgets(row, props.names()).toArray(IWidget[]::new));
        }
    }

    private static List<IWidget> rowWidgets(PipelineRow row, ResourceNames names) {
        PipelineMetricSet metrics = row.metrics();
        PipelineAlarms alarms = row.alarms();
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(graph(names.widgetTitle(DURATION, row.pipeline()))
                .left(List.of(metrics.jobElapsedTimeMillis()))
                .leftAnnotations(List.of(alarms.duration().toAnnotation()))
                .leftYAxis(YAxisProps.builder().label("milliseconds").showUnits(false).min(0).build())
                .build());
        widgets.add(graph(names.widgetTitle(DATA_PROCESSED, row.pipeline()))
                .left(List.of(metrics.s3ReadBytes(), metrics.s3WriteBytes()))
                .leftYAxis(YAxisProps.builder().label("bytes").showUnits(false).min(0).build())
                .build());
        widgets.add(graph(names.widgetTitle(MEMORY, row.pipeline()))
                .left(List.of(metrics.driverHeapUsageFraction()))
                .leftAnnotations(List.of(alarms.memory().toAnnotation()))
                .leftYAxis(YAxisProps.builder().label("heap used (0-1)").showUnits(false).min(0).max(1).build())
                .build());
        widgets.add(graph(names.widgetTitle(QUALITY, row.pipeline()))
                .left(List.of(metrics.dataQualityScorePercent(), metrics.errorRatePercent()))
                .leftAnnotations(List.of(alarms.dataQuality().toAnnotation(), alarms.errorRate().toAnnotation()))
                .leftYAxis(YAxisProps.builder().label("percent").showUnits(false).min(0).max(100).build())
                .right(List.of(metrics.processingLatencySeconds(), metrics.recordsProcessed()))
                .rightAnnotations(List.of(alarms.latency().toAnnotation()))
                .rightYAxis(YAxisProps.builder().label("seconds / records").showUnits(false).min(0).build())
                .build());
        return widgets;
    }

    private static GraphWidget.Builder graph(String title) {
        return GraphWidget.Builder.create().title(title).width(GRAPH_WIDTH).height(GRAPH_HEIGHT);
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    /** One pipeline's graphs: its metrics and the alarms whose thresholds are drawn on them. */
    public record PipelineRow(MonitoredPipeline pipeline, PipelineMetricSet metrics, PipelineAlarms alarms) {
    }

    public record Props(String dashboardName, ResourceNames names, List<PipelineRow> rows, List<IAlarm> alarms) {
        public Props {
            Objects.requireNonNull(dashboardName, "dashboardName");
            Objects.requireNonNull(names, "names");
            rows = List.copyOf(rows);
            alarms = List.copyOf(alarms);
        }
    }
}
