package com.datapipeline.monitoring.cdk.dashboard;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.FreshnessObjective;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.config.PipelineStages.Stage;
import com.datapipeline.monitoring.cdk.naming.NumberText;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.HorizontalAnnotation;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.YAxisProps;
import software.constructs.Construct;

/**
 * The whole-pipeline part of a pipeline's dashboard row, for a pipeline that declares stages or an output: its stages
 * in the order they run, each with the signals that watch it (their states in an alarm status widget, in the same
 * order, the output's freshness last), and the output's error budget over the objective's window. A job-only pipeline
 * gets none of it, so its dashboard does not change.
 */
final class StageView {
    static final String STAGES = "Stages in order";
    static final String BUDGET = "Output freshness: error budget";
    private static final int FULL_WIDTH = 24;
    private static final int HEIGHT = 6;

    private StageView() {}

    static List<IWidget> widgets(Construct scope, PipelineDashboard.PipelineRow row, ResourceNames names) {
        PipelineStages stages = row.pipeline().stages();
        if (!stages.declared()) {
            return List.of();
        }
        StringBuilder text = new StringBuilder("### " + names.widgetTitle(STAGES, row.pipeline()) + "\n");
        Set<CreatedAlarm> ordered = new LinkedHashSet<>();
        int number = 1;
        for (Stage stage : stages.order()) {
            List<CreatedAlarm> watching =
                    row.signals().stream().filter(signalsOf(stage.kind())).toList();
            ordered.addAll(watching);
            text.append(number++)
                    .append(". ")
                    .append(stage.kind().key())
                    .append(" `")
                    .append(stage.name())
                    .append("`: ")
                    .append(
                            watching.isEmpty()
                                    ? "no signal of its own yet (the output's freshness covers it)"
                                    : String.join(
                                            ", ",
                                            watching.stream()
                                                    .map(CreatedAlarm::name)
                                                    .toList()))
                    .append("\n");
        }
        List<CreatedAlarm> output = row.signals().stream()
                .filter(signal -> signal.kind() == AlarmKind.OUTPUT_STALE)
                .toList();
        ordered.addAll(output);
        if (stages.output().isPresent()) {
            text.append(number)
                    .append(". output ")
                    .append(describe(stages.output().get().location()))
                    .append(
                            output.isEmpty()
                                    ? ": OutputAgeSeconds only (no freshWithinMinutes)"
                                    : ": " + output.getFirst().name())
                    .append("\n");
        }
        List<IWidget> widgets = new ArrayList<>();
        widgets.add(TextWidget.Builder.create()
                .markdown(text.toString())
                .width(FULL_WIDTH / 2)
                .height(HEIGHT)
                .build());
        if (!ordered.isEmpty()) {
            List<IAlarm> alarms = ordered.stream()
                    .map(signal -> Alarm.fromAlarmName(scope, "Stage-" + signal.name(), signal.name()))
                    .toList();
            widgets.add(AlarmStatusWidget.Builder.create()
                    .title(names.widgetTitle(STAGES, row.pipeline()) + ": state")
                    .alarms(alarms)
                    .width(FULL_WIDTH / 2)
                    .height(HEIGHT)
                    .build());
        }
        FreshnessObjective.of(row.pipeline())
                .ifPresent(objective -> widgets.add(GraphWidget.Builder.create()
                        .title(names.widgetTitle(BUDGET, row.pipeline()))
                        .start("-P" + FreshnessObjective.WINDOW_DAYS + "D")
                        .left(List.of(
                                objective.budgetRemainingPercent(row.metrics().outputAgeSeconds())))
                        .leftAnnotations(List.of(HorizontalAnnotation.builder()
                                .value(0)
                                .label("objective " + NumberText.plain(objective.objectivePercent()) + " % missed")
                                .build()))
                        .leftYAxis(YAxisProps.builder()
                                .label("% of budget left")
                                .showUnits(false)
                                .max(100)
                                .build())
                        .width(FULL_WIDTH)
                        .height(HEIGHT)
                        .build()));
        return widgets;
    }

    /**
     * The signals that watch one kind of stage: a stage kind's own alarms ({@link AlarmKind#stage()}); for the job, the
     * job's run signals; for a Data Quality ruleset, its evaluation events' and the score's alarms.
     */
    private static Predicate<CreatedAlarm> signalsOf(PipelineStages.Kind stage) {
        return signal -> switch (stage) {
            case JOB ->
                Set.of(AlarmKind.RUN_FAILED, AlarmKind.STUCK_RUN, AlarmKind.STUCK_RUN_BY_AGE, AlarmKind.MISSED_RUN)
                        .contains(signal.kind());
            case DATA_QUALITY_RULESET ->
                signal.kind().stage().filter(stage::equals).isPresent()
                        || signal.kind() == AlarmKind.DATA_QUALITY
                        || signal.kind() == AlarmKind.DATA_QUALITY_ANOMALY;
            default -> signal.kind().stage().filter(stage::equals).isPresent();
        };
    }

    private static String describe(PipelineStages.Location location) {
        return switch (location) {
            case PipelineStages.GlueTable table -> "Glue table `" + table.database() + "." + table.table() + "`";
            case PipelineStages.S3Prefix prefix -> "`s3://" + prefix.bucket() + "/" + prefix.prefix() + "`";
        };
    }
}
