package com.datapipeline.monitoring.cdk.alarms;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.TreatMissingData.NOT_BREACHING;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.AlarmSpec;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.AlarmSettings;
import com.datapipeline.monitoring.cdk.config.AlarmThresholds;
import com.datapipeline.monitoring.cdk.config.AnomalyDetection;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.NumberText;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.constructs.Construct;

/**
 * The lab's six alarms for one pipeline, each threshold converted into its metric's real unit, plus
 * the optional anomaly-detection alarms on the custom metrics and the optional low-throughput alarm.
 * Missing data is "not breaching" throughout: Glue metrics exist only while a run is active and the
 * custom metrics are published only when there is something to measure.
 */
public final class PipelineAlarms extends Construct {
    public static final String DURATION = AlarmNames.DURATION;
    public static final String FAILED_TASKS = AlarmNames.FAILED_TASKS;
    public static final String MEMORY = AlarmNames.MEMORY;
    public static final String DATA_QUALITY = AlarmNames.DATA_QUALITY;
    public static final String ERROR_RATE = AlarmNames.ERROR_RATE;
    public static final String LATENCY = AlarmNames.LATENCY;

    private final Alarm duration;
    private final Alarm failedTasks;
    private final Alarm memory;
    private final Optional<Alarm> dataQuality;
    private final Optional<Alarm> errorRate;
    private final Optional<Alarm> latency;
    private final Optional<Alarm> lowThroughput;
    private final Alarm collectionFailed;
    private final List<IAlarm> anomalyAlarms = new ArrayList<>();

    public PipelineAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        AlarmThresholds thresholds = props.alarms().thresholds();
        PipelineMetricSet metrics = props.metrics();
        String job = props.pipeline().jobName();
        AlarmFactory factory = props.alarmFactory();
        AlarmSettings settings = props.alarms();
        boolean staticCustomAlarms = settings.anomalyDetection() != AnomalyDetection.INSTEAD;

        // Not glue.driver.aggregate.elapsedTime: AWS documents it as a delta (Sum only) per report, under which a
        // 5-minute statistic could never pass 300,000 ms. A run's age comes from its own StartedOn instead.
        duration = factory.create(this, "Duration", new AlarmSpec(DURATION,
                name(props, DURATION),
                "A run of Glue job " + job + " has been running for more than " + NumberText.plain(thresholds.jobDurationSeconds())
                        + " s (LongestRunningSeconds: the oldest active run's age, from GetJobRuns).",
                metrics.longestRunningSeconds(), thresholds.jobDurationSeconds(),
                GREATER_THAN_THRESHOLD, NOT_BREACHING));
        failedTasks = factory.create(this, "FailedTasks", new AlarmSpec(FAILED_TASKS,
                name(props, FAILED_TASKS),
                "Spark tasks of Glue job " + job + " failed. A run that fails outside a Spark task"
                        + " (e.g. sys.exit) is caught by the job-run-failed alarm instead.",
                metrics.failedTasks(), thresholds.failedTasks(), GREATER_THAN_THRESHOLD, NOT_BREACHING));
        memory = factory.create(this, "Memory", new AlarmSpec(MEMORY,
                name(props, MEMORY),
                "Driver heap of Glue job " + job + " above " + NumberText.plain(thresholds.heapUsagePercent())
                        + " % (glue.driver.jvm.heap.usage is a fraction from 0 to 1).",
                metrics.driverHeapUsageFraction(), thresholds.heapUsagePercent() / 100,
                GREATER_THAN_THRESHOLD, NOT_BREACHING));
        dataQuality = staticCustomAlarms ? Optional.of(factory.create(this, "DataQuality", new AlarmSpec(DATA_QUALITY,
                name(props, DATA_QUALITY),
                "Data quality score of pipeline " + job + " below " + NumberText.plain(thresholds.dataQualityPercent()) + " %.",
                metrics.dataQualityScorePercent(), thresholds.dataQualityPercent(),
                LESS_THAN_THRESHOLD, NOT_BREACHING))) : Optional.empty();
        errorRate = staticCustomAlarms ? Optional.of(factory.create(this, "ErrorRate", new AlarmSpec(ERROR_RATE,
                name(props, ERROR_RATE),
                "More than " + NumberText.plain(thresholds.errorRatePercent()) + " % of recent runs of " + job + " failed.",
                metrics.errorRatePercent(), thresholds.errorRatePercent(), GREATER_THAN_THRESHOLD, NOT_BREACHING)))
                : Optional.empty();
        latency = staticCustomAlarms ? Optional.of(factory.create(this, "Latency", new AlarmSpec(LATENCY,
                name(props, LATENCY),
                "The latest run of " + job + " took longer than " + NumberText.plain(thresholds.processingLatencySeconds()) + " s.",
                metrics.processingLatencySeconds(), thresholds.processingLatencySeconds(),
                GREATER_THAN_THRESHOLD, NOT_BREACHING))) : Optional.empty();

        if (settings.anomalyDetection() != AnomalyDetection.OFF) {
            anomaly(props, "DataQualityAnomaly", DATA_QUALITY, metrics.dataQualityScorePercent(),
                    "LessThanLowerThreshold", "fell below the band expected from its history");
            anomaly(props, "ErrorRateAnomaly", ERROR_RATE, metrics.errorRatePercent(),
                    "GreaterThanUpperThreshold", "rose above the band expected from its history");
            anomaly(props, "LatencyAnomaly", LATENCY, metrics.processingLatencySeconds(),
                    "GreaterThanUpperThreshold", "rose above the band expected from its history");
        }

        // Two failed collections in a row: one transient failure (a throttled call) does not page.
        collectionFailed = factory.create(this, "CollectionFailed", new AlarmSpec(AlarmNames.COLLECTION_FAILED,
                name(props, AlarmNames.COLLECTION_FAILED),
                "DataPipelineMetricsFunction could not measure pipeline " + job + " in two runs in a row (job deleted,"
                        + " permission missing?): its custom-metric alarms cannot see it. The function's log says why.",
                metrics.collectionErrors(), 1, GREATER_THAN_OR_EQUAL_TO_THRESHOLD, NOT_BREACHING, 2, 1));

        lowThroughput = settings.minThroughputRecordsPerSecond().isPresent()
                ? Optional.of(factory.create(this, "LowThroughput", new AlarmSpec(AlarmNames.LOW_THROUGHPUT,
                        name(props, AlarmNames.LOW_THROUGHPUT),
                        "Pipeline " + job + " processed fewer than " + NumberText.plain(settings.minThroughputRecordsPerSecond().getAsDouble())
                                + " records per second (metric math over RecordsProcessed).",
                        metrics.throughputRecordsPerSecond(), settings.minThroughputRecordsPerSecond().getAsDouble(),
                        LESS_THAN_THRESHOLD, NOT_BREACHING)))
                : Optional.empty();
    }

    private IAlarm anomaly(Props props, String id, String staticName, Metric metric, String comparison, String what) {
        IAlarm alarm = props.alarmFactory().createAnomalyDetection(this, id, staticName,
                name(props, staticName + AlarmNames.ANOMALY_SUFFIX),
                metric.getMetricName() + " of pipeline " + props.pipeline().jobName() + " " + what + " ("
                        + NumberText.plain(props.alarms().anomalyBandWidth()) + " standard deviations).",
                metric, props.alarms().anomalyBandWidth(), comparison);
        anomalyAlarms.add(alarm);
        return alarm;
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

    /** The static data-quality alarm; empty when anomaly detection replaces it. */
    public Optional<Alarm> dataQuality() {
        return dataQuality;
    }

    public Optional<Alarm> errorRate() {
        return errorRate;
    }

    public Optional<Alarm> latency() {
        return latency;
    }

    public Optional<Alarm> lowThroughput() {
        return lowThroughput;
    }

    public Alarm collectionFailed() {
        return collectionFailed;
    }

    public List<IAlarm> anomalyAlarms() {
        return List.copyOf(anomalyAlarms);
    }

    private static String name(Props props, String labName) {
        return props.names().perPipeline(labName, props.pipeline());
    }


    /** What the alarms of one pipeline need. */
    public record Props(
            MonitoredPipeline pipeline,
            PipelineMetricSet metrics,
            AlarmSettings alarms,
            ResourceNames names,
            AlarmFactory alarmFactory) {
        public Props {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(alarms, "alarms");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
        }
    }
}
