package com.datapipeline.monitoring.cdk.alarms;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.TreatMissingData.NOT_BREACHING;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.AlarmSpec;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.AlarmThresholds;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.constructs.Construct;

/**
 * The lab's six alarms for one pipeline, each threshold converted into its metric's real unit.
 * Missing data is "not breaching" throughout: Glue metrics exist only while a run is active and the
 * custom metrics are published only when there is something to measure.
 */
public final class PipelineAlarms extends Construct {
    public static final String DURATION = "GlueJobDurationAlarm";
    public static final String FAILED_TASKS = "GlueJobFailureAlarm";
    public static final String MEMORY = "GlueJobMemoryAlarm";
    public static final String DATA_QUALITY = "DataQualityAlarm";
    public static final String ERROR_RATE = "ErrorRateAlarm";
    public static final String LATENCY = "ProcessingLatencyAlarm";

    private final Alarm duration;
    private final Alarm failedTasks;
    private final Alarm memory;
    private final Alarm dataQuality;
    private final Alarm errorRate;
    private final Alarm latency;

    public PipelineAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        AlarmThresholds thresholds = props.thresholds();
        PipelineMetricSet metrics = props.metrics();
        String job = props.pipeline().jobName();
        AlarmFactory factory = props.alarmFactory();

        duration = factory.create(this, "Duration", new AlarmSpec(
                name(props, DURATION),
                "Glue job " + job + " ran longer than " + plain(thresholds.jobDurationSeconds())
                        + " s (glue.driver.aggregate.elapsedTime is in milliseconds).",
                metrics.jobElapsedTimeMillis(), thresholds.jobDurationSeconds() * 1000,
                GREATER_THAN_THRESHOLD, NOT_BREACHING));
        failedTasks = factory.create(this, "FailedTasks", new AlarmSpec(
                name(props, FAILED_TASKS),
                "Spark tasks of Glue job " + job + " failed. A run that fails outside a Spark task"
                        + " (e.g. sys.exit) is caught by the job-run-failed alarm instead.",
                metrics.failedTasks(), thresholds.failedTasks(), GREATER_THAN_THRESHOLD, NOT_BREACHING));
        memory = factory.create(this, "Memory", new AlarmSpec(
                name(props, MEMORY),
                "Driver heap of Glue job " + job + " above " + plain(thresholds.heapUsagePercent())
                        + " % (glue.driver.jvm.heap.usage is a fraction from 0 to 1).",
                metrics.driverHeapUsageFraction(), thresholds.heapUsagePercent() / 100,
                GREATER_THAN_THRESHOLD, NOT_BREACHING));
        dataQuality = factory.create(this, "DataQuality", new AlarmSpec(
                name(props, DATA_QUALITY),
                "Data quality score of pipeline " + job + " below " + plain(thresholds.dataQualityPercent()) + " %.",
                metrics.dataQualityScorePercent(), thresholds.dataQualityPercent(),
                LESS_THAN_THRESHOLD, NOT_BREACHING));
        errorRate = factory.create(this, "ErrorRate", new AlarmSpec(
                name(props, ERROR_RATE),
                "More than " + plain(thresholds.errorRatePercent()) + " % of recent runs of " + job + " failed.",
                metrics.errorRatePercent(), thresholds.errorRatePercent(), GREATER_THAN_THRESHOLD, NOT_BREACHING));
        latency = factory.create(this, "Latency", new AlarmSpec(
                name(props, LATENCY),
                "The latest run of " + job + " took longer than " + plain(thresholds.processingLatencySeconds()) + " s.",
                metrics.processingLatencySeconds(), thresholds.processingLatencySeconds(),
                GREATER_THAN_THRESHOLD, NOT_BREACHING));
    }

    public Alarm duration() {
        return duration;
    }

    public Alarm failedTasks() {
        return failedTasks;
    }

    public Alarm memory() {
        return memory;
    }

    public Alarm dataQuality() {
        return dataQuality;
    }

    public Alarm errorRate() {
        return errorRate;
    }

    public Alarm latency() {
        return latency;
    }

    public List<Alarm> alarms() {
        return List.of(duration, failedTasks, memory, dataQuality, errorRate, latency);
    }

    private static String name(Props props, String labName) {
        return props.names().perPipeline(labName, props.pipeline());
    }

    static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** What the alarms of one pipeline need. */
    public record Props(
            MonitoredPipeline pipeline,
            PipelineMetricSet metrics,
            AlarmThresholds thresholds,
            ResourceNames names,
            AlarmFactory alarmFactory) {
        public Props {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(thresholds, "thresholds");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
        }
    }
}
