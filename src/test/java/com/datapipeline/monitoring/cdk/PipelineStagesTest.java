package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.datapipeline.monitoring.cdk.config.MonitoredPipeline;
import com.datapipeline.monitoring.cdk.config.PipelineStages;
import com.datapipeline.monitoring.cdk.config.PipelineStages.GlueTable;
import com.datapipeline.monitoring.cdk.config.PipelineStages.Kind;
import com.datapipeline.monitoring.cdk.config.PipelineStages.S3Prefix;
import com.datapipeline.monitoring.cdk.config.PipelineStages.Stage;
import com.datapipeline.monitoring.cdk.context.SettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A pipeline as a named set of stages in the pipelines file: read in order, validated with one-line errors. */
class PipelineStagesTest {
    @TempDir
    Path dir;

    @Test
    void theExampleFileReadsEveryStageInOrderAndTheOutput() {
        List<MonitoredPipeline> pipelines = SettingsReader.read(
                        Map.of("pipelinesFile", "pipelines/stages-example.json"))
                .pipelines();
        PipelineStages orders = pipelines.get(0).stages();
        assertThat(orders.order())
                .containsExactly(
                        new Stage(Kind.CRAWLER, "orders-raw-crawler"),
                        new Stage(Kind.WORKFLOW, "orders-daily"),
                        new Stage(Kind.JOB, "orders-etl"),
                        new Stage(Kind.CRAWLER, "orders-curated-crawler"),
                        new Stage(Kind.DATA_QUALITY_RULESET, "orders-checks"));
        assertThat(orders.named(Kind.CRAWLER)).containsExactly("orders-raw-crawler", "orders-curated-crawler");
        assertThat(orders.output().orElseThrow().location()).isEqualTo(new GlueTable("curated", "orders"));
        assertThat(orders.output().orElseThrow().freshWithinMinutes()).isEqualTo(OptionalInt.of(1500));
        assertThat(pipelines.get(1).stages())
                .as("a job-only entry keeps working unchanged")
                .isEqualTo(PipelineStages.NONE);
        assertThat(pipelines.get(1).stages().declared()).isFalse();
    }

    @Test
    void anS3PrefixOutputNeedsNoStages() throws Exception {
        PipelineStages stages =
                only("{\"jobName\": \"a\", \"output\": {\"s3Prefix\": \"s3://my-bucket/curated/orders/\"}}");
        assertThat(stages.order()).isEmpty();
        assertThat(stages.output().orElseThrow().location()).isEqualTo(new S3Prefix("my-bucket", "curated/orders/"));
        assertThat(stages.output().orElseThrow().freshWithinMinutes()).isEmpty();
        assertThat(stages.declared()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"jobName\": \"a\", \"stages\": []}"
                        + "|field 'stages' is '[]'; allowed: a non-empty list of one-key objects such as {\"crawler\": \"raw-orders\"}, in the order the stages run",
                "{\"jobName\": \"a\", \"stages\": [{\"crawler\": \"c\"}]}"
                        + "|field 'stages' is '[{crawler=c}]'; allowed: the pipeline's own job {\"job\": \"a\"} once, where it runs in the chain (list other jobs as pipelines of their own)",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\"}, {\"job\": \"b\"}]}"
                        + "|allowed: the pipeline's own job {\"job\": \"a\"} once",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\"}, {\"lambda\": \"x\"}]}"
                        + "|field 'stages' is 'lambda'; allowed: a stage kind of [job, crawler, workflow, trigger, dataQualityRuleset, stateMachine]",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\", \"crawler\": \"c\"}]}"
                        + "|allowed: one-key objects such as {\"crawler\": \"raw-orders\"}; keys [job, crawler, workflow, trigger, dataQualityRuleset, stateMachine]",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\"}, {\"crawler\": \"c\"}, {\"crawler\": \"c\"}]}"
                        + "|field 'stages' is 'crawler c'; allowed: each stage once",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\"}, {\"workflow\": \"w1\"}, {\"workflow\": \"w2\"}]}"
                        + "|allowed: at most one workflow and one state machine",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\"}, {\"crawler\": \"c1\"}, {\"crawler\": \"c2\"}, {\"crawler\": \"c3\"},"
                        + " {\"crawler\": \"c4\"}, {\"crawler\": \"c5\"}, {\"crawler\": \"c6\"}, {\"crawler\": \"c7\"}, {\"crawler\": \"c8\"},"
                        + " {\"crawler\": \"c9\"}, {\"crawler\": \"c10\"}, {\"crawler\": \"c11\"}]}"
                        + "|field 'stages' is '11 crawler stages'; allowed: at most 10 per pipeline",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\"}, {\"stateMachine\": \"has space\"}]}"
                        + "|field 'stages' is 'stateMachine has space'; allowed: a state machine name of 1-80 characters without spaces or special characters",
                "{\"jobName\": \"a\", \"stages\": [{\"job\": \"a\"}, {\"crawler\": 7}]}"
                        + "|field 'stages' is 'crawler 7'; allowed: a Glue crawler name of 1-255 characters on one line",
                "{\"jobName\": \"a\", \"output\": {\"glueTable\": \"orders\"}}"
                        + "|field 'output.glueTable' is 'orders'; allowed: \"database.table\"",
                "{\"jobName\": \"a\", \"output\": {\"s3Prefix\": \"s3://B/x\"}}"
                        + "|field 'output.s3Prefix' is 's3://B/x'; allowed: \"s3://bucket/prefix/\" with a valid bucket name",
                "{\"jobName\": \"a\", \"output\": {\"glueTable\": \"d.t\", \"s3Prefix\": \"s3://bucket/x/\"}}"
                        + "|allowed: exactly one of glueTable (\"database.table\") or s3Prefix (\"s3://bucket/prefix/\")",
                "{\"jobName\": \"a\", \"output\": {\"glueTable\": \"d.t\", \"freshWithinMinutes\": 0}}"
                        + "|field 'output.freshWithinMinutes' is '0'; allowed: whole minutes from 1 to 40320 (28 days)",
                "{\"jobName\": \"a\", \"output\": {\"glueTable\": \"d.t\", \"maxAge\": 5}}"
                        + "|field 'output' is 'maxAge'; allowed: only the keys [freshObjectivePercent, freshWithinMinutes, glueTable, s3Prefix]",
                "{\"jobName\": \"a\", \"output\": {\"glueTable\": \"d.t\", \"freshObjectivePercent\": 99}}"
                        + "|field 'output.freshObjectivePercent' is '99'; allowed: a percent from 50 to 99.99, with freshWithinMinutes",
                "{\"jobName\": \"a\", \"output\": {\"glueTable\": \"d.t\", \"freshWithinMinutes\": 60, \"freshObjectivePercent\": 100}}"
                        + "|field 'output.freshObjectivePercent' is '100'; allowed: a percent from 50 to 99.99, with freshWithinMinutes",
            })
    void badStagesOrOutputGiveOneLineThatNamesTheEntryAndField(String entry, String expected) throws Exception {
        Path file = write(entry);
        assertThatThrownBy(() -> SettingsReader.read(Map.of("pipelinesFile", file.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("pipelines file " + file + ", entry 1 (a), field '")
                .hasMessageContaining(expected)
                .satisfies(error -> assertThat(error.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aCrawlerListedByTwoPipelinesIsRejectedNamingTheFirst() throws Exception {
        Path file = write("{\"jobName\": \"a\", \"stages\": [{\"crawler\": \"raw\"}, {\"job\": \"a\"}]},"
                + " {\"jobName\": \"b\", \"stages\": [{\"crawler\": \"raw\"}, {\"job\": \"b\"}]}");
        assertThatThrownBy(() -> SettingsReader.read(Map.of("pipelinesFile", file.toString())))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("pipelines file " + file + ", entry 2 (b), field 'stages' is 'crawler raw'; allowed: a"
                        + " crawler no other pipeline lists (a lists it; list it once, in the pipeline whose page its"
                        + " failure should raise)");
    }

    @Test
    void theSampleIsAChainOfJobTriggerCrawlerAndRulesetWithItsOutputTable() {
        PipelineStages sample = SettingsReader.read(Map.of()).pipelines().get(0).stages();
        assertThat(sample.order())
                .extracting(stage -> stage.kind().key() + " " + stage.name())
                .containsExactly(
                        "job sample-etl-job",
                        "trigger sample-etl-job-crawl-on-success",
                        "crawler sample-etl-job-output-crawler",
                        "dataQualityRuleset sample-etl-job-output-checks");
        assertThat(sample.output().orElseThrow().location())
                .isEqualTo(new PipelineStages.GlueTable("monitoring_lab_db", "records"));
        // Without an expectation of success the age is measured but nothing alarms: a fresh deploy does not page.
        assertThat(sample.output().orElseThrow().freshWithinMinutes()).isEmpty();
        assertThat(SettingsReader.read(Map.of(
                                "expectedSuccessEveryMinutes", 1440, "missedRunGraceFactor", 1.5, "prefix", "team1-"))
                        .pipelines()
                        .get(0)
                        .stages()
                        .output()
                        .orElseThrow())
                .isEqualTo(new PipelineStages.Output(
                        new PipelineStages.GlueTable("team1_monitoring_lab_db", "records"), OptionalInt.of(2160)));
    }

    private PipelineStages only(String entry) throws Exception {
        return SettingsReader.read(Map.of("pipelinesFile", write(entry).toString()))
                .pipelines()
                .get(0)
                .stages();
    }

    private Path write(String entry) throws Exception {
        Path file = dir.resolve("pipelines.json");
        Files.writeString(file, "{\"pipelines\": [" + entry + "]}");
        return file;
    }
}
