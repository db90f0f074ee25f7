package com.datapipeline.monitoring.verify;

import com.datapipeline.monitoring.cdk.SynthesizedApp;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.contract.CustomMetric;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;
import software.amazon.awscdk.services.lambda.Code;

/**
 * Builds the stack in memory with the app's own code ({@link SynthesizedApp}) for a configuration, and
 * reads from its synthesized template what a deployment must contain. The Lambda code is a placeholder
 * (CloudFormation parameters): only names, metrics and thresholds matter here, so no jar is needed.
 * Topic and alarm names come from the template's own {@code TopicName}/{@code AlarmName}; an alarm's expected
 * topic is the one its actions {@code Ref}, so severity routing and silent composite children need no rules here.
 */
public final class StackExpectations {
    private static final String ALARM = "AWS::CloudWatch::Alarm";
    private static final String COMPOSITE_ALARM = "AWS::CloudWatch::CompositeAlarm";
    private static final String TOPIC = "AWS::SNS::Topic";
    private static final String SUBSCRIPTION = "AWS::SNS::Subscription";
    private static final String RULE = "AWS::Events::Rule";
    private static final String QUERY = "AWS::Logs::QueryDefinition";

    private StackExpectations() {}

    /** @param context CDK context as the app would get it (cdk.json merged with {@code -c key=value}) */
    public static ExpectedStack synthesize(Map<String, Object> context, Path projectRoot) {
        LambdaArtifacts placeholder = new LambdaArtifacts(Code.fromCfnParameters(), Code.fromCfnParameters());
        SynthesizedApp app = SynthesizedApp.synthesize(context, placeholder, projectRoot);
        return fromTemplate(app.stack().getStackName(), app.stack().settings(), app.template());
    }

    static ExpectedStack fromTemplate(String stackName, MonitoringSettings settings, Map<String, Object> template) {
        ResourceNames names = new ResourceNames(settings.prefix());
        Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
        asMap(template.get("Resources")).forEach((id, resource) -> resources.put(id, asMap(resource)));
        Map<String, String> topicNames = new LinkedHashMap<>();
        Map<String, String> alarmNames = new LinkedHashMap<>();
        resources.forEach((id, resource) -> {
            Map<String, Object> properties = properties(resource);
            switch (String.valueOf(resource.get("Type"))) {
                case TOPIC -> topicNames.put(id, literal(properties.get("TopicName"), "TopicName of " + id));
                case ALARM, COMPOSITE_ALARM ->
                    alarmNames.put(id, literal(properties.get("AlarmName"), "AlarmName of " + id));
                default -> {}
            }
        });
        Map<String, List<String>> emails = new LinkedHashMap<>();
        topicNames.keySet().forEach(id -> emails.put(id, new ArrayList<>()));
        java.util.Set<String> lambdaSubscribed = new java.util.HashSet<>();

        List<ExpectedAlarm> alarms = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        String scheduleRule = names.shared(ResourceNames.METRICS_SCHEDULE);
        String scheduleExpression = null;
        for (Map.Entry<String, Map<String, Object>> entry : resources.entrySet()) {
            Map<String, Object> properties = properties(entry.getValue());
            switch (String.valueOf(entry.getValue().get("Type"))) {
                case ALARM -> alarms.add(alarm(entry.getKey(), properties, topicNames));
                case COMPOSITE_ALARM -> alarms.add(composite(entry.getKey(), properties, topicNames, alarmNames));
                case QUERY -> queries.add(String.valueOf(properties.get("Name")));
                case SUBSCRIPTION -> {
                    if (asMap(properties.get("TopicArn")).get("Ref") instanceof String topic
                            && emails.containsKey(topic)) {
                        if ("email".equals(properties.get("Protocol"))) {
                            emails.get(topic).add(literal(properties.get("Endpoint"), "Endpoint of " + entry.getKey()));
                        } else if ("lambda".equals(properties.get("Protocol"))) {
                            lambdaSubscribed.add(topic);
                        }
                    }
                }
                case RULE -> {
                    if (scheduleRule.equals(properties.get("Name"))) {
                        scheduleExpression = String.valueOf(properties.get("ScheduleExpression"));
                    }
                }
                default -> {}
            }
        }
        if (scheduleExpression == null) {
            throw new IllegalStateException("the synthesized stack has no rule named " + scheduleRule);
        }
        if (topicNames.isEmpty()) {
            throw new IllegalStateException("the synthesized stack has no SNS topic");
        }
        List<ExpectedStack.Topic> topics = topicNames.entrySet().stream()
                .map(t -> new ExpectedStack.Topic(
                        t.getValue(), emails.get(t.getKey()), lambdaSubscribed.contains(t.getKey())))
                .toList();
        return new ExpectedStack(
                stackName,
                topics,
                settings.alerting().emails().alert(),
                names.shared(ResourceNames.RESPONSE_FUNCTION),
                names.shared(ResourceNames.METRICS_FUNCTION),
                scheduleRule,
                scheduleExpression,
                queries,
                alarms,
                settings.pipelines().stream().map(MonitoredPipeline::jobName).toList(),
                settings.metricsSource(),
                CustomMetric.NAMESPACE,
                CustomMetric.PIPELINE_DIMENSION,
                Stream.of(
                                CustomMetric.DATA_QUALITY_SCORE,
                                CustomMetric.ERROR_RATE,
                                CustomMetric.PROCESSING_LATENCY,
                                CustomMetric.RECORDS_PROCESSED)
                        .map(CustomMetric::metricName)
                        .toList());
    }

    private static ExpectedAlarm alarm(String id, Map<String, Object> p, Map<String, String> topicNames) {
        String name = literal(p.get("AlarmName"), "AlarmName of " + id);
        Optional<String> topic = actionTopic(id, p, topicNames);
        String treatMissingData = Optional.ofNullable(p.get("TreatMissingData"))
                .map(String::valueOf)
                .orElse("missing");
        int evaluationPeriods = number(p.get("EvaluationPeriods")).intValue();
        String comparison = String.valueOf(p.get("ComparisonOperator"));
        if (p.containsKey("Metrics")) {
            List<ExpectedAlarm.Query> queries = new ArrayList<>();
            for (Object query : asList(p.get("Metrics"))) {
                Map<String, Object> q = asMap(query);
                Optional<ExpectedAlarm.MetricStat> stat = Optional.ofNullable(q.get("MetricStat"))
                        .map(StackExpectations::asMap)
                        .map(s -> {
                            Map<String, Object> metric = asMap(s.get("Metric"));
                            return new ExpectedAlarm.MetricStat(
                                    (String) metric.get("Namespace"),
                                    (String) metric.get("MetricName"),
                                    dimensions(metric.get("Dimensions")),
                                    (String) s.get("Stat"),
                                    number(s.get("Period")).intValue());
                        });
                queries.add(new ExpectedAlarm.Query(
                        String.valueOf(q.get("Id")),
                        Optional.ofNullable(q.get("Expression")).map(String::valueOf),
                        stat,
                        !Boolean.FALSE.equals(q.get("ReturnData"))));
            }
            return new ExpectedAlarm.MetricMath(
                    name,
                    queries,
                    Optional.ofNullable(p.get("ThresholdMetricId")).map(String::valueOf),
                    p.get("Threshold") == null
                            ? OptionalDouble.empty()
                            : OptionalDouble.of(number(p.get("Threshold")).doubleValue()),
                    evaluationPeriods,
                    comparison,
                    treatMissingData,
                    topic);
        }
        return new ExpectedAlarm.Metric(
                name,
                (String) p.get("Namespace"),
                (String) p.get("MetricName"),
                dimensions(p.get("Dimensions")),
                (String) p.get("Statistic"),
                number(p.get("Period")).intValue(),
                evaluationPeriods,
                number(p.get("Threshold")).doubleValue(),
                comparison,
                treatMissingData,
                topic);
    }

    /** The rule with each child's name where the template has its ARN ({@code Fn::GetAtt}) or name ({@code Ref}). */
    private static ExpectedAlarm.Composite composite(
            String id, Map<String, Object> p, Map<String, String> topicNames, Map<String, String> alarmNames) {
        Object rule = p.get("AlarmRule");
        List<Object> parts;
        Map<String, Object> join = asMap(rule);
        if (rule instanceof String) {
            parts = List.of(rule);
        } else if (join.containsKey("Fn::Join")
                && "".equals(asList(join.get("Fn::Join")).getFirst())) {
            parts = asList(asList(join.get("Fn::Join")).get(1));
        } else {
            throw new IllegalStateException(
                    "AlarmRule of " + id + " is neither a string nor a Fn::Join with \"\": " + rule);
        }
        StringBuilder text = new StringBuilder();
        List<String> children = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof String s) {
                text.append(s);
                continue;
            }
            Map<String, Object> token = asMap(part);
            Object target = token.containsKey("Ref")
                    ? token.get("Ref")
                    : asList(token.get("Fn::GetAtt")).stream().findFirst().orElse(null);
            String child = alarmNames.get(String.valueOf(target));
            if (child == null) {
                throw new IllegalStateException(
                        "AlarmRule of " + id + " refers to " + part + ", which is not an alarm of the stack");
            }
            children.add(child);
            text.append(child);
        }
        return new ExpectedAlarm.Composite(
                literal(p.get("AlarmName"), "AlarmName of " + id),
                text.toString(),
                children,
                actionTopic(id, p, topicNames));
    }

    /**
     * The topic both the ALARM and the OK actions notify (a {@code Ref} to a topic of the stack), or empty when the
     * alarm has no actions. Anything else is not a shape the app builds, so it stops the check rather than guess.
     */
    private static Optional<String> actionTopic(String id, Map<String, Object> p, Map<String, String> topicNames) {
        Optional<String> alarm = onlyTopic(id, "AlarmActions", p.get("AlarmActions"), topicNames);
        Optional<String> ok = onlyTopic(id, "OKActions", p.get("OKActions"), topicNames);
        if (!alarm.equals(ok)) {
            throw new IllegalStateException(
                    id + ": AlarmActions notify " + alarm.orElse("nothing") + " but OKActions " + ok.orElse("nothing"));
        }
        return alarm;
    }

    private static Optional<String> onlyTopic(
            String id, String property, Object actions, Map<String, String> topicNames) {
        List<Object> list = asList(actions);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        if (list.size() == 1
                && asMap(list.getFirst()).get("Ref") instanceof String ref
                && topicNames.containsKey(ref)) {
            return Optional.of(topicNames.get(ref));
        }
        throw new IllegalStateException(id + ": " + property + " is not one topic of the stack: " + actions);
    }

    private static Map<String, String> dimensions(Object list) {
        Map<String, String> dimensions = new LinkedHashMap<>();
        for (Object dimension : asList(list)) {
            Map<String, Object> d = asMap(dimension);
            Object value = d.get("Value");
            dimensions.put(String.valueOf(d.get("Name")), value instanceof String s ? s : ExpectedAlarm.DEPLOY_TIME);
        }
        return dimensions;
    }

    private static Map<String, Object> properties(Map<String, Object> resource) {
        return asMap(resource.getOrDefault("Properties", Map.of()));
    }

    /** A name the template must spell out (the app names every topic and alarm). */
    private static String literal(Object value, String what) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalStateException(what + " is not a literal name in the template: " + value);
    }

    private static Number number(Object value) {
        if (value instanceof Number n) {
            return n;
        }
        return Double.valueOf(String.valueOf(Objects.requireNonNull(value, "a number in the template")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> asList(Object value) {
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }
}
