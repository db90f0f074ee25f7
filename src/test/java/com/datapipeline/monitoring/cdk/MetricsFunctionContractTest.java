package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.metrics.MetricNames;
import com.datapipeline.monitoring.metrics.MetricsConfig;
import com.datapipeline.monitoring.metrics.PipelineMetric;
import com.datapipeline.monitoring.cdk.functions.JavaFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.cloudwatch.Metric;

/** The app's alarms and dashboard read exactly what DataPipelineMetricsFunction writes, as it is configured. */
class MetricsFunctionContractTest {
    private static TestStacks.Synthesized synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl,billing-etl"));
    }

    @Test
    void customMetricsUseTheFunctionsNamespaceDimensionAndNames() {
        PipelineMetricSet metrics = PipelineMetricSet.forJob("orders-etl");
        List<Metric> custom = List.of(metrics.dataQualityScorePercent(), metrics.errorRatePercent(),
                metrics.processingLatencySeconds(), metrics.recordsProcessed());
        assertThat(custom).extracting(Metric::getNamespace).containsOnly(MetricNames.NAMESPACE);
        assertThat(custom).extracting(Metric::getDimensions)
                .containsOnly(Map.of(MetricNames.DIMENSION_PIPELINE, "orders-etl"));
        assertThat(custom).extracting(Metric::getMetricName).containsExactly(
                MetricNames.DATA_QUALITY_SCORE, MetricNames.ERROR_RATE,
                MetricNames.PROCESSING_LATENCY, MetricNames.RECORDS_PROCESSED);
    }

    @Test
    void alarmedMetricsArePublishedInTheUnitsTheThresholdsAssume() {
        assertThat(PipelineMetric.valueOf("DATA_QUALITY_SCORE").unit()).isEqualTo("Percent");
        assertThat(PipelineMetric.valueOf("ERROR_RATE").unit()).isEqualTo("Percent");
        assertThat(PipelineMetric.valueOf("PROCESSING_LATENCY").unit()).isEqualTo("Seconds");
        assertThat(PipelineMetric.valueOf("RECORDS_PROCESSED").unit()).isEqualTo("Count");
    }

    @Test
    void theConfigurationTheAppWritesParsesIntoEveryMonitoredPipeline() {
        MetricsConfig config = MetricsConfig.parse(deployedConfiguration("DataPipelineMetricsFunction", "PIPELINES_CONFIG"));
        assertThat(config.namespace()).isEqualTo(MetricNames.NAMESPACE);
        assertThat(config.pipelines()).extracting(MetricsConfig.PipelineConfig::name)
                .containsExactly("orders-etl", "billing-etl");
        assertThat(config.pipelines()).extracting(MetricsConfig.PipelineConfig::source)
                .containsOnly(MetricsConfig.Source.GLUE);
        assertThat(config.pipelines()).extracting(MetricsConfig.PipelineConfig::outputLogGroup)
                .containsOnly("/aws-glue/jobs/output");
    }

    @Test
    void simulateModeReachesTheFunction() {
        TestStacks.Synthesized simulated = TestStacks.synthesize(Map.of("metricsSource", "simulate"));
        MetricsConfig config = MetricsConfig.parse(deployedConfiguration(simulated, "DataPipelineMetricsFunction",
                "PIPELINES_CONFIG"));
        assertThat(config.pipelines()).extracting(MetricsConfig.PipelineConfig::source)
                .containsExactly(MetricsConfig.Source.SIMULATE);
    }

    @Test
    void aDataQualityRulesetReachesTheFunctionWithReadAccessToItsResultsOnly() {
        TestStacks.Synthesized withRuleset = TestStacks.synthesize(Map.of("monitoredJobs",
                "[\"orders-etl\", {\"jobName\": \"billing-etl\", \"dataQualityRuleset\": \"billing-checks\"}]"));
        MetricsConfig config = MetricsConfig.parse(deployedConfiguration(withRuleset, "DataPipelineMetricsFunction",
                "PIPELINES_CONFIG"));
        assertThat(config.pipelines()).extracting(MetricsConfig.PipelineConfig::dataQualityRuleset)
                .containsExactly(null, "billing-checks");
        String policies = withRuleset.template().findResources("AWS::IAM::Policy").toString();
        assertThat(policies)
                .contains("Action=glue:GetDataQualityResult")
                .contains(":dataQualityRuleset/billing-checks")
                .contains("Action=glue:ListDataQualityResults");
        assertThat(synthesized.template().findResources("AWS::IAM::Policy").toString())
                .as("no Data Quality access without a ruleset").doesNotContain("DataQuality");
        assertThat(withRuleset.stack().costEstimate().items())
                .filteredOn(item -> item.what().startsWith("Custom metrics")).singleElement()
                .extracting(item -> item.quantity()).isEqualTo(13.0);
    }

    private static String deployedConfiguration(String functionName, String variable) {
        return deployedConfiguration(synthesized, functionName, variable);
    }

    /**
     * The function's configuration as it would be deployed: the file in the layer the function has, read
     * from the staged asset, after checking that the function's {@code <variable>_FILE} names it.
     */
    @SuppressWarnings("unchecked")
    static String deployedConfiguration(TestStacks.Synthesized synthesized, String functionName, String variable) {
        Template template = synthesized.template();
        Map<String, Object> properties = (Map<String, Object>) template.findResources("AWS::Lambda::Function",
                Map.of("Properties", Map.of("FunctionName", functionName))).values().iterator().next().get("Properties");
        Map<String, Object> variables = (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
        String fileName = JavaFunction.configFileName(variable);
        assertThat(variables).containsEntry(variable + "_FILE", JavaFunction.CONFIG_MOUNT + fileName);
        List<Object> layers = (List<Object>) properties.get("Layers");
        assertThat(layers).as("%s has its configuration layer", functionName).hasSize(1);
        String layerId = (String) ((Map<String, Object>) layers.get(0)).get("Ref");
        Map<String, Object> layer = (Map<String, Object>) template.toJSON().entrySet().stream()
                .filter(e -> e.getKey().equals("Resources")).map(e -> ((Map<String, Object>) e.getValue()).get(layerId))
                .findFirst().orElseThrow();
        String s3Key = (String) ((Map<String, Object>) ((Map<String, Object>) layer.get("Properties")).get("Content")).get("S3Key");
        String outdir = ((App) synthesized.stack().getNode().getRoot()).synth().getDirectory();
        try {
            return Files.readString(Path.of(outdir, "asset." + s3Key.replace(".zip", ""), "monitoring", fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
