package com.datapipeline.monitoring.cdk.alarms;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.AlarmSpec;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.constructs.Construct;

/**
 * What failure alarms cannot see: a run that hangs, and a job that stops succeeding (never started,
 * or failing quietly) while no alarm ever fires.
 *
 * <p>Stuck runs: for a job this stack owns, Glue itself reports a run that exceeds the job's
 * {@code NotificationProperty.NotifyDelayAfter} with a "Glue Job Run Status" event; {@link GlueJobEvents} keeps it in
 * the event history, whose metric filter counts it (StuckRuns), and the alarm on that count is a child of the
 * pipeline's page. A job the stack
 * does not own cannot get that property from CloudFormation, so its stuck runs come from the metrics
 * function's LongestRunningSeconds instead.
 *
 * <p>Missed runs: when a pipeline declares how often it should succeed, an alarm fires once the time since
 * its last success exceeds that with a grace factor. Missing data counts as breaching here, because no
 * data point means no success was found at all (never ran, or not within the look-back window).
 */
public final class RunHealthAlerts extends Construct {
    public static final String STUCK_ALARM = AlarmNames.STUCK_RUN;
    public static final String MISSED_ALARM = AlarmNames.MISSED_RUN;

    private final Alarm stuck;
    private final Optional<Alarm> missed;

    public RunHealthAlerts(Construct scope, String id, Props props) {
        super(scope, id);
        MonitoredPipeline pipeline = props.pipeline();
        String job = pipeline.jobName();
        String stuckName = props.names().perPipeline(STUCK_ALARM, pipeline);
        if (pipeline.sampleJob()) {
            stuck = props.alarmFactory().create(this, "StuckAlarm", new AlarmSpec(STUCK_ALARM, stuckName,
                    "A run of Glue job " + job + " is still going after " + pipeline.stuckRunMinutes()
                            + " minutes (Glue Job Run Status event from the job's notify-delay, counted as StuckRuns).",
                    props.metrics().stuckRuns(), 1, GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING));
        } else {
            stuck = props.alarmFactory().create(this, "StuckAlarm", new AlarmSpec(STUCK_ALARM, stuckName,
                    "A run of Glue job " + job + " is still going after " + pipeline.stuckRunMinutes()
                            + " minutes (LongestRunningSeconds from DataPipelineMetricsFunction).",
                    props.metrics().longestRunningSeconds(), pipeline.stuckRunMinutes() * 60.0,
                    GREATER_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING));
        }
        missed = pipeline.expectedSuccessEveryMinutes().stream().mapToObj(expectedMinutes -> {
            double limitSeconds = Math.ceil(expectedMinutes * 60 * props.graceFactor());
            return props.alarmFactory().create(this, "MissedAlarm", new AlarmSpec(MISSED_ALARM,
                    props.names().perPipeline(MISSED_ALARM, pipeline),
                    "Glue job " + job + " should succeed every " + expectedMinutes + " minutes; no success for "
                            + (long) limitSeconds + " s, or none found at all (missing data is breaching).",
                    props.metrics().secondsSinceLastSuccess(), limitSeconds, GREATER_THAN_THRESHOLD,
                    TreatMissingData.BREACHING));
        }).findFirst();
    }

    public Alarm stuck() {
        return stuck;
    }

    public Optional<Alarm> missed() {
        return missed;
    }

    public record Props(MonitoredPipeline pipeline, PipelineMetricSet metrics, ResourceNames names,
                        AlarmFactory alarmFactory, double graceFactor) {
        public Props {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
        }
    }
}
