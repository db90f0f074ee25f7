package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.GREATER_THAN_UPPER_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.LESS_THAN_LOWER_THRESHOLD;
import static software.amazon.awscdk.services.cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Axis;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Graph;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Role;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Severity;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Trigger;
import com.datapipeline.monitoring.cdk.catalog.AlarmKind.Watch;
import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.MonitoringSettings;
import com.datapipeline.monitoring.cdk.naming.ResourceNames;
import com.datapipeline.monitoring.contract.BreachBit;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.contract.RouteAction;
import com.datapipeline.monitoring.response.ResponseConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;

/**
 * Every alarm kind is wired as its one definition says. Over the configurations the template checks cover, each kind
 * appears in a synthesized template with its definition's metric, statistic, period, threshold (or band), comparison,
 * evaluation periods and missing-data treatment, and notifies the topic its role gives it; each pipeline signal is in
 * the response function's route table with its kind's route, a child of the page of its severity, and drawn on the
 * dashboard graph its definition names; and every alarm of every template belongs to a kind. A new kind fails here
 * until a covered configuration has it and its runbook section names it.
 */
class AlarmKindTest {
    /** CloudFormation's names for the comparisons and treatments the kinds use, as the template spells them. */
    private static final Map<ComparisonOperator, String> COMPARISONS = Map.of(
            GREATER_THAN_THRESHOLD, "GreaterThanThreshold",
            GREATER_THAN_OR_EQUAL_TO_THRESHOLD, "GreaterThanOrEqualToThreshold",
            LESS_THAN_THRESHOLD, "LessThanThreshold",
            LESS_THAN_LOWER_THRESHOLD, "LessThanLowerThreshold",
            GREATER_THAN_UPPER_THRESHOLD, "GreaterThanUpperThreshold");

    private static final Map<TreatMissingData, String> MISSING_DATA = Map.of(
            TreatMissingData.NOT_BREACHING, "notBreaching",
            TreatMissingData.BREACHING, "breaching");

    @Test
    void everyKindIsWiredAsItsDefinitionSaysInACoveredConfiguration() throws Exception {
        Set<AlarmKind> seen = EnumSet.noneOf(AlarmKind.class);
        SoftAssertions softly = new SoftAssertions();
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> configurations = new ObjectMapper()
                .readValue(Path.of("tools/template-configurations.json").toFile(), Map.class);
        for (Map.Entry<String, Map<String, Object>> configuration : configurations.entrySet()) {
            Deployed deployed = Deployed.of(configuration.getValue());
            String name = configuration.getKey();
            seen.addAll(deployed.checkPipelineSignalsAndPages(softly, name));
            seen.addAll(deployed.checkStackWideKinds(softly, name));
            deployed.checkEveryAlarmHasAKind(softly, name);
        }
        softly.assertAll();
        assertThat(seen)
                .as("kinds seen in tools/template-configurations.json")
                .containsExactlyInAnyOrder(AlarmKind.values());
    }

    @Test
    void everyKindsRunbookIsAReadmeSectionThatNamesIt() throws Exception {
        Map<String, String> sections = readmeSections(Files.readString(Path.of("README.md")));
        for (AlarmKind kind : AlarmKind.values()) {
            assertThat(sections)
                    .as("README section #%s of %s", kind.runbook(), kind)
                    .containsKey(kind.runbook());
            assertThat(sections.get(kind.runbook()))
                    .as("README section #%s", kind.runbook())
                    .contains("`" + kind.baseName());
        }
    }

    @Test
    void anomalyDetectionKindsShareTheNameStartAndSeverityOfTheKindTheyWatchBeside() {
        assertThat(AlarmKind.DATA_QUALITY_ANOMALY.baseName()).isEqualTo("DataQualityAlarmAnomaly");
        assertThat(AlarmKind.LATENCY_ANOMALY.severityKind()).isEqualTo(AlarmKind.LATENCY);
        assertThat(AlarmKind.LATENCY_ANOMALY.billing()).isEqualTo(AlarmKind.Billing.ANOMALY_DETECTION);
        assertThat(AlarmKind.signalNames())
                .doesNotContain("DataQualityAlarmAnomaly")
                .contains("DataQualityAlarm")
                .doesNotHaveDuplicates();
        assertThat(AlarmKind.namePrefixes(List.of()))
                .contains("DataQualityAlarm")
                .doesNotContain("DataQualityAlarmAnomaly");
    }

    @Test
    void theWarningsByDefaultAreTheKindsDefinedAsWarningsAndEachPageHasItsSeverity() {
        assertThat(AlarmKind.defaultWarningNames())
                .containsExactly(
                        "GlueJobDurationAlarm",
                        "GlueJobMemoryAlarm",
                        "ProcessingLatencyAlarm",
                        "LowThroughputAlarm",
                        "PipelineOverBudgetAlarm",
                        "GlueJobLowWorkerUtilizationAlarm",
                        "GlueJobHighWorkerUtilizationAlarm",
                        "GlueJobSkewAlarm",
                        "GlueJobDiskAlarm",
                        "GlueJobExecutorMemoryAlarm");
        assertThat(AlarmKind.pageOf(Severity.CRITICAL)).isEqualTo(AlarmKind.PIPELINE_UNHEALTHY);
        assertThat(AlarmKind.pageOf(Severity.WARNING)).isEqualTo(AlarmKind.PIPELINE_DEGRADED);
        assertThat(AlarmKind.signalsNamed(List.of("GlueJobStuckRunAlarm", "ErrorRateAlarm")))
                .containsExactlyInAnyOrder(AlarmKind.STUCK_RUN, AlarmKind.STUCK_RUN_BY_AGE, AlarmKind.ERROR_RATE);
    }

    @Test
    void aWarningAlarmThatIsNoPipelineSignalIsRefusedInOneLine() {
        App app = new App(AppProps.builder()
                .context(
                        Map.of("severityTopics", true, "warningAlarms", "GlueJobDurationAlarm,DataQualityAlarmAnomaly"))
                .build());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MonitoringApp.build(app, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "context key 'warningAlarms' is 'DataQualityAlarmAnomaly'; allowed: alarm names from [")
                .hasMessageNotContaining("\n");
    }

    /** Each README heading's anchor (as GitHub makes it) and the text up to the next heading of its level or above. */
    private static Map<String, String> readmeSections(String readme) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = Pattern.compile("(?m)^(#+) (.+)$").matcher(readme);
        List<int[]> starts = new ArrayList<>();
        List<String> anchors = new ArrayList<>();
        while (heading.find()) {
            starts.add(new int[] {heading.start(), heading.group(1).length()});
            anchors.add(heading.group(2)
                    .toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9 -]", "")
                    .replace(' ', '-'));
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = readme.length();
            for (int j = i + 1; j < starts.size(); j++) {
                if (starts.get(j)[1] <= starts.get(i)[1]) {
                    end = starts.get(j)[0];
                    break;
                }
            }
            sections.put(anchors.get(i), readme.substring(starts.get(i)[0], end));
        }
        return sections;
    }

    /** One configuration as synthesized: every template's resources, the dashboards and the route table. */
    private record Deployed(
            MonitoringSettings settings,
            ResourceNames names,
            Map<String, Map<String, Object>> resources,
            Map<String, String> parameterRefs,
            List<Map<String, Object>> dashboards,
            ResponseConfig routes) {

        @SuppressWarnings("unchecked")
        static Deployed of(Map<String, Object> context) throws Exception {
            App app = new App(AppProps.builder().context(context).build());
            MonitoringStack stack =
                    MonitoringApp.build(app, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
            Template parent = Template.fromStack(stack);
            List<Map<String, Object>> templates = new ArrayList<>(List.of((Map<String, Object>) parent.toJSON()));
            String outdir = app.synth().getDirectory();
            for (NestedStack nested : stack.nestedStacks()) {
                templates.add(new ObjectMapper()
                        .readValue(Files.readString(Path.of(outdir, nested.getTemplateFile())), Map.class));
            }
            Map<String, Map<String, Object>> resources = new LinkedHashMap<>();
            templates.forEach(template -> ((Map<String, Object>) template.get("Resources"))
                    .forEach((id, resource) -> resources.put(id, (Map<String, Object>) resource)));
            List<Map<String, Object>> dashboards = new ArrayList<>();
            // A nested template names the parent's topics through parameters the parent's stack resource sets.
            Map<String, String> parameterRefs = new LinkedHashMap<>();
            for (Map<String, Object> resource : resources.values()) {
                if ("AWS::CloudWatch::Dashboard".equals(resource.get("Type"))) {
                    dashboards.add(new ObjectMapper().readValue(dashboardBody(properties(resource)), Map.class));
                }
                if ("AWS::CloudFormation::Stack".equals(resource.get("Type"))) {
                    asMap(properties(resource).getOrDefault("Parameters", Map.of()))
                            .forEach((parameter, value) -> {
                                if (asMap(value).get("Ref") instanceof String ref) {
                                    parameterRefs.put(parameter, ref);
                                }
                            });
                }
            }
            ResourceNames names = new ResourceNames(stack.settings().prefix());
            ResponseConfig routes = ResponseConfig.parse(MetricsFunctionContractTest.deployedConfiguration(
                    new TestStacks.Synthesized(stack, parent),
                    names.shared(ResourceNames.RESPONSE_FUNCTION),
                    MonitoringFunction.ALARM_RESPONSE));
            return new Deployed(stack.settings(), names, resources, parameterRefs, dashboards, routes);
        }

        /** The pipeline signals and pages of every pipeline; returns the kinds it found. */
        Set<AlarmKind> checkPipelineSignalsAndPages(SoftAssertions softly, String configuration) {
            Set<AlarmKind> seen = EnumSet.noneOf(AlarmKind.class);
            Set<String> signalNames = new HashSet<>();
            Set<AlarmKind> warnings = AlarmKind.signalsNamed(settings.alerting().warningSignals());
            for (MonitoredPipeline pipeline : settings.pipelines()) {
                AlarmKind.Inputs in = new AlarmKind.Inputs(pipeline, settings.alarms());
                PipelineMetricSet metrics = PipelineMetricSet.forJob(pipeline.jobName());
                List<AlarmKind> applicable = AlarmKind.withRole(Role.PIPELINE_SIGNAL).stream()
                        .filter(kind -> kind.appliesTo(in))
                        .toList();
                if (in.breachPage()) {
                    checkBreachPages(softly, configuration, pipeline, applicable, warnings, seen);
                    // A one-alarm page is a signal of the response function, which pages for it.
                    AlarmKind.withRole(Role.PIPELINE_PAGE).stream()
                            .map(page -> names.perPipeline(page.baseName(), pipeline))
                            .filter(name -> alarm(name).isPresent())
                            .forEach(signalNames::add);
                    continue;
                }
                for (AlarmKind kind : applicable) {
                    String name = names.perPipeline(kind.baseName(), pipeline);
                    String what = configuration + ": " + name + " (" + kind + ")";
                    Optional<Map<String, Object>> alarm = alarm(name);
                    softly.assertThat(alarm).as(what).isPresent();
                    if (alarm.isEmpty()) {
                        continue;
                    }
                    seen.add(kind);
                    signalNames.add(name);
                    Map<String, Object> p = alarm.get();
                    checkTrigger(
                            softly,
                            what,
                            kind,
                            p,
                            kind.billing() == AlarmKind.Billing.ANOMALY_DETECTION
                                    ? Optional.empty()
                                    : Optional.of(kind.threshold(in)));
                    checkPipelineMetric(softly, what, kind, p, kind.metric(in, metrics), in);
                    softly.assertThat(actions(p))
                            .as(what + " notifies")
                            .containsExactly(topic(ResourceNames.REMEDIATION_TOPIC));
                    softly.assertThat(routes.routes().get(name))
                            .as(what + " route")
                            .isEqualTo(
                                    switch (kind.response().orElseThrow()) {
                                        case RESTART_JOB ->
                                            new ResponseConfig.Route(RouteAction.RESTART_JOB, pipeline.jobName());
                                        case START_VALIDATION_JOB ->
                                            pipeline.response()
                                                    .validationJob()
                                                    .map(job -> new ResponseConfig.Route(
                                                            RouteAction.START_VALIDATION_JOB, job))
                                                    .orElse(new ResponseConfig.Route(RouteAction.NOTIFY_ONLY, null));
                                        case NOTIFY_ONLY -> new ResponseConfig.Route(RouteAction.NOTIFY_ONLY, null);
                                    });
                }
                for (Graph graph : Graph.values()) {
                    for (Axis axis : Axis.values()) {
                        List<Double> expected = applicable.stream()
                                .filter(kind ->
                                        kind.placement().equals(Optional.of(new AlarmKind.Placement(graph, axis))))
                                .map(kind -> kind.threshold(in))
                                .toList();
                        softly.assertThat(thresholdLines(names.widgetTitle(graph.title(), pipeline), axis))
                                .as(
                                        "%s: threshold lines on %s, %s axis, for %s",
                                        configuration, graph, axis, pipeline.jobName())
                                .containsExactlyElementsOf(expected);
                    }
                }
                for (AlarmKind page : AlarmKind.withRole(Role.PIPELINE_PAGE)) {
                    if (page.breachPage()) {
                        continue;
                    }
                    List<String> children = applicable.stream()
                            .filter(kind ->
                                    (warnings.contains(kind.severityKind()) ? Severity.WARNING : Severity.CRITICAL)
                                            == page.severity().orElseThrow())
                            .map(kind -> names.perPipeline(kind.baseName(), pipeline))
                            .toList();
                    String name = names.perPipeline(page.baseName(), pipeline);
                    Optional<Map<String, Object>> composite = alarm(name);
                    softly.assertThat(composite.isPresent())
                            .as("%s: %s exactly when it has children", configuration, name)
                            .isEqualTo(!children.isEmpty());
                    composite.ifPresent(p -> {
                        seen.add(page);
                        softly.assertThat(childNames(p))
                                .as(configuration + ": children of " + name)
                                .containsExactlyElementsOf(children);
                        softly.assertThat(actions(p))
                                .as(configuration + ": " + name + " notifies")
                                .containsExactly(severityTopic(page.severity().orElseThrow()));
                    });
                }
            }
            softly.assertThat(alarmsNotifying(topic(ResourceNames.REMEDIATION_TOPIC)))
                    .as(
                            "%s: the alarms that notify the remediation topic are the pipeline signals and one-alarm pages",
                            configuration)
                    .containsExactlyInAnyOrderElementsOf(signalNames);
            return seen;
        }

        /**
         * A pipeline whose pages are one metric-math alarm each: no signal alarm of its own, and each page's expression
         * holds the bit of every mode of its severity, from the Breach metric or from the mode's own metric.
         */
        private void checkBreachPages(
                SoftAssertions softly,
                String configuration,
                MonitoredPipeline pipeline,
                List<AlarmKind> applicable,
                Set<AlarmKind> warnings,
                Set<AlarmKind> seen) {
            for (AlarmKind kind : applicable) {
                softly.assertThat(kind.bit())
                        .as(configuration + ": " + kind + " has a bit")
                        .isPresent();
            }
            for (AlarmKind page : AlarmKind.withRole(Role.PIPELINE_PAGE)) {
                List<AlarmKind> modes = applicable.stream()
                        .filter(kind -> (warnings.contains(kind.severityKind()) ? Severity.WARNING : Severity.CRITICAL)
                                == page.severity().orElseThrow())
                        .toList();
                String name = names.perPipeline(page.baseName(), pipeline);
                Optional<Map<String, Object>> alarm = alarm(name);
                String what = configuration + ": " + name;
                if (!page.breachPage()) {
                    softly.assertThat(alarm.map(p -> p.containsKey("AlarmRule")).orElse(false))
                            .as(what + " is no composite")
                            .isFalse();
                    continue;
                }
                softly.assertThat(alarm.isPresent())
                        .as(what + " exactly when it has modes")
                        .isEqualTo(!modes.isEmpty());
                alarm.ifPresent(p -> {
                    seen.add(page);
                    // The response function is its pager: it publishes the page on the severity's topic.
                    softly.assertThat(actions(p))
                            .as(what + " notifies")
                            .containsExactly(topic(ResourceNames.REMEDIATION_TOPIC));
                    softly.assertThat(p.get("Threshold")).as(what).isEqualTo(1);
                    softly.assertThat(p.get("ComparisonOperator")).as(what).isEqualTo("GreaterThanOrEqualToThreshold");
                    String expression = queries(p).stream()
                            .filter(q -> Boolean.TRUE.equals(q.get("ReturnData")))
                            .map(q -> String.valueOf(q.get("Expression")))
                            .findFirst()
                            .orElse("");
                    List<String> metricNames = queries(p).stream()
                            .filter(q -> q.containsKey("MetricStat"))
                            .map(q -> String.valueOf(
                                    asMap(asMap(q.get("MetricStat")).get("Metric"))
                                            .get("MetricName")))
                            .toList();
                    softly.assertThat(metricNames.size()).as(what + " metrics").isLessThanOrEqualTo(10);
                    for (AlarmKind mode : modes) {
                        BreachBit bit = mode.bit().orElseThrow();
                        if (bit.source() == BreachBit.Source.PAGE_EXPRESSION) {
                            softly.assertThat(expression).as(what + ": " + mode).contains(", " + bit.value() + ", 0)");
                        } else {
                            softly.assertThat(metricNames)
                                    .as(what + ": " + mode)
                                    .contains("Breach");
                        }
                    }
                });
            }
            softly.assertThat(routes.routes().keySet())
                    .as(configuration + ": " + pipeline.jobName() + " has only its run-failed route")
                    .noneMatch(key -> key.endsWith("-" + pipeline.jobName()) && !key.contains(":"));
        }

        /** The health signals, groups and page; returns the kinds it found. */
        Set<AlarmKind> checkStackWideKinds(SoftAssertions softly, String configuration) {
            Set<AlarmKind> seen = EnumSet.noneOf(AlarmKind.class);
            for (AlarmKind kind : AlarmKind.values()) {
                if (kind.role() == Role.PIPELINE_SIGNAL || kind.role() == Role.PIPELINE_PAGE) {
                    continue;
                }
                for (Map.Entry<String, Map<String, Object>> alarm :
                        alarmsOf(kind).entrySet()) {
                    seen.add(kind);
                    String what = configuration + ": " + alarm.getKey() + " (" + kind + ")";
                    Map<String, Object> p = alarm.getValue();
                    softly.assertThat(actions(p))
                            .as(what + " notifies")
                            .containsExactlyElementsOf(
                                    kind.role() == Role.HEALTH_PAGE
                                            ? List.of(topic(ResourceNames.HEALTH_TOPIC))
                                            : List.of());
                    if (kind.role() == Role.HEALTH_SIGNAL) {
                        checkTrigger(softly, what, kind, p, Optional.of(kind.fixedThreshold()));
                        checkResourceMetric(softly, what, kind, p);
                    }
                }
            }
            return seen;
        }

        void checkEveryAlarmHasAKind(SoftAssertions softly, String configuration) {
            for (Map<String, Object> alarm : alarmProperties()) {
                String name = String.valueOf(alarm.get("AlarmName"))
                        .substring(names.prefix().length());
                softly.assertThat(AlarmKind.values())
                        .as("%s: the kind of %s", configuration, name)
                        .anyMatch(kind -> name.equals(kind.baseName()) || name.startsWith(kind.baseName() + "-"));
            }
        }

        private static void checkTrigger(
                SoftAssertions softly, String what, AlarmKind kind, Map<String, Object> p, Optional<Double> threshold) {
            Trigger trigger = kind.trigger().orElseThrow();
            softly.assertThat(p.get("ComparisonOperator")).as(what).isEqualTo(COMPARISONS.get(trigger.comparison()));
            softly.assertThat(p.get("EvaluationPeriods")).as(what).isEqualTo(trigger.evaluationPeriods());
            softly.assertThat(p.get("DatapointsToAlarm")).as(what).isEqualTo(trigger.datapointsToAlarm());
            softly.assertThat(p.get("TreatMissingData")).as(what).isEqualTo(MISSING_DATA.get(trigger.missingData()));
            threshold.ifPresent(value -> softly.assertThat(((Number) p.get("Threshold")).doubleValue())
                    .as(what)
                    .isEqualTo(value));
        }

        /** The width of {@code ANOMALY_DETECTION_BAND(watched, width)}, or NaN for any other expression. */
        private static double bandOf(String expression, String watched) {
            Matcher band = Pattern.compile("ANOMALY_DETECTION_BAND\\((\\w+), ([0-9.]+)\\)")
                    .matcher(expression);
            return band.matches() && band.group(1).equals(watched) ? Double.parseDouble(band.group(2)) : Double.NaN;
        }

        private static void checkPipelineMetric(
                SoftAssertions softly,
                String what,
                AlarmKind kind,
                Map<String, Object> p,
                IMetric metric,
                AlarmKind.Inputs in) {
            int period = (int) kind.trigger().orElseThrow().period().toSeconds();
            if (metric instanceof MathExpression expression) {
                softly.assertThat(queries(p))
                        .as(what)
                        .anyMatch(q -> expression.getExpression().equals(q.get("Expression")));
                return;
            }
            Metric single = (Metric) metric;
            boolean anomaly = kind.billing() == AlarmKind.Billing.ANOMALY_DETECTION;
            Map<String, Object> stat = anomaly
                    ? queries(p).stream()
                            .filter(q -> q.containsKey("MetricStat"))
                            .findFirst()
                            .map(q -> asMap(q.get("MetricStat")))
                            .orElseThrow()
                    : p;
            Map<String, Object> named = anomaly ? asMap(stat.get("Metric")) : p;
            softly.assertThat(named.get("Namespace")).as(what).isEqualTo(single.getNamespace());
            softly.assertThat(named.get("MetricName")).as(what).isEqualTo(single.getMetricName());
            // A dimension value with tokens (a state machine's ARN in the stack's account) is a Fn::Join in the
            // template: compare its literal tail.
            Map<String, String> deployed = dimensions(named);
            softly.assertThat(deployed.keySet())
                    .as(what)
                    .isEqualTo(single.getDimensions().keySet());
            single.getDimensions().forEach((key, value) -> {
                String expected = String.valueOf(value);
                if (software.amazon.awscdk.Token.isUnresolved(expected)) {
                    softly.assertThat(deployed.get(key))
                            .as(what + " " + key)
                            .startsWith("{Fn::Join=")
                            .endsWith(expected.replaceAll("^.*\\}", "") + "]]}");
                } else {
                    softly.assertThat(deployed.get(key)).as(what + " " + key).isEqualTo(expected);
                }
            });
            softly.assertThat(stat.get(anomaly ? "Stat" : "Statistic")).as(what).isEqualTo(single.getStatistic());
            softly.assertThat(stat.get("Period")).as(what).isEqualTo(period);
            if (kind.billing() == AlarmKind.Billing.ANOMALY_DETECTION) {
                String watched = queries(p).stream()
                        .filter(q -> q.containsKey("MetricStat"))
                        .map(q -> String.valueOf(q.get("Id")))
                        .findFirst()
                        .orElseThrow();
                softly.assertThat(queries(p))
                        .as(what + ": the threshold is the band around the watched metric")
                        .anyMatch(q -> q.get("Id").equals(p.get("ThresholdMetricId"))
                                && bandOf(String.valueOf(q.get("Expression")), watched) == kind.bandWidth(in));
            }
        }

        private static void checkResourceMetric(
                SoftAssertions softly, String what, AlarmKind kind, Map<String, Object> p) {
            int period = (int) kind.trigger().orElseThrow().period().toSeconds();
            switch (kind.watch().orElseThrow()) {
                case Watch.OfResource resource -> {
                    softly.assertThat(p.get("MetricName")).as(what).isEqualTo(resource.metricName());
                    softly.assertThat(p.get("Statistic")).as(what).isEqualTo(resource.statistic());
                    softly.assertThat(p.get("Period")).as(what).isEqualTo(period);
                }
                case Watch.SumOfResource sum -> {
                    softly.assertThat(queries(p))
                            .as(what)
                            .anyMatch(q -> ("SUM(["
                                            + String.join(
                                                    ", ", sum.metricNamesById().keySet()) + "])")
                                    .equals(q.get("Expression")));
                    checkMetricStats(softly, what, p, sum.metricNamesById().values(), sum.statistic(), period);
                }
                case Watch.FilledResource filled -> {
                    softly.assertThat(queries(p)).as(what).anyMatch(q -> "FILL(m, 0)".equals(q.get("Expression")));
                    checkMetricStats(softly, what, p, List.of(filled.metricName()), filled.statistic(), period);
                }
                case Watch.DifferenceOfResource difference -> {
                    softly.assertThat(queries(p))
                            .as(what)
                            .anyMatch(q -> "FILL(counted, 0) - FILL(less, 0)".equals(q.get("Expression")));
                    checkMetricStats(
                            softly,
                            what,
                            p,
                            List.of(difference.metricName(), difference.lessMetricName()),
                            difference.statistic(),
                            period);
                }
                case Watch.OfPipeline pipeline -> softly.fail(what + " is stack-wide but watches a pipeline metric");
                case Watch.OfStages stages -> softly.fail(what + " is stack-wide but watches a pipeline's stages");
                case Watch.BreachSum sum -> softly.fail(what + " is stack-wide but watches a pipeline's breach bits");
            }
        }

        /** The metric-math alarm reads exactly these metrics, each with the statistic and period. */
        private static void checkMetricStats(
                SoftAssertions softly,
                String what,
                Map<String, Object> p,
                java.util.Collection<String> metricNames,
                String statistic,
                int period) {
            List<Map<String, Object>> stats = queries(p).stream()
                    .filter(q -> q.containsKey("MetricStat"))
                    .map(q -> asMap(q.get("MetricStat")))
                    .toList();
            softly.assertThat(stats)
                    .as(what)
                    .extracting(s -> asMap(s.get("Metric")).get("MetricName"))
                    .containsExactlyInAnyOrderElementsOf(metricNames);
            softly.assertThat(stats).as(what).allSatisfy(s -> {
                assertThat(s.get("Stat")).isEqualTo(statistic);
                assertThat(s.get("Period")).isEqualTo(period);
            });
        }

        private Optional<Map<String, Object>> alarm(String name) {
            return alarmProperties().stream()
                    .filter(p -> name.equals(p.get("AlarmName")))
                    .findFirst();
        }

        /** The alarms of a stack-wide kind: named after it, alone or with a suffix. */
        private Map<String, Map<String, Object>> alarmsOf(AlarmKind kind) {
            String base = names.shared(kind.baseName());
            Map<String, Map<String, Object>> found = new LinkedHashMap<>();
            for (Map<String, Object> p : alarmProperties()) {
                String name = String.valueOf(p.get("AlarmName"));
                if (name.equals(base) || name.startsWith(base + "-")) {
                    found.put(name, p);
                }
            }
            return found;
        }

        private List<Map<String, Object>> alarmProperties() {
            return resources.values().stream()
                    .filter(r -> List.of("AWS::CloudWatch::Alarm", "AWS::CloudWatch::CompositeAlarm")
                            .contains(r.get("Type")))
                    .map(Deployed::properties)
                    .toList();
        }

        private List<String> alarmsNotifying(String topicId) {
            return alarmProperties().stream()
                    .filter(p -> actions(p).contains(topicId))
                    .map(p -> String.valueOf(p.get("AlarmName")))
                    .toList();
        }

        /** The logical ids of the topics an alarm's ALARM actions notify; its OK actions must be the same. */
        private List<String> actions(Map<String, Object> p) {
            List<String> alarm = refs(p.get("AlarmActions"));
            assertThat(refs(p.get("OKActions")))
                    .as("OK actions of %s", p.get("AlarmName"))
                    .isEqualTo(alarm);
            return alarm;
        }

        private List<String> refs(Object actions) {
            List<String> refs = new ArrayList<>();
            if (actions instanceof List<?> list) {
                list.forEach(action -> {
                    String ref = String.valueOf(asMap(action).get("Ref"));
                    refs.add(parameterRefs.getOrDefault(ref, ref));
                });
            }
            return refs;
        }

        private String topic(String labName) {
            return resources.entrySet().stream()
                    .filter(e -> "AWS::SNS::Topic".equals(e.getValue().get("Type")))
                    .filter(e -> names.shared(labName)
                            .equals(properties(e.getValue()).get("TopicName")))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow();
        }

        private String severityTopic(Severity severity) {
            if (!settings.alerting().severityTopics()) {
                return topic(ResourceNames.ALERT_TOPIC);
            }
            return topic(ResourceNames.ALERT_TOPIC
                    + (severity == Severity.CRITICAL ? ResourceNames.CRITICAL_SUFFIX : ResourceNames.WARNING_SUFFIX));
        }

        /** A composite's children, by name, in its rule's order. */
        private List<String> childNames(Map<String, Object> composite) {
            List<String> ids = new ArrayList<>();
            PageModelTest.AlertGraph.collectGetAtts(composite.get("AlarmRule"), ids);
            return ids.stream()
                    .map(id -> String.valueOf(properties(resources.get(id)).get("AlarmName")))
                    .toList();
        }

        /** The values of the threshold lines a graph draws on one axis. */
        private List<Double> thresholdLines(String title, Axis axis) {
            List<Double> values = new ArrayList<>();
            for (Map<String, Object> dashboard : dashboards) {
                for (Object widget : (List<?>) dashboard.get("widgets")) {
                    Map<String, Object> p = asMap(asMap(widget).getOrDefault("properties", Map.of()));
                    if (!title.equals(p.get("title"))) {
                        continue;
                    }
                    Object horizontal =
                            asMap(p.getOrDefault("annotations", Map.of())).get("horizontal");
                    if (horizontal instanceof List<?> lines) {
                        lines.stream()
                                .map(Deployed::asMap)
                                .filter(line ->
                                        axis.name().toLowerCase(Locale.ROOT).equals(line.get("yAxis")))
                                .forEach(line -> values.add(((Number) line.get("value")).doubleValue()));
                    }
                }
            }
            return values;
        }

        private static List<Map<String, Object>> queries(Map<String, Object> p) {
            return p.get("Metrics") instanceof List<?> list
                    ? list.stream().map(Deployed::asMap).toList()
                    : List.of();
        }

        private static Map<String, String> dimensions(Map<String, Object> metric) {
            Map<String, String> dimensions = new LinkedHashMap<>();
            if (metric.get("Dimensions") instanceof List<?> list) {
                list.stream()
                        .map(Deployed::asMap)
                        .forEach(d -> dimensions.put(String.valueOf(d.get("Name")), String.valueOf(d.get("Value"))));
            }
            return dimensions;
        }

        /** The dashboard body with CloudFormation references rendered as {ref}, enough to read it as JSON. */
        private static String dashboardBody(Map<String, Object> dashboard) {
            Object body = dashboard.get("DashboardBody");
            if (body instanceof String text) {
                return text;
            }
            List<?> parts = (List<?>) ((List<?>) asMap(body).get("Fn::Join")).get(1);
            return parts.stream()
                    .map(part -> part instanceof String text ? text : "{ref}")
                    .collect(Collectors.joining());
        }

        private static Map<String, Object> properties(Map<String, Object> resource) {
            return asMap(resource.getOrDefault("Properties", Map.of()));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> asMap(Object value) {
            return (Map<String, Object>) value;
        }
    }
}
