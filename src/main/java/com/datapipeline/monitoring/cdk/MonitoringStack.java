package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory;
import com.datapipeline.monitoring.cdk.alarms.JobRunFailureAlerts;
import com.datapipeline.monitoring.cdk.alarms.PipelineAlarms;
import com.datapipeline.monitoring.cdk.alerting.AlertTopic;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.dashboard.PipelineDashboard;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.datapipeline.monitoring.cdk.insights.SavedQueries;
import com.datapipeline.monitoring.cdk.metrics.PipelineMetricsPublisher;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.SampleGlueJob;
import com.datapipeline.monitoring.cdk.response.AlarmResponder;
import com.datapipeline.monitoring.cdk.response.ResponseRoute;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/** Wires the constructs together; every decision lives in a construct or in the settings. */
public final class MonitoringStack extends Stack {
    private final MonitoringSettings settings;
    private final AlertTopic alertTopic;
    private final AlarmFactory alarmFactory;
    private final SampleGlueJob sampleJob;
    private final PipelineMetricsPublisher metricsPublisher;
    private final AlarmResponder responder;
    private final PipelineDashboard dashboard;
    private final SavedQueries savedQueries;

    public MonitoringStack(Construct scope, String id, StackProps stackProps, MonitoringSettings settings,
                           LambdaArtifacts artifacts, Path projectRoot) {
        super(scope, id, stackProps);
        this.settings = settings;
        ResourceNames names = new ResourceNames(settings.prefix());

        sampleJob = settings.createsSampleJob()
                ? new SampleGlueJob(this, "SamplePipeline", new SampleGlueJob.Props(
                        MonitoredPipeline.SAMPLE_JOB_NAME, names.glueDatabase(),
                        projectRoot.resolve("glue-scripts/sample_etl_job.py"), settings.sampleJobTimeoutMinutes()))
                : null;

        alertTopic = new AlertTopic(this, "Alerting",
                new AlertTopic.Props(names.shared(ResourceNames.ALERT_TOPIC), settings.alertEmail()));
        alarmFactory = new AlarmFactory(alertTopic.topic());

        List<PipelineDashboard.PipelineRow> rows = new ArrayList<>();
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        for (MonitoredPipeline pipeline : settings.pipelines()) {
            String scopeId = pipeline.sampleJob() ? "SampleJobMonitoring" : "Monitoring-" + pipeline.jobName();
            Construct pipelineScope = new Construct(this, scopeId);
            if (sampleJob != null && pipeline.sampleJob()) {
                pipelineScope.getNode().addDependency(sampleJob);
            }
            PipelineMetricSet metrics = PipelineMetricSet.forJob(pipeline.jobName());
            PipelineAlarms alarms = new PipelineAlarms(pipelineScope, "Alarms",
                    new PipelineAlarms.Props(pipeline, metrics, settings.thresholds(), names, alarmFactory));
            new JobRunFailureAlerts(pipelineScope, "RunFailures",
                    new JobRunFailureAlerts.Props(pipeline, alertTopic.topic(), names, alarmFactory));
            rows.add(new PipelineDashboard.PipelineRow(pipeline, metrics, alarms));
            routes.putAll(defaultRoutes(pipeline, names));
        }

        metricsPublisher = new PipelineMetricsPublisher(this, "CustomMetrics", new PipelineMetricsPublisher.Props(
                names.shared(ResourceNames.METRICS_FUNCTION), names.shared(ResourceNames.METRICS_SCHEDULE),
                artifacts.metricsFunction(), settings.pipelines(), settings.metricsSource(), settings.logRetentionDays()));
        responder = new AlarmResponder(this, "AlarmResponse", new AlarmResponder.Props(
                names.shared(ResourceNames.RESPONSE_FUNCTION), artifacts.responseFunction(), alertTopic.topic(),
                routes, settings.remediation(), names.shared(AlarmResponder.FAILED_NOTIFICATIONS_ALARM),
                alarmFactory, settings.logRetentionDays()));

        dashboard = new PipelineDashboard(this, "Dashboard", new PipelineDashboard.Props(
                names.shared(ResourceNames.DASHBOARD), names, rows, List.copyOf(alarmFactory.alarms())));
        savedQueries = new SavedQueries(this, "SavedQueries",
                new SavedQueries.Props(names, responder.function().getLogGroup()));

        CfnOutput.Builder.create(this, "AlertTopicArn").value(alertTopic.topic().getTopicArn()).build();
        CfnOutput.Builder.create(this, "DashboardName").value(names.shared(ResourceNames.DASHBOARD)).build();
        CfnOutput.Builder.create(this, "AlarmNames")
                .value(String.join(",", alarmFactory.alarmNames()))
                .build();
    }

    /**
     * The lab's response intent as a table: a failed job run (the state-change event, or the failed-task
     * alarm) restarts the job within the guard rails; everything else notifies only. The run-failed alarm
     * notifies only, because the event it counts already names the exact run to restart.
     */
    static Map<String, ResponseRoute> defaultRoutes(MonitoredPipeline pipeline, ResourceNames names) {
        Map<String, ResponseRoute> routes = new LinkedHashMap<>();
        routes.put(JobRunFailureAlerts.ROUTE_KEY_PREFIX + pipeline.jobName(), ResponseRoute.restartJob(pipeline.jobName()));
        routes.put(names.perPipeline(PipelineAlarms.FAILED_TASKS, pipeline), ResponseRoute.restartJob(pipeline.jobName()));
        for (String alarm : List.of(PipelineAlarms.DURATION, PipelineAlarms.MEMORY, PipelineAlarms.DATA_QUALITY,
                PipelineAlarms.ERROR_RATE, PipelineAlarms.LATENCY, JobRunFailureAlerts.ALARM)) {
            routes.put(names.perPipeline(alarm, pipeline), ResponseRoute.notifyOnly());
        }
        return routes;
    }

    /** Every alarm of the stack, in dashboard order, with its plain name. */
    public List<String> alarmNames() {
        return alarmFactory.alarmNames();
    }

    public MonitoringSettings settings() {
        return settings;
    }

    public AlertTopic alertTopic() {
        return alertTopic;
    }

    public PipelineMetricsPublisher metricsPublisher() {
        return metricsPublisher;
    }

    public AlarmResponder responder() {
        return responder;
    }

    public PipelineDashboard dashboard() {
        return dashboard;
    }

    public SavedQueries savedQueries() {
        return savedQueries;
    }

    public SampleGlueJob sampleJob() {
        return sampleJob;
    }
}
