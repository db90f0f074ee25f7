package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.catalog.StageMetrics;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.insights.EventHistory;
import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.constructs.Construct;

/**
 * The Data Quality and Step Functions events of one stack's pipelines, as {@link CrawlerEvents} does for crawlers:
 * one rule per event family for all of the stack's declared rulesets (every "Data Quality Evaluation Results
 * Available" of them) and state machines (their "Step Functions Execution Status Change" in FAILED, TIMED_OUT or
 * ABORTED), each into the event history, whose metric filters count the failures per stage for the pipelines'
 * signals. A stack without such stages gets no rule. Event names, sources and fields: docs/glue-events.md.
 */
public final class StageEvents {
    public static final String STEP_FUNCTIONS_SOURCE = "aws.states";
    public static final String EXECUTION_STATUS_CHANGE = "Step Functions Execution Status Change";
    /** The ExecutionStatus values of an execution that ended without succeeding. */
    public static final List<String> FAILED_STATUSES = List.of("FAILED", "TIMED_OUT", "ABORTED");

    private StageEvents() {}

    /** The rules of these pipelines' rulesets and state machines (none without them). */
    public static List<Rule> of(Construct scope, String id, GlueJobEvents.Props props) {
        List<Rule> rules = new ArrayList<>();
        List<String> rulesets = declared(props.pipelines(), PipelineStages.Kind.DATA_QUALITY_RULESET);
        if (!rulesets.isEmpty()) {
            rules.add(history(
                    scope,
                    id + "DataQuality",
                    "Keeps every Data Quality result of " + rulesets.size() + " rulesets of monitored pipelines",
                    EventPattern.builder()
                            .source(List.of(GlueEvents.DATA_QUALITY_SOURCE))
                            .detailType(List.of(GlueEvents.DATA_QUALITY_RESULTS))
                            .detail(Map.of("rulesetNames", rulesets))
                            .build(),
                    "-DataQualityEventHistory",
                    props));
        }
        List<String> stateMachines = declared(props.pipelines(), PipelineStages.Kind.STATE_MACHINE);
        if (!stateMachines.isEmpty()) {
            rules.add(history(
                    scope,
                    id + "StepFunctions",
                    "Keeps failed executions of " + stateMachines.size() + " state machines of monitored pipelines",
                    EventPattern.builder()
                            .source(List.of(STEP_FUNCTIONS_SOURCE))
                            .detailType(List.of(EXECUTION_STATUS_CHANGE))
                            .detail(Map.of(
                                    "status",
                                    FAILED_STATUSES,
                                    "stateMachineArn",
                                    stateMachines.stream()
                                            .map(StageMetrics::stateMachineArn)
                                            .toList()))
                            .build(),
                    "-StepFunctionsEventHistory",
                    props));
        }
        return rules;
    }

    /** The event history's counts of failed evaluations and executions, once per app when some pipeline needs them. */
    public static void count(EventHistory history, List<MonitoredPipeline> pipelines) {
        if (!declared(pipelines, PipelineStages.Kind.DATA_QUALITY_RULESET).isEmpty()) {
            // A failed evaluation, or one that failed a rule (a score below 1). The event names its rulesets in a
            // list; the series is the first one's, as an evaluation of a declared stage names one ruleset.
            history.countStageEvents(
                    "FailedDataQualityEvaluations",
                    "{ ($.detail.resultID = *) && (($.detail.state = \"FAILED\") || ($.detail.rulesFailed > 0)) }",
                    StageMetrics.FAILED_EVALUATIONS,
                    StageMetrics.RULESET_DIMENSION,
                    "$.detail.rulesetNames[0]");
        }
        if (!declared(pipelines, PipelineStages.Kind.STATE_MACHINE).isEmpty()) {
            history.countStageEvents(
                    "FailedExecutions",
                    "{ ($.detail.stateMachineArn = *) && (($.detail.status = \"FAILED\")"
                            + " || ($.detail.status = \"TIMED_OUT\") || ($.detail.status = \"ABORTED\")) }",
                    StageMetrics.FAILED_EXECUTIONS,
                    StageMetrics.STATE_MACHINE_DIMENSION,
                    "$.detail.stateMachineArn");
        }
    }

    /** The names of the stages of one kind the pipelines declare, each once, in the pipelines' order. */
    public static List<String> declared(List<MonitoredPipeline> pipelines, PipelineStages.Kind kind) {
        return pipelines.stream()
                .flatMap(p -> p.stages().named(kind).stream())
                .distinct()
                .toList();
    }

    private static Rule history(
            Construct scope,
            String id,
            String description,
            EventPattern pattern,
            String alarmSuffix,
            GlueJobEvents.Props props) {
        Rule rule = Rule.Builder.create(scope, id)
                .description(description)
                .eventPattern(pattern)
                .build();
        props.delivery()
                .toLogGroup(
                        rule,
                        props.historyLogGroupArn(),
                        props.deliveryAlarmNamePrefix() + alarmSuffix + props.nameSuffix());
        return rule;
    }
}
