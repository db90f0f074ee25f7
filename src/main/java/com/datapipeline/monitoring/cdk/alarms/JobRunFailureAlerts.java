package com.datapipeline.monitoring.cdk.alarms;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.TreatMissingData.NOT_BREACHING;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.AlarmSpec;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.constructs.Construct;

/**
 * The alarm on a Glue job run that ends FAILED or TIMEOUT. A run that fails by exiting (the lab script's
 * {@code sys.exit(1)}) fails no Spark task, so numFailedTasks never sees it; the "Glue Job State Change" event always
 * does. {@link GlueJobEvents} keeps those events in the event history, whose metric filter counts them per pipeline
 * (FailedRuns), and this alarm on that count is a child of the pipeline's page: the event itself never pages, so one
 * failed run gives one page and one "resolved" message.
 */
public final class JobRunFailureAlerts extends Construct {
    public static final String ALARM = AlarmNames.RUN_FAILED;
    public static final List<String> FAILURE_STATES = List.of("FAILED", "TIMEOUT");

    private final Alarm alarm;

    public JobRunFailureAlerts(Construct scope, String id, Props props) {
        super(scope, id);
        alarm = props.alarmFactory().create(this, "Alarm", new AlarmSpec(ALARM,
                props.names().perPipeline(ALARM, props.pipeline()),
                "A run of Glue job " + props.pipeline().jobName() + " ended FAILED or TIMEOUT (the Glue Job State Change"
                        + " event, counted as FailedRuns from the event history).",
                props.metrics().failedRuns(), 1, GREATER_THAN_OR_EQUAL_TO_THRESHOLD, NOT_BREACHING));
    }

    public Alarm alarm() {
        return alarm;
    }

    /** What the failure alarm of one pipeline needs. */
    public record Props(MonitoredPipeline pipeline, PipelineMetricSet metrics, ResourceNames names,
                        AlarmFactory alarmFactory) {
        public Props {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
        }
    }
}
