package com.datapipeline.monitoring.response;

import static com.datapipeline.monitoring.contract.ResponseConfiguration.SOURCE_TOPICS_VARIABLE;

import com.datapipeline.monitoring.contract.ResponseConfiguration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where notifications may come from: the SNS topics the CDK app subscribed the function to, and for an alarm
 * notification an alarm of the same region and account as its topic. Anything else is ignored, because any
 * principal the topic policy lets publish could otherwise make the function start jobs.
 *
 * @param topicArns the allowed topic ARNs, exactly as SNS writes them in a record's {@code TopicArn}
 */
public record SourceTopics(Set<String> topicArns) {

    public SourceTopics {
        topicArns = Set.copyOf(topicArns);
    }

    /**
     * Reads {@link ResponseConfiguration#SOURCE_TOPICS_VARIABLE}.
     *
     * @throws IllegalArgumentException naming the entry that is not an SNS topic ARN, or if there is none
     */
    public static SourceTopics parse(String commaSeparated) {
        Set<String> arns = new LinkedHashSet<>();
        for (String entry : (commaSeparated == null ? "" : commaSeparated).split(",")) {
            String arn = entry.strip();
            if (arn.isEmpty()) {
                continue;
            }
            if (!Arn.parse(arn).map(parsed -> parsed.service().equals("sns")).orElse(false)) {
                throw new IllegalArgumentException(SOURCE_TOPICS_VARIABLE + " entry '" + arn
                        + "' is not an SNS topic ARN (arn:aws:sns:REGION:ACCOUNT:NAME)");
            }
            arns.add(arn);
        }
        if (arns.isEmpty()) {
            throw new IllegalArgumentException(
                    SOURCE_TOPICS_VARIABLE + " names no topic; expected comma-separated SNS topic ARNs");
        }
        return new SourceTopics(arns);
    }

    /** Why a record from {@code topicArn} is foreign, or empty if the topic is one of ours. */
    Optional<String> foreignTopic(String topicArn) {
        if (topicArn != null && topicArns.contains(topicArn)) {
            return Optional.empty();
        }
        return Optional.of("topic " + topicArn + " is not in " + SOURCE_TOPICS_VARIABLE + "; message not read");
    }

    /**
     * Why an alarm notification with {@code alarmArn} that came from the allowed {@code topicArn} is foreign, or
     * empty. A missing AlarmArn counts as foreign: CloudWatch always writes it.
     */
    static Optional<String> foreignAlarm(String topicArn, String alarmArn) {
        Optional<Arn> alarm = Arn.parse(alarmArn)
                .filter(arn ->
                        arn.service().equals("cloudwatch") && arn.resource().startsWith("alarm:"));
        if (alarm.isEmpty()) {
            return Optional.of("AlarmArn '" + alarmArn + "' is not a CloudWatch alarm ARN");
        }
        Arn topic = Arn.parse(topicArn).orElseThrow();
        if (alarm.get().sameRegionAndAccount(topic)) {
            return Optional.empty();
        }
        return Optional.of("alarm " + alarmArn + " is not in the region and account of topic " + topicArn);
    }
}
