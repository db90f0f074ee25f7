package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.contract.BreachBit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The page model, proven on the synthesized templates of every configuration the template checks cover: every
 * alarm reaches a person (its own action on a human topic, or through a composite that has one), and each failure
 * mode of a pipeline gives exactly one page and one "resolved" message on the human topics.
 */
class PageModelTest {

    /**
     * Each failure mode of a pipeline and the signals one incident of it raises (those its configuration has). A
     * failed run also raises the error rate and, when Spark tasks failed, the failed-tasks alarm; a run that hangs
     * has been running longer than the duration threshold too.
     */
    static final Map<String, List<AlarmKind>> FAILURE_MODES = failureModes();
    /** Every configuration the template checks cover. */
    private static final String CONFIGURATIONS = "com.datapipeline.monitoring.cdk.checks.CdkNagTest#configurations";

    private static Map<String, List<AlarmKind>> failureModes() {
        Map<String, List<AlarmKind>> modes = new LinkedHashMap<>();
        modes.put("run failed", List.of(AlarmKind.RUN_FAILED, AlarmKind.FAILED_TASKS, AlarmKind.ERROR_RATE));
        modes.put("run timed out", List.of(AlarmKind.RUN_FAILED, AlarmKind.ERROR_RATE));
        modes.put("run stuck", List.of(AlarmKind.STUCK_RUN, AlarmKind.STUCK_RUN_BY_AGE));
        modes.put("run missed", List.of(AlarmKind.MISSED_RUN));
        modes.put("failed tasks", List.of(AlarmKind.FAILED_TASKS));
        modes.put("heap", List.of(AlarmKind.MEMORY));
        modes.put("duration", List.of(AlarmKind.DURATION, AlarmKind.LATENCY));
        modes.put("data quality", List.of(AlarmKind.DATA_QUALITY));
        modes.put("error rate", List.of(AlarmKind.ERROR_RATE));
        modes.put("latency", List.of(AlarmKind.LATENCY));
        modes.put("throughput", List.of(AlarmKind.LOW_THROUGHPUT));
        modes.put("metrics collection broken", List.of(AlarmKind.COLLECTION_FAILED));
        // Across stages: the crawler before the job fails, and the job that reads its tables then fails too.
        modes.put(
                "crawler failed, then the job",
                List.of(AlarmKind.CRAWLER_FAILED, AlarmKind.RUN_FAILED, AlarmKind.ERROR_RATE));
        modes.put("output stale", List.of(AlarmKind.OUTPUT_STALE));
        // The sample chain's order: a crawl fails, and the table the ruleset judges then fails its rules.
        modes.put(
                "crawler failed, then the output fails its data quality rules",
                List.of(AlarmKind.CRAWLER_FAILED, AlarmKind.DATA_QUALITY_FAILED, AlarmKind.DATA_QUALITY));
        modes.put("data quality evaluation failed", List.of(AlarmKind.DATA_QUALITY_FAILED, AlarmKind.DATA_QUALITY));
        modes.put(
                "state machine failed, and the output is stale",
                List.of(AlarmKind.STATE_MACHINE_FAILED, AlarmKind.OUTPUT_STALE));
        // The whole chain: a crawler fails, the job after it fails, and the output it should write goes stale.
        modes.put(
                "crawler failed, then the job, then the output is stale",
                List.of(AlarmKind.CRAWLER_FAILED, AlarmKind.RUN_FAILED, AlarmKind.ERROR_RATE, AlarmKind.OUTPUT_STALE));
        return modes;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CONFIGURATIONS)
    void everyAlarmReachesAPersonAndOnlyPagesPageDirectly(String name, Map<String, Object> context) throws Exception {
        AlertGraph graph = AlertGraph.of(context);
        for (String alarm : graph.alarms()) {
            assertThat(graph.reachesAPerson(alarm))
                    .as("%s: %s reaches a person", name, graph.name(alarm))
                    .isTrue();
            if (!graph.isComposite(alarm) && !graph.isBreachPage(alarm)) {
                assertThat(graph.humanActions(alarm))
                        .as("%s: %s pages only through a composite or as a one-alarm page", name, graph.name(alarm))
                        .isEmpty();
            }
        }
        assertThat(graph.rulesTargetingHumanTopics())
                .as("%s: no event pages by itself", name)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CONFIGURATIONS)
    void eachFailureModeOfEachPipelineGivesOnePageAndOneResolution(String name, Map<String, Object> context)
            throws Exception {
        AlertGraph graph = AlertGraph.of(context);
        int modesSeen = 0;
        for (String pipelineSuffix : graph.pipelineSuffixes()) {
            for (Map.Entry<String, List<AlarmKind>> mode : FAILURE_MODES.entrySet()) {
                Set<String> fired = graph.signals(mode.getValue(), pipelineSuffix);
                if (fired.isEmpty()) {
                    continue;
                }
                modesSeen++;
                List<String> pages = graph.pagesWhenInAlarm(fired);
                assertThat(pages)
                        .as("%s: %s of pipeline '%s' (%s)", name, mode.getKey(), pipelineSuffix, fired)
                        .hasSize(1);
                assertThat(graph.humanOkActions(pages.getFirst()))
                        .as("%s: its resolution", name)
                        .hasSize(1);
            }
        }
        assertThat(modesSeen)
                .as("failure modes found in %s", name)
                .isGreaterThanOrEqualTo(graph.pipelineSuffixes().size() * 8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CONFIGURATIONS)
    void aBrokenAlertPathPagesOnTheHealthTopicOnce(String name, Map<String, Object> context) throws Exception {
        AlertGraph graph = AlertGraph.of(context);
        List<String> health =
                graph.alarms().stream().filter(graph::isHealthSignal).toList();
        assertThat(health).as(name).isNotEmpty();
        for (String signal : health) {
            List<String> pages = graph.pagesWhenInAlarm(Set.of(signal));
            assertThat(pages).as("%s: %s", name, graph.name(signal)).hasSize(1);
            assertThat(graph.humanActions(pages.getFirst()))
                    .as("%s pages on the health topic", graph.name(signal))
                    .containsExactly(graph.topicId(ResourceNames.HEALTH_TOPIC));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(CONFIGURATIONS)
    void everyDeliveryRetriesThenKeepsWhatFailedAndEveryFailureIsAlarmed(String name, Map<String, Object> context)
            throws Exception {
        AlertGraph graph = AlertGraph.of(context);
        for (String rule : graph.ofType("AWS::Events::Rule")) {
            for (Object target : (List<?>) graph.property(rule, "Targets")) {
                assertThat(((Map<?, ?>) target)
                                .keySet().stream().map(String::valueOf).toList())
                        .as("%s: target of %s", name, rule)
                        .contains("DeadLetterConfig", "RetryPolicy");
            }
            graph.assertHealthAlarmOn(name, "FailedInvocations", "RuleName", Map.of("Ref", rule));
        }
        for (String subscription : graph.ofType("AWS::SNS::Subscription")) {
            assertThat(graph.property(subscription, "RedrivePolicy"))
                    .as("%s: %s", name, subscription)
                    .isNotNull();
        }
        for (String queue : graph.ofType("AWS::SQS::Queue")) {
            graph.assertHealthAlarmOn(
                    name,
                    "ApproximateNumberOfMessagesVisible",
                    "QueueName",
                    Map.of("Fn::GetAtt", List.of(queue, "QueueName")));
        }
        for (String topic : graph.ofType("AWS::SNS::Topic")) {
            graph.assertHealthAlarmOn(
                    name,
                    "NumberOfNotificationsFailed",
                    "TopicName",
                    Map.of("Fn::GetAtt", List.of(topic, "TopicName")));
        }
        for (String invokeConfig : graph.ofType("AWS::Lambda::EventInvokeConfig")) {
            assertThat((Integer) graph.property(invokeConfig, "MaximumEventAgeInSeconds"))
                    .as(name)
                    .isLessThanOrEqualTo(900);
        }
    }

    /** The app's alarms, composites, topics and rules, read from the parent template and its nested templates. */
    record AlertGraph(Map<String, Map<String, Object>> resources, String prefix) {

        @SuppressWarnings("unchecked")
        static AlertGraph of(Map<String, Object> context) throws Exception {
            SynthesizedApp app =
                    SynthesizedApp.synthesize(context, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
            Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
            ((Map<String, Object>) app.template().get("Resources"))
                    .forEach((id, r) -> resources.put(id, (Map<String, Object>) r));
            return new AlertGraph(resources, app.stack().settings().prefix());
        }

        List<String> ofType(String type) {
            return resources.entrySet().stream()
                    .filter(e -> type.equals(e.getValue().get("Type")))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        Object property(String id, String name) {
            return properties(id).get(name);
        }

        /** A health signal watches {@code metric} of this resource and pages on the monitoring-health topic. */
        void assertHealthAlarmOn(String configuration, String metric, String dimension, Object value) {
            List<String> watching = alarms().stream()
                    .filter(id -> metric.equals(properties(id).get("MetricName")))
                    .filter(id -> List.of(Map.of("Name", dimension, "Value", value))
                            .equals(properties(id).get("Dimensions")))
                    .toList();
            assertThat(watching)
                    .as("%s: an alarm on %s of %s", configuration, metric, value)
                    .hasSize(1);
            assertThat(isHealthSignal(watching.getFirst()))
                    .as(name(watching.getFirst()))
                    .isTrue();
            assertThat(pagesWhenInAlarm(Set.of(watching.getFirst())).stream()
                            .flatMap(page -> humanActions(page).stream()))
                    .containsExactly(topicId(ResourceNames.HEALTH_TOPIC));
        }

        List<String> alarms() {
            return resources.entrySet().stream()
                    .filter(e -> List.of("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm")
                            .contains(e.getValue().get("Type")))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        boolean isComposite(String id) {
            return "AWS::CloudWatch::CompositeAlarm".equals(resources.get(id).get("Type"));
        }

        String name(String id) {
            return String.valueOf(properties(id).get("AlarmName"));
        }

        boolean isHealthSignal(String id) {
            String name = name(id).substring(prefix.length());
            return AlarmKind.withRole(AlarmKind.Role.HEALTH_SIGNAL).stream()
                    .map(AlarmKind::baseName)
                    .anyMatch(kind -> name.equals(kind) || name.startsWith(kind + "-"));
        }

        /** The suffix of each pipeline's alarm names: "" for the sample job, "-JOB" for a job of monitoredJobs. */
        Set<String> pipelineSuffixes() {
            Set<String> suffixes = new HashSet<>();
            String runFailed = prefix + AlarmKind.RUN_FAILED.baseName();
            String page = prefix + AlarmKind.PIPELINE_UNHEALTHY.baseName();
            alarms().stream()
                    .map(this::name)
                    .filter(n -> n.startsWith(runFailed))
                    .forEach(n -> suffixes.add(n.substring(runFailed.length())));
            alarms().stream()
                    .filter(this::isBreachPage)
                    .map(this::name)
                    .filter(n -> n.startsWith(page))
                    .forEach(n -> suffixes.add(n.substring(page.length())));
            return suffixes;
        }

        /**
         * The alarms of these kinds of one pipeline, and of the anomaly-detection kinds beside them; for a pipeline
         * whose page is one alarm, the page alarms whose metric math holds the bit of one of the kinds.
         */
        Set<String> signals(List<AlarmKind> kinds, String pipelineSuffix) {
            Set<String> fired = new HashSet<>();
            for (AlarmKind variant : AlarmKind.values()) {
                if (kinds.contains(variant.severityKind())) {
                    alarms().stream()
                            .filter(id -> name(id).equals(prefix + variant.baseName() + pipelineSuffix))
                            .forEach(fired::add);
                }
            }
            for (String page : alarms()) {
                if (isBreachPage(page)
                        && name(page).endsWith(pipelineSuffix)
                        && pipelineSuffixes().stream()
                                .filter(other -> other.length() > pipelineSuffix.length())
                                .noneMatch(other -> name(page).endsWith(other))
                        && kinds.stream().anyMatch(kind -> holdsBit(page, kind))) {
                    fired.add(page);
                }
            }
            return fired;
        }

        /** A pipeline's page that is one metric-math alarm (not a composite) with a human action. */
        boolean isBreachPage(String id) {
            String alarmName = name(id).substring(prefix.length());
            return !isComposite(id)
                    && AlarmKind.withRole(AlarmKind.Role.PIPELINE_PAGE).stream()
                            .anyMatch(kind ->
                                    alarmName.equals(kind.baseName()) || alarmName.startsWith(kind.baseName() + "-"));
        }

        /** Whether a one-alarm page's metric math holds the bit of this kind's failure mode. */
        private boolean holdsBit(String page, AlarmKind kind) {
            if (kind.bit().isEmpty()) {
                return false;
            }
            BreachBit bit = kind.bit().get();
            String expression = String.valueOf(((List<?>) property(page, "Metrics"))
                    .stream()
                            .map(q -> (Map<?, ?>) q)
                            .filter(q -> Boolean.TRUE.equals(q.get("ReturnData")))
                            .findFirst()
                            .orElseThrow()
                            .get("Expression"));
            if (bit.source() == BreachBit.Source.PAGE_EXPRESSION) {
                return expression.contains(", " + bit.value() + ", 0)");
            }
            // The whole Breach value, or the term that takes this bit out of it.
            return expression.startsWith("FILL(breach, 0) +")
                    || expression.equals("FILL(breach, 0)")
                    || expression.contains(") * " + bit.value() + " ")
                    || expression.endsWith(") * " + bit.value());
        }

        /** The alarms with a human action that go to ALARM when {@code fired} do: each is one page. */
        List<String> pagesWhenInAlarm(Set<String> fired) {
            Set<String> inAlarm = new HashSet<>(fired);
            boolean grew = true;
            while (grew) {
                grew = false;
                for (String id : alarms()) {
                    if (isComposite(id)
                            && !inAlarm.contains(id)
                            && children(id).stream().anyMatch(inAlarm::contains)) {
                        inAlarm.add(id);
                        grew = true;
                    }
                }
            }
            return inAlarm.stream()
                    .filter(id -> !humanActions(id).isEmpty())
                    .sorted()
                    .toList();
        }

        boolean reachesAPerson(String id) {
            if (!humanActions(id).isEmpty()) {
                return true;
            }
            return alarms().stream()
                    .filter(this::isComposite)
                    .filter(c -> children(c).contains(id))
                    .anyMatch(this::reachesAPerson);
        }

        List<String> humanActions(String id) {
            return topicRefs(properties(id).get("AlarmActions")).stream()
                    .filter(this::isHumanTopic)
                    .toList();
        }

        List<String> humanOkActions(String id) {
            return topicRefs(properties(id).get("OKActions")).stream()
                    .filter(this::isHumanTopic)
                    .toList();
        }

        List<String> rulesTargetingHumanTopics() {
            List<String> rules = new ArrayList<>();
            resources.forEach((id, resource) -> {
                if ("AWS::Events::Rule".equals(resource.get("Type"))) {
                    Object targets = properties(id).get("Targets");
                    if (targets instanceof List<?> list) {
                        for (Object target : list) {
                            topicRefs(List.of(((Map<?, ?>) target).get("Arn"))).stream()
                                    .filter(this::isHumanTopic)
                                    .forEach(topic -> rules.add(id + " -> " + topic));
                        }
                    }
                }
            });
            return rules;
        }

        String topicId(String labName) {
            return resources.entrySet().stream()
                    .filter(e -> "AWS::SNS::Topic".equals(e.getValue().get("Type")))
                    .filter(e ->
                            (prefix + labName).equals(properties(e.getKey()).get("TopicName")))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
        }

        private boolean isHumanTopic(String topicId) {
            return !topicId(ResourceNames.REMEDIATION_TOPIC).equals(topicId);
        }

        /** The logical ids of a composite's children: the alarms whose ARN its rule joins in. */
        private List<String> children(String compositeId) {
            List<String> children = new ArrayList<>();
            collectGetAtts(properties(compositeId).get("AlarmRule"), children);
            return children;
        }

        /** The logical ids a JSON tree names by {@code Fn::GetAtt}, in order. */
        static void collectGetAtts(Object node, List<String> into) {
            if (node instanceof Map<?, ?> map) {
                if (map.get("Fn::GetAtt") instanceof List<?> getAtt) {
                    into.add(String.valueOf(getAtt.getFirst()));
                    return;
                }
                map.values().forEach(value -> collectGetAtts(value, into));
            } else if (node instanceof List<?> list) {
                list.forEach(item -> collectGetAtts(item, into));
            }
        }

        private List<String> topicRefs(Object actions) {
            List<String> topics = new ArrayList<>();
            if (actions instanceof List<?> list) {
                for (Object action : list) {
                    if (action instanceof Map<?, ?> map
                            && map.get("Ref") instanceof String ref
                            && "AWS::SNS::Topic"
                                    .equals(resources
                                            .getOrDefault(ref, Map.of())
                                            .get("Type"))) {
                        topics.add(ref);
                    }
                }
            }
            return topics;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> properties(String id) {
            return (Map<String, Object>) resources.get(id).getOrDefault("Properties", Map.of());
        }
    }
}
