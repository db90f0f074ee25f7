package com.datapipeline.monitoring.cdk.alarms;

import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.TreatMissingData.NOT_BREACHING;

import com.datapipeline.monitoring.cdk.alarms.AlarmFactory.AlarmSpec;
import com.datapipeline.monitoring.cdk.alerting.AlertDelivery;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * Alerts on a Glue job run that ends FAILED or TIMEOUT. A run that fails by exiting (the lab script's
 * {@code sys.exit(1)}) fails no Spark task, so numFailedTasks never sees it; the "Glue Job State Change"
 * event always does. The rule sends the event to AlarmResponseFunction (through the remediation topic), and an
 * alarm on the rule's TriggeredRules metric makes it a child of the pipeline's page: the event itself never
 * pages, so one failed run gives one page and one "resolved" message.
 */
public final class JobRunFailureAlerts extends Construct {
    public static final String ALARM = AlarmNames.RUN_FAILED;
    public static final List<String> FAILURE_STATES = List.of("FAILED", "TIMEOUT");
    /** The route key AlarmResponseFunction uses for these messages. */
    public static final String ROUTE_KEY_PREFIX = "glue-job-state:";

    private final Rule rule;
    private final Alarm alarm;

    public JobRunFailureAlerts(Construct scope, String id, Props props) {
        super(scope, id);
        String job = props.pipeline().jobName();
        rule = Rule.Builder.create(this, "Rule")
                .description("Glue job " + job + " run ended in " + String.join(" or ", FAILURE_STATES))
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.glue"))
                        .detailType(List.of("Glue Job State Change"))
                        .detail(new TreeMap<>(Map.of("jobName", List.of(job), "state", FAILURE_STATES)))
                        .build())
                .build();
        props.delivery().toTopic(rule, props.remediationTopic(), readableMessage(),
                props.names().perPipeline(AlarmNames.EVENT_DELIVERY_FAILED + "-RunFailed", props.pipeline()));

        alarm = props.alarmFactory().create(this, "Alarm", new AlarmSpec(ALARM,
                props.names().perPipeline(ALARM, props.pipeline()),
                "A run of Glue job " + job + " ended FAILED or TIMEOUT (from the Glue Job State Change event).",
                triggeredRules(rule), 1, GREATER_THAN_OR_EQUAL_TO_THRESHOLD, NOT_BREACHING));
    }

    /** How often a rule matched, per 5 minutes: makes an event into something an alarm can watch. */
    static Metric triggeredRules(Rule rule) {
        return Metric.Builder.create()
                .namespace("AWS/Events")
                .metricName("TriggeredRules")
                .dimensionsMap(Map.of("RuleName", rule.getRuleName()))
                .statistic("Sum")
                .period(PipelineMetricSet.PERIOD)
                .build();
    }

    private static RuleTargetInput readableMessage() {
        return GlueEventMessage.of("Glue Job State Change",
                "AWS Glue job " + GlueEventMessage.jobName() + " run " + GlueEventMessage.jobRunId() + " ended in state "
                        + GlueEventMessage.state() + ": " + EventField.fromPath("$.detail.message"),
                Map.of());
    }

    public Rule rule() {
        return rule;
    }

    public Alarm alarm() {
        return alarm;
    }

    /** What the failure alerts of one pipeline need. */
    public record Props(MonitoredPipeline pipeline, ITopic remediationTopic, AlertDelivery delivery, ResourceNames names,
                        AlarmFactory alarmFactory) {
        public Props {
            Objects.requireNonNull(pipeline, "pipeline");
            Objects.requireNonNull(remediationTopic, "remediationTopic");
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alarmFactory, "alarmFactory");
        }
    }
}
