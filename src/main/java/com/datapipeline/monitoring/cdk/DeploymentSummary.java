package com.datapipeline.monitoring.cdk;

import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.cdk.pipeline.SampleGlueJob;
import java.util.List;

/** The few lines `make synth` prints: what a deploy of this configuration would create. */
final class DeploymentSummary {
    private DeploymentSummary() {
    }

    static String of(MonitoringStack stack) {
        MonitoringSettings settings = stack.settings();
        ResourceNames names = new ResourceNames(settings.prefix());
        StringBuilder out = new StringBuilder();
        out.append("Stack ").append(stack.getStackName()).append(" would deploy:\n");
        if (settings.createsSampleJob()) {
            line(out, "Glue job", MonitoredPipeline.SAMPLE_JOB_NAME + " (Glue " + SampleGlueJob.GLUE_VERSION
                    + "), database " + names.glueDatabase());
        }
        line(out, "Monitored jobs", String.join(", ",
                settings.pipelines().stream().map(MonitoredPipeline::jobName).toList()));
        line(out, "SNS topic", names.shared(ResourceNames.ALERT_TOPIC) + " (KMS-encrypted, "
                + settings.alertEmail().map(email -> "email to " + email).orElse("no email subscription") + ")");
        List<String> alarms = stack.alarmNames();
        line(out, "Alarms", alarms.size() + ": " + String.join(", ", alarms));
        line(out, "Dashboard", names.shared(ResourceNames.DASHBOARD));
        line(out, "Functions", names.shared(ResourceNames.METRICS_FUNCTION) + " (" + settings.metricsSource().configName()
                + " metrics), " + names.shared(ResourceNames.RESPONSE_FUNCTION) + " (remediation "
                + (settings.remediation().enabled() ? "on" : "off") + ")");
        line(out, "Schedule", names.shared(ResourceNames.METRICS_SCHEDULE) + " (every 5 minutes)");
        line(out, "Saved queries", String.join(", ", List.of(
                names.savedQuery(ResourceNames.ERROR_QUERY),
                names.savedQuery(ResourceNames.PERFORMANCE_QUERY),
                names.savedQuery(ResourceNames.RESPONSE_AUDIT_QUERY))));
        out.append(stack.costEstimate().table());
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-15s %s%n", label, value));
    }
}
