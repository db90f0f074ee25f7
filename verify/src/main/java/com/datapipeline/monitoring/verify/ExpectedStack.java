package com.datapipeline.monitoring.verify;

import com.datapipeline.monitoring.contract.MetricsSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a deployment of the app with one configuration must contain, taken from the same code that builds
 * the stack (see {@link StackExpectations}).
 *
 * @param topics     the alert topics: one, or the critical and the warning topic with {@code severityTopics}
 * @param alertEmail the configured {@code alertEmail}; the subscriptions to check are each topic's {@link Topic#emails}
 */
public record ExpectedStack(
        String stackName,
        List<Topic> topics,
        Optional<String> alertEmail,
        String responseFunctionName,
        String metricsFunctionName,
        String scheduleRuleName,
        String scheduleExpression,
        List<String> savedQueries,
        List<ExpectedAlarm> alarms,
        List<String> pipelines,
        MetricsSource metricsSource,
        String metricsNamespace,
        String pipelineDimension,
        List<String> customMetrics) {

    /**
     * An alert topic the stack creates.
     *
     * @param emails the addresses the stack subscribes to it by email
     * @param responseFunctionSubscribed whether AlarmResponseFunction reads this topic (the remediation topic)
     */
    public record Topic(String name, List<String> emails, boolean responseFunctionSubscribed) {
        public Topic {
            Objects.requireNonNull(name, "name");
            emails = List.copyOf(emails);
        }

        /** A topic the response function reads. */
        public Topic(String name, List<String> emails) {
            this(name, emails, true);
        }
    }

    public ExpectedStack {
        topics = List.copyOf(topics);
        savedQueries = List.copyOf(savedQueries);
        alarms = List.copyOf(alarms);
        pipelines = List.copyOf(pipelines);
        customMetrics = List.copyOf(customMetrics);
    }

    /** Lambda's log group of a function: where its stdout lines (e.g. the decision log) go. */
    public static String logGroupOf(String functionName) {
        return "/aws/lambda/" + functionName;
    }

    public String responseLogGroup() {
        return logGroupOf(responseFunctionName);
    }

    public String metricsLogGroup() {
        return logGroupOf(metricsFunctionName);
    }

    public List<String> alarmNames() {
        return alarms.stream().map(ExpectedAlarm::name).toList();
    }

    public List<String> topicNames() {
        return topics.stream().map(Topic::name).toList();
    }

    public Optional<ExpectedAlarm> alarm(String name) {
        return alarms.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
