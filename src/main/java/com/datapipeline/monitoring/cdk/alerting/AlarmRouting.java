package com.datapipeline.monitoring.cdk.alerting;

import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.naming.AlarmNames;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * Where each alarm sends its notifications: the critical or the warning topic by the alarm's configured
 * severity (one topic for both when severity topics are off), or nowhere for the children of a
 * "pipeline unhealthy" composite whose own actions are switched off.
 */
public final class AlarmRouting {
    /** The composite's children: the alarms that each mean "this pipeline is producing bad or no data". */
    public static final List<String> COMPOSITE_CHILDREN =
            List.of(AlarmNames.FAILED_TASKS, AlarmNames.RUN_FAILED, AlarmNames.DATA_QUALITY, AlarmNames.ERROR_RATE);

    private final Map<String, String> baseNameByAlarmName = new HashMap<>();
    private final Set<String> warningAlarms;
    private final boolean silenceCompositeChildren;
    private final ITopic critical;
    private final ITopic warning;

    public AlarmRouting(MonitoringSettings settings, ResourceNames names, ITopic critical, ITopic warning) {
        this.critical = Objects.requireNonNull(critical, "critical");
        this.warning = Objects.requireNonNull(warning, "warning");
        this.warningAlarms = settings.switches().warningAlarms();
        this.silenceCompositeChildren = settings.switches().pipelineUnhealthyAlarm() && !settings.switches().childAlarmActions();
        for (String base : AlarmNames.ALL) {
            baseNameByAlarmName.put(names.shared(base), base);
            for (MonitoredPipeline pipeline : settings.pipelines()) {
                baseNameByAlarmName.put(names.perPipeline(base, pipeline), base);
                baseNameByAlarmName.put(names.perPipeline(base + AlarmNames.ANOMALY_SUFFIX, pipeline), base);
            }
        }
    }

    /** The topic an alarm notifies, or empty for none. */
    public Optional<ITopic> topicFor(String alarmName) {
        String base = baseNameByAlarmName.get(alarmName);
        if (base == null) {
            throw new IllegalArgumentException("alarm " + alarmName + " has no known base name in AlarmNames");
        }
        if (silenceCompositeChildren && COMPOSITE_CHILDREN.contains(base)) {
            return Optional.empty();
        }
        return Optional.of(warningAlarms.contains(base) ? warning : critical);
    }
}
