package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.PipelinePlacement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.assertions.Template;

/** Pipelines from a checked-in file: strict validation that names file, entry and field, and a stable placement. */
class PipelinesFileTest {
    @TempDir
    Path dir;

    @Test
    void removingAndAddingPipelinesMovesNoOtherPipelineToAnotherStackOrLogicalId() throws Exception {
        Path file = dir.resolve("pipelines.json");
        List<String> before = jobs(1, 45);
        write(file, before);
        Map<String, String> placedBefore = placement(file);

        List<String> after = new java.util.ArrayList<>(before);
        after.remove("job-20");
        after.add(0, "job-new");
        write(file, after);
        Map<String, String> placedAfter = placement(file);

        for (String job : after) {
            if (!job.equals("job-new")) {
                assertThat(placedAfter.get(job)).as(job).isEqualTo(placedBefore.get(job));
            }
        }
        assertThat(stackOf(placedAfter.get("job-new")))
                .as("takes the room job-20 left")
                .isEqualTo(stackOf(placedBefore.get("job-20")));
        assertThat(Files.readString(PipelinePlacement.fileFor(file)))
                .contains("\"job-new\" : 1")
                .doesNotContain("job-20\"");
    }

    @Test
    void errorsNameTheFileTheEntryAndTheField() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(
                file,
                "{\"pipelines\": [\"orders-etl\", {\"jobName\": \"billing-etl\", \"stuckRunMinutes\": \"soon\"}]}");
        assertThatThrownBy(() -> TestStacks.synthesize(Map.of("pipelinesFile", file.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("pipelines file " + file + ", entry 2 (billing-etl), field 'stuckRunMinutes' is 'soon';"
                        + " allowed: a whole number of minutes from 1 to 10080, or empty");
        Files.writeString(file, "{\"pipelines\": [\"orders-etl\", \"orders-etl\"]}");
        assertThatThrownBy(() -> TestStacks.synthesize(Map.of("pipelinesFile", file.toString())))
                .hasMessageContaining(
                        "entry 2 (orders-etl), field 'jobName' is 'orders-etl'; allowed: each job name once");
        Files.writeString(file, "{\"pipelines\": [{\"jobName\": \"a\", \"schedule\": 5}]}");
        assertThatThrownBy(() -> TestStacks.synthesize(Map.of("pipelinesFile", file.toString())))
                .hasMessageContaining("entry 1 (a), field 'schedule'");
        Files.writeString(file, "{\"pipelines\": [\"a\",]");
        assertThatThrownBy(() -> TestStacks.synthesize(Map.of("pipelinesFile", file.toString())))
                .hasMessageStartingWith("pipelines file " + file + " is not valid JSON");
        assertThatThrownBy(() -> TestStacks.synthesize(
                        Map.of("pipelinesFile", dir.resolve("missing.json").toString())))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> TestStacks.synthesize(Map.of("pipelinesFile", file.toString(), "monitoredJobs", "x")))
                .hasMessageContaining("context key 'pipelinesFile'");
    }

    @Test
    void moreThanTwentyPipelinesInContextKeysAskForAPipelinesFile() {
        assertThatThrownBy(() -> TestStacks.synthesize(Map.of("monitoredJobs", String.join(",", jobs(1, 21)))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at most 20; list more in a pipelines file (pipelinesFile)");
    }

    @Test
    void theCheckedInExampleIsValid() {
        MonitoringStack stack = TestStacks.synthesize(Map.of("pipelinesFile", "pipelines/example.json"))
                .stack();
        assertThat(stack.settings().pipelines()).hasSize(4);
        assertThat(stack.nestedStacks()).hasSize(1);
    }

    /** Each pipeline's nested stack and the logical id of its page there. */
    private static Map<String, String> placement(Path file) throws Exception {
        App app = new App(AppProps.builder()
                .context(Map.of("pipelinesFile", file.toString()))
                .build());
        MonitoringStack stack = MonitoringApp.build(app, TestStacks.placeholderArtifacts(), TestStacks.PROJECT_ROOT);
        String outdir = app.synth().getDirectory();
        Map<String, String> placed = new HashMap<>();
        for (NestedStack nested : stack.nestedStacks()) {
            Template template = Template.fromString(Files.readString(Path.of(outdir, nested.getTemplateFile())));
            template.findResources("AWS::CloudWatch::Alarm").forEach((id, alarm) -> {
                String name = String.valueOf(((Map<?, ?>) alarm.get("Properties")).get("AlarmName"));
                if (name.startsWith("PipelineUnhealthyAlarm-")) {
                    placed.put(
                            name.substring("PipelineUnhealthyAlarm-".length()),
                            nested.getNode().getId() + "/" + id);
                }
            });
        }
        return placed;
    }

    private static String stackOf(String placed) {
        return placed.substring(0, placed.indexOf('/'));
    }

    private static void write(Path file, List<String> jobs) throws Exception {
        Files.writeString(
                file,
                "{\"pipelines\": ["
                        + jobs.stream().map(job -> "\"" + job + "\"").collect(Collectors.joining(",")) + "]}");
    }

    private static List<String> jobs(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "job-" + i).toList();
    }
}
