package com.datapipeline.monitoring.cdk.alarms;

import com.datapipeline.monitoring.contract.GlueEvents;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.RuleTargetInput;

/**
 * What a Glue event becomes on the alert topic: a JSON message whose first field reads as a sentence in an
 * email, followed by the fields AlarmResponseFunction parses (source, detailType, jobName, jobRunId, state,
 * message, time).
 */
final class GlueEventMessage {
    private GlueEventMessage() {}

    static String jobName() {
        return EventField.fromPath("$.detail.jobName");
    }

    static String jobRunId() {
        return EventField.fromPath("$.detail.jobRunId");
    }

    static String state() {
        return EventField.fromPath("$.detail.state");
    }

    static RuleTargetInput of(String detailType, String notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("notice", notice);
        body.put("source", GlueEvents.SOURCE);
        body.put("detailType", detailType);
        body.put("jobName", jobName());
        body.put("jobRunId", jobRunId());
        body.put("state", state());
        body.put("message", EventField.fromPath("$.detail.message"));
        body.put("time", EventField.getTime());
        return RuleTargetInput.fromObject(body);
    }
}
