package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.ResponseConfiguration;
import com.datapipeline.monitoring.response.ResponseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;

/**
 * The page model, proven on the synthesized templates of every configuration the template checks cover: every
 * alarm reaches a person (its own action on a human topic, through a composite that has one, or, for a one-alarm
 * page, through the response function as its pager: the alarm notifies the remediation topic, the function reads it,
 * its deployed configuration names the alarm's human topic, and its role may publish there), and each failure mode
 * of a pipeline gives exactly one page and one "resolved" message on the human topics.
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
        modes.put("workflow run failed", List.of(AlarmKind.WORKFLOW_RUN_FAILED));
        // A workflow whose job failed (or that hangs) writes nothing: the output then goes stale too.
        modes.put(
                "workflow run failed, then the output is stale",
                List.of(AlarmKind.WORKFLOW_RUN_FAILED, AlarmKind.OUTPUT_STALE));
        modes.put("trigger deactivated", List.of(AlarmKind.TRIGGER_DEACTIVATED));
        // The response function pauses a failing job's triggers (pause-trigger): the paused trigger is the same page.
        modes.put(
                "run failed, then its triggers are paused",
                List.of(
                        AlarmKind.RUN_FAILED,
                        AlarmKind.FAILED_TASKS,
                        AlarmKind.ERROR_RATE,
                        AlarmKind.TRIGGER_DEACTIVATED));
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
            if (graph.isBreachPage(alarm)) {
                assertThat(graph.directHumanActions(alarm))
                        .as("%s: %s is a signal of the response function, its pager", name, graph.name(alarm))
                        .isEmpty();
                assertThat(graph.pagerTopics(alarm))
                        .as("%s: the function pages %s on one human topic", name, graph.name(alarm))
                        .hasSize(1);
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
    record AlertGraph(Map<String, Map<String, Object>> resources, String prefix, Map<String, String> pagedByFunction) {

        @SuppressWarnings("unchecked")
        static AlertGraph of(Map<String, Object> context) throws Exception {
            SynthesizedApp app =
                    SynthesizedApp.synthesize(context, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
            Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
            ((Map<String, Object>) app.template().get("Resources"))
                    .forEach((id, r) -> resources.put(id, (Map<String, Object>) r));
            String outdir = ((App) app.stack().getNode().getRoot()).synth().getDirectory();
            return new AlertGraph(resources, app.stack().settings().prefix(), pagedByFunction(resources, outdir));
        }

        /**
         * The page alarms the response function publishes, each to the name of its human topic, as its deployed
         * configuration (the file in its layer) says.
         */
        @SuppressWarnings("unchecked")
        private static Map<String, String> pagedByFunction(Map<String, Map<String, Object>> resources, String outdir)
                throws Exception {
            Map<String, String> paged = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Object>> resource : resources.entrySet()) {
                if (!"AWS::Lambda::Function".equals(resource.getValue().get("Type"))) {
                    continue;
                }
                Map<String, Object> properties =
                        (Map<String, Object>) resource.getValue().get("Properties");
                Map<String, Object> variables =
                        (Map<String, Object>) ((Map<String, Object>) properties.getOrDefault("Environment", Map.of()))
                                .getOrDefault("Variables", Map.of());
                if (!MonitoringFunction.ALARM_RESPONSE
                        .configFilePath()
                        .equals(variables.get(MonitoringFunction.ALARM_RESPONSE.configFileVariable()))) {
                    continue;
                }
                String layerId = (String)
                        ((Map<String, Object>) ((List<Object>) properties.get("Layers")).getFirst()).get("Ref");
                String s3Key = (String) ((Map<String, Object>)
                                ((Map<String, Object>) resources.get(layerId).get("Properties")).get("Content"))
                        .get("S3Key");
                Path inLayer = Path.of("/opt").relativize(Path.of(MonitoringFunction.ALARM_RESPONSE.configFilePath()));
                ResponseConfig config = ResponseConfig.parse(Files.readString(
                        Path.of(outdir, "asset." + s3Key.replace(".zip", "")).resolve(inLayer)));
                config.pages().pipelines().values().forEach(page -> paged.putAll(page.pageTopics()));
                paged.replaceAll((alarm, topic) -> topic + "|" + resource.getKey());
            }
            return paged;
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

        /** The human topics an alarm's ALARM reaches: its own actions, or the function's page of it. */
        List<String> humanActions(String id) {
            List<String> topics = new ArrayList<>(directHumanActions(id));
            if (topicRefs(properties(id).get("AlarmActions")).contains(topicId(ResourceNames.REMEDIATION_TOPIC))) {
                topics.addAll(pagerTopics(id));
            }
            return topics;
        }

        List<String> directHumanActions(String id) {
            return topicRefs(properties(id).get("AlarmActions")).stream()
                    .filter(this::isHumanTopic)
                    .toList();
        }

        /** The human topics an alarm's OK reaches: its own actions, or the function's resolution of its page. */
        List<String> humanOkActions(String id) {
            List<String> topics = new ArrayList<>(topicRefs(properties(id).get("OKActions")).stream()
                    .filter(this::isHumanTopic)
                    .toList());
            if (topicRefs(properties(id).get("OKActions")).contains(topicId(ResourceNames.REMEDIATION_TOPIC))) {
                topics.addAll(pagerTopics(id));
            }
            return topics;
        }

        /**
         * The human topic the response function publishes this alarm's page on: its configuration names the alarm
         * and the topic, the function reads the remediation topic, its role may publish on the topic (and use the
         * topic's key), and the topic's ARN is in its environment. Empty when any of that is missing.
         */
        @SuppressWarnings("unchecked")
        List<String> pagerTopics(String id) {
            String entry = pagedByFunction.get(name(id));
            if (entry == null) {
                return List.of();
            }
            String topicName = entry.substring(0, entry.indexOf('|'));
            String function = entry.substring(entry.indexOf('|') + 1);
            String topic = ofType("AWS::SNS::Topic").stream()
                    .filter(t -> topicName.equals(properties(t).get("TopicName")))
                    .findFirst()
                    .orElseThrow();
            boolean subscribed = ofType("AWS::SNS::Subscription").stream()
                    .map(this::properties)
                    .anyMatch(sub -> Map.of("Ref", topicId(ResourceNames.REMEDIATION_TOPIC))
                                    .equals(sub.get("TopicArn"))
                            && List.of(function, "Arn")
                                    .equals(((Map<String, Object>) sub.get("Endpoint")).get("Fn::GetAtt")));
            Map<String, Object> variables = (Map<String, Object>)
                    ((Map<String, Object>) properties(function).get("Environment")).get("Variables");
            boolean knowsArn = String.valueOf(variables.get(ResponseConfiguration.PAGE_TOPICS_VARIABLE))
                    .contains("{Ref=" + topic + "}");
            Object role = ((Map<String, Object>) properties(function).get("Role")).get("Fn::GetAtt");
            List<Map<String, Object>> statements = ofType("AWS::IAM::Policy").stream()
                    .filter(policy -> ((List<Object>) properties(policy).get("Roles"))
                            .contains(Map.of("Ref", ((List<Object>) role).getFirst())))
                    .flatMap(policy -> ((List<Map<String, Object>>)
                                    ((Map<String, Object>) properties(policy).get("PolicyDocument")).get("Statement"))
                            .stream())
                    .toList();
            boolean mayPublish = statements.stream()
                    .anyMatch(st -> listOf(st.get("Action")).contains("sns:Publish")
                            && listOf(st.get("Resource")).contains(Map.of("Ref", topic)));
            Object key = properties(topic).get("KmsMasterKeyId");
            boolean mayUseKey = key == null
                    || statements.stream()
                            .anyMatch(st -> listOf(st.get("Action")).contains("kms:GenerateDataKey*")
                                    && listOf(st.get("Resource")).contains(key));
            return subscribed && knowsArn && mayPublish && mayUseKey ? List.of(topic) : List.of();
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

        /** A policy statement's Action or Resource as a list, whether it holds one or several. */
        private static List<Object> listOf(Object value) {
            return value instanceof List<?> list ? List.copyOf(list) : List.of(value);
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
