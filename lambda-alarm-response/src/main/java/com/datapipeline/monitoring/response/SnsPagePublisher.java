package com.datapipeline.monitoring.response;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Publishes pages with SNS. The configuration names a topic by its name (it travels as a file, without deploy-time
 * values); the ARNs come from {@code RESPONSE_PAGE_TOPIC_ARNS}, and a topic's name is the last part of its ARN.
 */
public final class SnsPagePublisher implements PagePublisher {

    private final SnsClient sns;
    private final Map<String, String> arnsByName;

    public SnsPagePublisher(SnsClient sns, Map<String, String> arnsByName) {
        this.sns = sns;
        this.arnsByName = Map.copyOf(arnsByName);
    }

    /** The topics of a comma-separated list of ARNs, by name; blank: none. */
    public static Map<String, String> topicsByName(String arns) {
        if (arns == null || arns.isBlank()) {
            return Map.of();
        }
        return Arrays.stream(arns.split(","))
                .map(String::strip)
                .filter(arn -> !arn.isEmpty())
                .collect(Collectors.toMap(arn -> arn.substring(arn.lastIndexOf(':') + 1), Function.identity()));
    }

    @Override
    public void publish(String topicName, PageMessage message) {
        String arn = arnsByName.get(topicName);
        if (arn == null) {
            throw new IllegalStateException("no ARN for page topic " + topicName + " in the function's environment");
        }
        sns.publish(request -> request.topicArn(arn)
                .subject(message.subject())
                .messageStructure("json")
                .message(message.snsMessage()));
    }
}
