package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.DeploymentSummary.Facts;
import com.datapipeline.monitoring.cdk.DeploymentSummary.TemplateFile;
import com.datapipeline.monitoring.cdk.cost.MonthlyCostEstimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

/** The summary `make` prints fits one screen for 1 and for 500 pipelines; every name goes to the details file. */
class DeploymentSummaryTest {
    /** One screen: lines and characters per line. */
    private static final int SCREEN_LINES = 24;

    private static final int SCREEN_COLUMNS = 100;

    private static Facts onePipeline;

    @BeforeAll
    static void synthesize() {
        // Below the working directory, as cdk.out is, so the summary shows a relative path.
        Path outdir = Path.of("target", "summary-test.out");
        App app = new App(AppProps.builder().outdir(outdir.toString()).build());
        MonitoringStack stack = MonitoringApp.build(app, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
        app.synth();
        onePipeline = DeploymentSummary.facts(stack, outdir);
    }

    @Test
    void onePipelineSummaryFitsOneScreenAndEndsWithTheNextCommand() {
        String summary = DeploymentSummary.summary(onePipeline);
        assertFitsOneScreen(summary);
        assertThat(summary)
                .contains("Pipelines      1: sample-etl-job")
                .containsPattern("Alarms         \\d+ \\(")
                .contains("Templates      " + onePipeline.templates().get(0).path())
                .contains("Monthly cost   about $")
                .contains(MonitoringApp.DETAILS_FILE);
        assertThat(summary.lines().toList()).last().isEqualTo(DeploymentSummary.NEXT_COMMAND);
    }

    @Test
    void resourceCountsComeFromTheSynthesizedTemplate() {
        assertThat(onePipeline.templates()).hasSize(1);
        assertThat(onePipeline.resourcesByType()).containsKey("AWS::CloudWatch::Alarm");
        assertThat(onePipeline.resources()).isGreaterThan(onePipeline.alarms().size());
    }

    @Test
    void fiveHundredPipelinesStillFitOneScreenWithCountsAndTheNestedStacks() {
        Facts facts = fiveHundredPipelines();
        String summary = DeploymentSummary.summary(facts);
        assertFitsOneScreen(summary);
        assertThat(summary)
                .contains("Pipelines      500: job-1, job-2, job-3 and 497 more")
                .contains("Alarms         5,002 (")
                .contains("cdk.out/DataPipelineMonitoringStack.template.json, 25 nested stacks beside it")
                .contains("Resources      5,584: 5,002 Alarm, 500 CompositeAlarm, 50 Rule, ...");
        assertThat(summary.lines().toList()).last().isEqualTo(DeploymentSummary.NEXT_COMMAND);
    }

    @Test
    void longValuesWrapUnderTheirLabel() {
        Facts facts = fiveHundredPipelines();
        List<String> topics = IntStream.rangeClosed(1, 4)
                .mapToObj(i -> "a-long-team-prefix-data-pipeline-topic-" + i)
                .toList();
        String summary = DeploymentSummary.summary(new Facts(
                facts.stackName(),
                null,
                facts.jobs(),
                facts.alarms(),
                topics,
                facts.dashboard(),
                facts.functions(),
                facts.schedule(),
                facts.savedQueries(),
                facts.templates(),
                facts.cost(),
                facts.outdir(),
                facts.muteWindows()));
        assertFitsOneScreen(summary);
        assertThat(summary)
                .contains("  SNS topics     4: a-long-team-prefix-data-pipeline-topic-1,\n                 a-long");
    }

    @Test
    void detailsFileListsEveryPipelineAndAlarm() {
        Facts facts = fiveHundredPipelines();
        String details = DeploymentSummary.details(facts);
        assertThat(details)
                .contains("  job-500\n")
                .contains("  alarm-5002\n")
                .contains("cdk.out/Nested25.nested.template.json (222 resources)");
    }

    private static void assertFitsOneScreen(String summary) {
        List<String> lines = summary.lines().toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(SCREEN_LINES);
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(SCREEN_COLUMNS));
    }

    /** The shape of a 500-pipeline synth, without the minutes it takes: a parent and 25 nested stacks. */
    private static Facts fiveHundredPipelines() {
        List<String> jobs =
                IntStream.rangeClosed(1, 500).mapToObj(i -> "job-" + i).toList();
        List<String> alarms =
                IntStream.rangeClosed(1, 5002).mapToObj(i -> "alarm-" + i).toList();
        List<TemplateFile> templates = new ArrayList<>();
        templates.add(new TemplateFile(
                "cdk.out/DataPipelineMonitoringStack.template.json",
                Map.of(
                        "AWS::CloudWatch::Alarm",
                        2,
                        "AWS::IAM::Role",
                        4,
                        "AWS::CloudFormation::Stack",
                        25,
                        "AWS::SNS::Topic",
                        3)));
        for (int i = 1; i <= 25; i++) {
            templates.add(new TemplateFile(
                    "cdk.out/Nested" + i + ".nested.template.json",
                    Map.of(
                            "AWS::CloudWatch::Alarm",
                            200,
                            "AWS::CloudWatch::CompositeAlarm",
                            20,
                            "AWS::Events::Rule",
                            2)));
        }
        MonthlyCostEstimate cost = new MonthlyCostEstimate(
                List.of(new MonthlyCostEstimate.Item("Alarms", 5002, "alarms", 500.2)), List.of());
        return new Facts(
                "DataPipelineMonitoringStack",
                null,
                jobs,
                alarms,
                List.of("data-pipeline-alerts", "data-pipeline-monitoring-health", "data-pipeline-remediation"),
                "DataPipelineMonitoring",
                List.of("DataPipelineMetricsFunction (glue metrics)", "AlarmResponseFunction (remediation on)"),
                "DataPipelineMetricsSchedule (every 5 minutes)",
                List.of("a", "b", "c"),
                templates,
                cost,
                "cdk.out",
                List.of());
    }
}
