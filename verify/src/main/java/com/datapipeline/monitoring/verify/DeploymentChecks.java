package com.datapipeline.monitoring.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.CompositeAlarm;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeQueryDefinitionsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryDefinition;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.sns.model.Topic;

/**
 * The static half of the check: every resource a person would look at in the console after the lab's
 * "Validation Steps" exists and is wired as the app declares it. Read-only.
 */
public final class DeploymentChecks {
    static final String PENDING = "PendingConfirmation";

    private final AwsClients aws;

    public DeploymentChecks(AwsClients aws) {
        this.aws = aws;
    }

    /** The deployed ARN of each topic found, by name (one ListTopics pass); a topic not found is absent. */
    public Map<String, String> topicArns(List<String> topicNames) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Topic topic : aws.sns().listTopicsPaginator().topics()) {
            for (String name : topicNames) {
                if (topic.topicArn().endsWith(":" + name)) {
                    found.put(name, topic.topicArn());
                }
            }
        }
        return found;
    }

    /**
     * Each expected alarm against the deployed one of that name. DescribeAlarms returns composite alarms only when
     * asked for both alarm types, so the request names them.
     */
    public List<CheckResult> alarms(ExpectedStack expected, Map<String, String> topicArns) {
        Map<String, MetricAlarm> metricAlarms = new HashMap<>();
        Map<String, CompositeAlarm> compositeAlarms = new HashMap<>();
        CloudWatchClient cloudWatch = aws.cloudWatch();
        List<String> names = expected.alarmNames();
        // DescribeAlarms takes at most 100 names per call.
        for (int from = 0; from < names.size(); from += 100) {
            List<String> batch = names.subList(from, Math.min(names.size(), from + 100));
            for (DescribeAlarmsResponse page : cloudWatch.describeAlarmsPaginator(
                    r -> r.alarmNames(batch).alarmTypes(AlarmType.COMPOSITE_ALARM, AlarmType.METRIC_ALARM))) {
                page.metricAlarms().forEach(alarm -> metricAlarms.put(alarm.alarmName(), alarm));
                page.compositeAlarms().forEach(alarm -> compositeAlarms.put(alarm.alarmName(), alarm));
            }
        }
        List<CheckResult> results = new ArrayList<>();
        for (ExpectedAlarm alarm : expected.alarms()) {
            String check = "alarm " + alarm.name();
            MetricAlarm metric = metricAlarms.get(alarm.name());
            CompositeAlarm composite = compositeAlarms.get(alarm.name());
            if (metric == null && composite == null) {
                results.add(CheckResult.fail(check, "not found (expected " + AlarmComparison.describe(alarm) + ")"));
                continue;
            }
            List<String> differences = metric != null
                    ? AlarmComparison.differences(alarm, metric, topicArns)
                    : AlarmComparison.differences(alarm, composite, topicArns);
            String state = metric != null ? metric.stateValueAsString() : composite.stateValueAsString();
            results.add(
                    differences.isEmpty()
                            ? CheckResult.pass(
                                    check,
                                    AlarmComparison.describe(alarm) + ", "
                                            + alarm.actionTopic()
                                                    .map(topic -> "notifies " + topic)
                                                    .orElse("no actions of its own (its composite notifies)")
                                            + " (state " + state + ")")
                            : CheckResult.fail(check, String.join("; ", differences)));
        }
        return results;
    }

    /**
     * Every topic exists, AlarmResponseFunction is subscribed to the one it reads (the remediation topic), and each
     * has the email subscriptions the stack declares for it. With more than one topic, the subscription checks name
     * their topic.
     */
    public List<CheckResult> topics(ExpectedStack expected, Map<String, String> topicArns) {
        List<CheckResult> results = new ArrayList<>();
        boolean several = expected.topics().size() > 1;
        for (ExpectedStack.Topic topic : expected.topics()) {
            String check = "topic " + topic.name();
            String lambdaCheck = onTopic("subscription lambda " + expected.responseFunctionName(), topic, several);
            String topicArn = topicArns.get(topic.name());
            if (topicArn == null) {
                results.add(CheckResult.fail(check, "not found"));
                if (topic.responseFunctionSubscribed()) {
                    results.add(CheckResult.fail(lambdaCheck, "the topic does not exist"));
                }
                topic.emails()
                        .forEach(email -> results.add(CheckResult.fail(
                                onTopic("subscription email " + email, topic, several), "the topic does not exist")));
                continue;
            }
            List<Subscription> subscriptions = new ArrayList<>();
            aws.sns()
                    .listSubscriptionsByTopicPaginator(r -> r.topicArn(topicArn))
                    .subscriptions()
                    .forEach(subscriptions::add);
            results.add(CheckResult.pass(check, topicArn + " (" + subscriptions.size() + " subscriptions)"));
            for (String email : topic.emails()) {
                results.add(emailSubscription(
                        onTopic("subscription email " + email, topic, several), email, subscriptions));
            }
            if (!topic.responseFunctionSubscribed()) {
                continue;
            }
            results.add(subscriptions.stream()
                    .filter(s -> "lambda".equals(s.protocol())
                            && functionName(s.endpoint()).equals(expected.responseFunctionName()))
                    .findFirst()
                    .map(s -> CheckResult.pass(lambdaCheck, s.endpoint()))
                    .orElseGet(() -> CheckResult.fail(
                            lambdaCheck,
                            "the topic has no lambda subscription for " + expected.responseFunctionName())));
        }
        if (expected.topics().stream().allMatch(topic -> topic.emails().isEmpty())) {
            results.add(CheckResult.skip("subscription email", "no alertEmail configured"));
        }
        return results;
    }

    private static String onTopic(String check, ExpectedStack.Topic topic, boolean several) {
        return several ? check + " on " + topic.name() : check;
    }

    private static CheckResult emailSubscription(String check, String email, List<Subscription> subscriptions) {
        return subscriptions.stream()
                .filter(s -> "email".equals(s.protocol()) && email.equalsIgnoreCase(s.endpoint()))
                .findFirst()
                .map(s -> PENDING.equals(s.subscriptionArn())
                        ? CheckResult.pass(check, "pending confirmation: confirm the email AWS sent to " + email)
                        : CheckResult.pass(check, "confirmed"))
                .orElseGet(() -> CheckResult.fail(check, "the topic has no email subscription for " + email));
    }

    public CheckResult schedule(ExpectedStack expected) {
        String check = "schedule " + expected.scheduleRuleName();
        DescribeRuleResponse rule;
        try {
            rule = aws.eventBridge().describeRule(r -> r.name(expected.scheduleRuleName()));
        } catch (software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException e) {
            return CheckResult.fail(check, "not found");
        }
        List<String> problems = new ArrayList<>();
        if (!"ENABLED".equals(rule.stateAsString())) {
            problems.add("state is " + rule.stateAsString());
        }
        if (!expected.scheduleExpression().equals(rule.scheduleExpression())) {
            problems.add("schedule is " + rule.scheduleExpression() + ", expected " + expected.scheduleExpression());
        }
        List<Target> targets = aws.eventBridge()
                .listTargetsByRule(r -> r.rule(expected.scheduleRuleName()))
                .targets();
        if (targets.stream().noneMatch(t -> functionName(t.arn()).equals(expected.metricsFunctionName()))) {
            problems.add("does not target " + expected.metricsFunctionName() + " (targets "
                    + targets.stream().map(Target::arn).toList() + ")");
        }
        return problems.isEmpty()
                ? CheckResult.pass(check, rule.scheduleExpression() + " → " + expected.metricsFunctionName())
                : CheckResult.fail(check, String.join("; ", problems));
    }

    public List<CheckResult> savedQueries(ExpectedStack expected) {
        CloudWatchLogsClient logs = aws.logs();
        List<CheckResult> results = new ArrayList<>();
        for (String name : expected.savedQueries()) {
            String check = "saved query " + name;
            boolean found = false;
            String token = null;
            do {
                String page = token;
                DescribeQueryDefinitionsResponse response = logs.describeQueryDefinitions(
                        r -> r.queryDefinitionNamePrefix(name).nextToken(page));
                found = response.queryDefinitions().stream()
                        .map(QueryDefinition::name)
                        .anyMatch(name::equals);
                token = response.nextToken();
            } while (!found && token != null);
            results.add(found ? CheckResult.pass(check, "exists") : CheckResult.fail(check, "not found"));
        }
        return results;
    }

    /** The function name in a Lambda ARN ({@code arn:aws:lambda:r:a:function:NAME[:qualifier]}), or "". */
    static String functionName(String arn) {
        if (arn == null) {
            return "";
        }
        String[] parts = arn.split(":");
        for (int i = 0; i < parts.length - 1; i++) {
            if ("function".equals(parts[i]) && parts[0].equals("arn")) {
                return parts[i + 1];
            }
        }
        return "";
    }

    /** One line for a call AWS refused: the check failed, and why. */
    static CheckResult unreadable(String check, AwsServiceException e) {
        return CheckResult.fail(check, "could not read: " + refusal(e));
    }

    /** AWS's error code and message, or the HTTP status when the answer had none (e.g. an unknown operation). */
    static String refusal(AwsServiceException e) {
        var details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        if (code == null && message == null) {
            return "HTTP " + e.statusCode() + " without an error code (does this endpoint support the call?)";
        }
        return (code == null ? "HTTP " + e.statusCode() : code) + (message == null ? "" : " " + message);
    }
}
