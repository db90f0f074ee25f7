package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.checks.DeployLimits;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.assertions.Template;

/**
 * 500 pipelines from a pipelines file synthesize into nested stacks and respect every limit {@link DeployLimits}
 * checks: template size, resources, outputs and parameters per stack, dashboard widgets, name lengths, policy sizes,
 * rules per event bus.
 */
class ScaleTest {
    private static final int PIPELINES = 500;
    private static MonitoringStack stack;
    private static Template parent;
    private static App app;

    @TempDir
    static Path files;

    @BeforeAll
    static void synthesize() throws Exception {
        Path pipelines = files.resolve("pipelines.json");
        Files.writeString(
                pipelines,
                "{\"pipelines\": ["
                        + IntStream.rangeClosed(1, PIPELINES)
                                .mapToObj(i -> "\"job-" + i + "\"")
                                .collect(Collectors.joining(","))
                        + "]}");
        app = new App(AppProps.builder()
                .context(Map.of("pipelinesFile", pipelines.toString()))
                .build());
        stack = MonitoringApp.build(app, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
        parent = Template.fromStack(stack);
    }

    @Test
    void pipelinesGoIntoNestedStacksOfTwentyAndEveryStackStaysUnderTheLimit() throws Exception {
        assertThat(stack.nestedStacks()).hasSize(PIPELINES / MonitoringStack.PIPELINES_PER_NESTED_STACK);
        // No per-pipeline resource in the parent: about a hundred shared ones whatever the pipeline count.
        assertThat(resources(parent)).isLessThan(110);
        String outdir = app.synth().getDirectory();
        for (NestedStack nested : stack.nestedStacks()) {
            String json = Files.readString(Path.of(outdir, nested.getTemplateFile()));
            Template template = Template.fromString(json);
            assertThat(resources(template)).as(nested.getNode().getId()).isBetween(20, 499);
            // Per pipeline its one-alarm page; per nested stack its dead-letter alarm and the delivery alarms of its
            // three Glue event rules (failed runs, history, and the successes that resolve the function's pages; one
            // set of rules serves all its pipelines).
            assertThat(template.findResources("AWS::CloudWatch::Alarm"))
                    .hasSize(MonitoringStack.PIPELINES_PER_NESTED_STACK + 4);
            assertThat(template.findResources("AWS::Events::Rule")).hasSize(3);
        }
    }

    @Test
    void theResponseFunctionSetsTheStateOfNoOneAlarmPage() {
        // A metric alarm returns to its computed state within seconds of SetAlarmState: the function may not set it.
        assertThat(parent.toJSON().toString()).doesNotContain("cloudwatch:SetAlarmState");
    }

    @Test
    void fiveHundredPipelinesRespectEveryDeployLimit() {
        assertThat(DeployLimits.check(Path.of(app.synth().getDirectory()))).isEmpty();
    }

    @Test
    void contextKeyConfigurationsStayFlat() {
        assertThat(TestStacks.synthesize(Map.of("monitoredJobs", "a,b,c"))
                        .stack()
                        .nestedStacks())
                .isEmpty();
        assertThat(TestStacks.synthesize(Map.of()).template().findResources("AWS::CloudFormation::Stack"))
                .isEmpty();
    }

    @Test
    void eachNestedStackHasADashboardPageAndTheMainDashboardLinksThem() {
        String overview = DashboardTest.dashboardBody(parent);
        for (NestedStack nested : stack.nestedStacks()) {
            assertThat(overview)
                    .contains("#dashboards:name=DataPipelineMonitoring-"
                            + nested.getNode().getId());
        }
        assertThat(overview).doesNotContain("\"title\":\"ETL Job Duration");
        assertThat(overview).contains(":alarm:PipelineUnhealthyAlarm-job-500\"");
    }

    @Test
    void theMainDashboardShowsEveryPipelinesPageAndTheHealthAlarmsInWidgetsOfAtMostAHundred() {
        String body = DashboardTest.dashboardBody(parent);
        int widgets = body.split("\"type\":\"alarm\"", -1).length - 1;
        // One page per pipeline; the parent's twelve health alarms (with the Glue run quota's and the guard of the
        // function's pages) and the health page.
        int alarms = PIPELINES + 13;
        assertThat(widgets).isEqualTo((alarms + 99) / 100);
        assertThat(body.split(":alarm:", -1)).hasSize(alarms + 1);
        assertThat(stack.alarmNames())
                .hasSize(PIPELINES + 13 + 5 * (PIPELINES / MonitoringStack.PIPELINES_PER_NESTED_STACK));
    }

    @Test
    void theFunctionsStillSeeEveryPipeline() {
        assertThat(MetricsFunctionContractTest.deployedConfiguration(
                        new TestStacks.Synthesized(stack, parent),
                        "DataPipelineMetricsFunction",
                        MonitoringFunction.METRICS))
                .contains("\"job-500\"");
        assertThat(MetricsFunctionContractTest.deployedConfiguration(
                        new TestStacks.Synthesized(stack, parent),
                        "AlarmResponseFunction",
                        MonitoringFunction.ALARM_RESPONSE))
                .contains("glue-job-state:job-500");
    }

    private static int resources(Template template) {
        return ((Map<?, ?>) template.toJSON().get("Resources")).size();
    }
}
