package com.datapipeline.monitoring.cdk.insights;

import com.datapipeline.monitoring.cdk.alerting.AlertDelivery;
import com.datapipeline.monitoring.cdk.catalog.StageMetrics;
import com.datapipeline.monitoring.cdk.checks.TemplateCheckExceptions;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.CfnInsightRule;
import software.amazon.awscdk.services.cloudwatch.Unit;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.ResourcePolicy;
import software.constructs.Construct;

/**
 * The history of the monitored jobs: every Glue job state change and run-status event ({@code GlueJobEvents} of each
 * stack sends them here), and, with the {@code eventHistory} switch, every state change of this stack's alarms, kept
 * as JSON in one log group that the dashboard shows. Its metric filters count failed and stuck runs per pipeline, the
 * signals of the run-failed and stuck-run alarms, so it is always there. Optionally a Contributor Insights rule over
 * it ranks the jobs and messages of failed runs: Glue's own job logs are plain text, which Contributor Insights cannot
 * read, but these events are JSON.
 */
public final class EventHistory extends Construct {
    public static final String LOG_GROUP_PREFIX = "/aws/events/";
    public static final String CONTRIBUTOR_RULE = "TopGlueJobFailures";

    private final LogGroup logGroup;
    private final String logGroupArn;
    private final Optional<CfnInsightRule> topFailures;

    public EventHistory(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        // EventBridge writes only to log groups whose names start with /aws/events/.
        logGroup = LogGroup.Builder.create(this, "Logs")
                .logGroupName(LOG_GROUP_PREFIX + props.name())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        ((CfnLogGroup) logGroup.getNode().getDefaultChild()).setRetentionInDays(props.logRetentionDays());
        TemplateCheckExceptions.checkov(
                logGroup,
                "CKV_AWS_158",
                "State-change events hold job names, states and"
                        + " messages, no sensitive data; CloudWatch Logs encrypts them at rest by default.");

        logGroupArn = stack.formatArn(ArnComponents.builder()
                .service("logs")
                .resource("log-group")
                .resourceName(LOG_GROUP_PREFIX + props.name())
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME)
                .build());
        if (props.keepAlarmStateChanges()) {
            Rule alarmEvents = Rule.Builder.create(this, "AlarmEvents")
                    .description("Keeps the state changes of this stack's alarms for the dashboard")
                    .eventPattern(EventPattern.builder()
                            .source(List.of("aws.cloudwatch"))
                            .detailType(List.of("CloudWatch Alarm State Change"))
                            .detail(Map.of(
                                    "alarmName",
                                    props.alarmNamePrefixes().stream()
                                            .map(prefix -> (Object) Map.of("prefix", prefix))
                                            .toList()))
                            .build())
                    .build();
            props.delivery()
                    .toLogGroup(alarmEvents, logGroupArn, props.deliveryAlarmNamePrefix() + "-AlarmEventHistory");
        }
        countPerPipeline(
                "FailedRuns",
                CustomMetric.FAILED_RUNS,
                GlueEvents.JOB_FAILURE_STATES.stream()
                        .map(state -> "($.detail.state = \"" + state + "\")")
                        .collect(java.util.stream.Collectors.joining(" || ", "{ ", " }")));
        // Only "Glue Job Run Status" events carry the notify-delay they passed.
        countPerPipeline(
                "StuckRuns", CustomMetric.STUCK_RUNS, "{ $.detail.notificationCondition.NotifyDelayAfter > 0 }");
        // EventBridge delivers to CloudWatch Logs under a log resource policy, not an IAM role.
        ResourcePolicy.Builder.create(this, "EventBridgeMayWrite")
                .resourcePolicyName(props.name() + "-events-to-logs")
                .policyStatements(List.of(PolicyStatement.Builder.create()
                        .principals(List.of(
                                new ServicePrincipal("events.amazonaws.com"),
                                new ServicePrincipal("delivery.logs.amazonaws.com")))
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                        .resources(List.of(logGroup.getLogGroupArn()))
                        .build()))
                .build();

        topFailures = props.contributorInsights() ? Optional.of(topFailuresRule(props)) : Optional.empty();
        topFailures.ifPresent(rule -> rule.getNode().addDependency(logGroup));
    }

    /**
     * Counts failed crawls per crawler (FailedCrawls, dimension Crawler), for stacks whose pipelines declare crawlers:
     * the "Glue Crawler State Change" event names the crawler, not the pipeline. Filter patterns are case-sensitive,
     * so the crawler's "Failed" never counts as a job's "FAILED", nor the other way round.
     */
    public void countFailedCrawls() {
        MetricFilter.Builder.create(this, "FailedCrawls")
                .logGroup(logGroup)
                .filterPattern(FilterPattern.literal(
                        "{ ($.detail.crawlerName = *) && ($.detail.state = \"" + GlueEvents.CRAWLER_FAILED + "\") }"))
                .metricNamespace(CustomMetric.NAMESPACE)
                .metricName(StageMetrics.FAILED_CRAWLS)
                .metricValue("1")
                .dimensions(Map.of(StageMetrics.CRAWLER_DIMENSION, "$.detail.crawlerName"))
                .unit(Unit.COUNT)
                .build();
    }

    /**
     * One data point of 1 per event that matches {@code pattern}, in the series of the stage its field names
     * ({@code dimension} = the value at {@code path}): a stage's failures, for the pipelines' stage signals.
     */
    public void countStageEvents(String id, String pattern, String metricName, String dimension, String path) {
        MetricFilter.Builder.create(this, id)
                .logGroup(logGroup)
                .filterPattern(FilterPattern.literal(pattern))
                .metricNamespace(CustomMetric.NAMESPACE)
                .metricName(metricName)
                .metricValue("1")
                .dimensions(Map.of(dimension, path))
                .unit(Unit.COUNT)
                .build();
    }

    /**
     * Counts the failed and timed-out runs of all the stack's pipelines in one series without a dimension (FailedRuns),
     * for the guard that compares them with the pages the response function accounted for (UnpagedRunFailuresAlarm):
     * an alarm's metric math cannot add up the per-pipeline series (SEARCH is not allowed in an alarm), and 10 metrics
     * per alarm would not cover 500 pipelines. Only Glue's own job events: a crawler's "Failed" differs in case, and a
     * Data Quality result (source aws.glue-dataquality) with state FAILED is not a run.
     */
    public void countAllFailedRuns() {
        MetricFilter.Builder.create(this, "FailedRunsTotal")
                .logGroup(logGroup)
                .filterPattern(FilterPattern.literal("{ ($.source = \"aws.glue\") && (($.detail.state = \"FAILED\")"
                        + " || ($.detail.state = \"TIMEOUT\")) }"))
                .metricNamespace(CustomMetric.NAMESPACE)
                .metricName(CustomMetric.FAILED_RUNS.metricName())
                .metricValue("1")
                .unit(Unit.COUNT)
                .build();
    }

    /** One data point of 1 per matching event, in the pipeline's own series (dimension Pipeline = the job). */
    private void countPerPipeline(String id, CustomMetric metric, String pattern) {
        MetricFilter.Builder.create(this, id)
                .logGroup(logGroup)
                .filterPattern(FilterPattern.literal(pattern))
                .metricNamespace(CustomMetric.NAMESPACE)
                .metricName(metric.metricName())
                .metricValue("1")
                .dimensions(Map.of(CustomMetric.PIPELINE_DIMENSION, "$.detail.jobName"))
                .unit(Unit.COUNT)
                .build();
    }

    private CfnInsightRule topFailuresRule(Props props) {
        Map<String, Object> contribution = new LinkedHashMap<>();
        contribution.put("Keys", List.of("$.detail.jobName", "$.detail.message"));
        contribution.put(
                "Filters",
                List.of(
                        filter("$.detail-type", List.of(GlueEvents.JOB_STATE_CHANGE)),
                        // ERROR: a trigger or workflow tried to run a deleted job.
                        filter(
                                "$.detail.state",
                                java.util.stream.Stream.concat(
                                                GlueEvents.JOB_FAILURE_STATES.stream(),
                                                java.util.stream.Stream.of("ERROR"))
                                        .toList())));
        Map<String, Object> body = new LinkedHashMap<>();
        // Ordered maps throughout: the body is a string, so a different key order would update the rule.
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("Name", "CloudWatchLogRule");
        schema.put("Version", 1);
        body.put("Schema", schema);
        // The literal name, not the log group's Ref: the rule body must stay a plain JSON string.
        body.put("LogGroupNames", List.of(LOG_GROUP_PREFIX + props.name()));
        body.put("LogFormat", "JSON");
        body.put("Contribution", contribution);
        body.put("AggregateOn", "Count");
        return CfnInsightRule.Builder.create(this, "TopFailures")
                .ruleName(props.contributorRuleName())
                .ruleState("ENABLED")
                .ruleBody(Stack.of(this).toJsonString(body))
                .build();
    }

    private static Map<String, Object> filter(String match, List<String> in) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("Match", match);
        filter.put("In", in);
        return filter;
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    /** The log group's ARN from its literal name: nested stacks' rules use it without a cross-stack reference. */
    public String logGroupArn() {
        return logGroupArn;
    }

    public Optional<CfnInsightRule> topFailures() {
        return topFailures;
    }

    /**
     * @param alarmNamePrefixes prefixes that together match this stack's alarm names (a list of every
     *                          name could outgrow an event pattern with many pipelines)
     * @param keepAlarmStateChanges   also keep this stack's alarm state changes (the eventHistory switch)
     * @param deliveryAlarmNamePrefix the start of the names of the alarms on the rules' failed deliveries
     */
    public record Props(
            String name,
            List<String> alarmNamePrefixes,
            boolean keepAlarmStateChanges,
            int logRetentionDays,
            boolean contributorInsights,
            String contributorRuleName,
            AlertDelivery delivery,
            String deliveryAlarmNamePrefix) {
        public Props {
            Objects.requireNonNull(delivery, "delivery");
            Objects.requireNonNull(deliveryAlarmNamePrefix, "deliveryAlarmNamePrefix");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(contributorRuleName, "contributorRuleName");
            alarmNamePrefixes = List.copyOf(alarmNamePrefixes);
        }
    }
}
