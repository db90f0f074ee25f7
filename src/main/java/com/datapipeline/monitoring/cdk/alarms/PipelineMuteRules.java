package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.cdk.alerting.AlarmFactory.CreatedAlarm;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Role;
import com.datapipeline.monitoring.cdk.config.MuteWindow;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.CfnAlarmMuteRule;
import software.constructs.Construct;

/**
 * A pipeline's mute windows: one {@code AWS::CloudWatch::AlarmMuteRule} per window over the pipeline's pages. A mute
 * rule mutes only the actions of the alarms it names; they still evaluate and record their state. Only pages are
 * named: the signals keep reaching the response function (its guard rails and {@code remediation=false} decide what it
 * does), and the alert path's health alarms are never named, so a broken alert path still pages during a window.
 */
public final class PipelineMuteRules {
    private final List<CfnAlarmMuteRule> rules = new ArrayList<>();

    public PipelineMuteRules(Construct scope, String job, List<MuteWindow> windows, List<CreatedAlarm> pages) {
        if (pages.stream().anyMatch(page -> page.kind().role() != Role.PIPELINE_PAGE)) {
            throw new IllegalArgumentException("a mute window mutes only a pipeline's pages");
        }
        if (windows.isEmpty() || pages.isEmpty()) {
            return;
        }
        Construct muted = new Construct(scope, "MuteWindows");
        for (int i = 0; i < windows.size(); i++) {
            MuteWindow window = windows.get(i);
            CfnAlarmMuteRule rule = CfnAlarmMuteRule.Builder.create(muted, "Window" + (i + 1))
                    .description("Planned quiet time of pipeline " + job + ": its pages send nothing during "
                            + window.text() + "; its alarms still record their state.")
                    .rule(CfnAlarmMuteRule.RuleProperty.builder()
                            .schedule(CfnAlarmMuteRule.ScheduleProperty.builder()
                                    .expression(window.schedule())
                                    .duration(window.duration())
                                    .timezone(window.timeZone())
                                    .build())
                            .build())
                    .muteTargets(CfnAlarmMuteRule.MuteTargetsProperty.builder()
                            .alarmNames(pages.stream().map(CreatedAlarm::name).toList())
                            .build())
                    .build();
            // The alarms a mute rule names must exist when it is created.
            pages.forEach(page -> rule.getNode().addDependency(page.alarm()));
            rules.add(rule);
        }
    }

    /** The mute rules made, one per window. */
    public List<CfnAlarmMuteRule> rules() {
        return List.copyOf(rules);
    }
}
