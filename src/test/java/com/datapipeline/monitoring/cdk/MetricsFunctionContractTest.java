package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.catalog.PipelineMetricSet;
import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.contract.MonitoringFunction;
import com.datapipeline.monitoring.metrics.MetricsConfig;
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

/**
 * The app's alarms and dashboard read the contract's metrics, and the configuration the app writes is one
 * DataPipelineMetricsFunction's own parser accepts, with the window its schedule runs at.
 */
class MetricsFunctionContractTest {
    private static TestStacks.Synthesized synthesized;

    @BeforeAll
    static void synthesize() {
        synthesized = TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl,billing-etl"));
    }

    @Test
    void theCatalogsCustomMetricsAreTheContractsInItsNamespaceAndDimension() {
        PipelineMetricSet metrics = PipelineMetricSet.forJob("orders-etl");
        List<Metric> custom = List.of(
                metrics.dataQualityScorePercent(),
                metrics.errorRatePercent(),
                metrics.processingLatencySeconds(),
                metrics.recordsProcessed(),
                metrics.secondsSinceLastSuccess(),
                metrics.longestRunningSeconds(),
                metrics.collectionErrors(),
                metrics.failedRuns(),
                metrics.stuckRuns(),
                metrics.outputAgeSeconds(),
                metrics.breach(),
                metrics.dpuHours(),
                metrics.runCostUsd(),
                metrics.projectedMonthlyCostUsd(),
                metrics.workflowRunFailed(),
                metrics.triggerDeactivated());
        assertThat(custom).extracting(Metric::getNamespace).containsOnly(CustomMetric.NAMESPACE);
        assertThat(custom)
                .extracting(Metric::getDimensions)
                .containsOnly(Map.of(CustomMetric.PIPELINE_DIMENSION, "orders-etl"));
        assertThat(custom)
                .extracting(Metric::getMetricName)
                .containsExactlyElementsOf(List.of(CustomMetric.values()).stream()
                        .map(CustomMetric::metricName)
                        .toList());
    }

    @Test
    void theConfigurationTheAppWritesParsesIntoEveryMonitoredPipeline() {
        MetricsConfig config = MetricsConfig.parse(
                deployedConfiguration(synthesized, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
        assertThat(config.namespace()).isEqualTo(CustomMetric.NAMESPACE);
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::name)
                .containsExactly("orders-etl", "billing-etl");
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::source)
                .containsOnly(MetricsSource.GLUE);
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::outputLogGroup)
                .containsOnly("/aws-glue/jobs/output");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFunctionCountsRunsInTheWindowItsScheduleRunsAt() {
        MetricsConfig config = MetricsConfig.parse(
                deployedConfiguration(synthesized, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
        Map<String, Object> schedule = (Map<String, Object>) synthesized
                .template()
                .findResources("AWS::Events::Rule", Map.of("Properties", Map.of("Name", "DataPipelineMetricsSchedule")))
                .values()
                .iterator()
                .next()
                .get("Properties");
        long minutes = config.interval().toMinutes();
        assertThat(schedule)
                .containsEntry("ScheduleExpression", minutes == 1 ? "rate(1 minute)" : "rate(" + minutes + " minutes)");
        assertThat(config.interval()).hasMinutes(PipelineMetricSet.PERIOD_MINUTES);
    }

    @Test
    void simulateModeReachesTheFunction() {
        TestStacks.Synthesized simulated = TestStacks.synthesize(Map.of("metricsSource", "simulate"));
        MetricsConfig config = MetricsConfig.parse(
                deployedConfiguration(simulated, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::source)
                .containsExactly(MetricsSource.SIMULATE);
    }

    @Test
    void aDataQualityRulesetReachesTheFunctionWithReadAccessToItsResultsOnly() {
        TestStacks.Synthesized withRuleset = TestStacks.synthesize(Map.of(
                "monitoredJobs",
                "[\"orders-etl\", {\"jobName\": \"billing-etl\", \"dataQualityRuleset\": \"billing-checks\"}]"));
        MetricsConfig config = MetricsConfig.parse(
                deployedConfiguration(withRuleset, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::dataQualityRuleset)
                .containsExactly(null, "billing-checks");
        String policies =
                withRuleset.template().findResources("AWS::IAM::Policy").toString();
        assertThat(policies)
                .contains("Action=glue:GetDataQualityResult")
                .contains(":dataQualityRuleset/billing-checks")
                .contains("Action=glue:ListDataQualityResults");
        assertThat(synthesized.template().findResources("AWS::IAM::Policy").toString())
                .as("no Data Quality access without a ruleset")
                .doesNotContain("DataQuality");
        // Added pipelines without detailedMetrics publish Breach only: the ruleset decides its data-quality bit.
        assertThat(config.pipelines())
                .extracting(pipeline -> pipeline.breachThresholds()
                        .orElseThrow()
                        .dataQualityPercent()
                        .isPresent())
                .containsExactly(false, true);
        assertThat(withRuleset.stack().costEstimate().items())
                .filteredOn(item -> item.what().startsWith("Custom metrics"))
                .singleElement()
                .extracting(item -> item.quantity())
                .isEqualTo(2.0);
    }

    @Test
    void anAddedPipelinesThresholdsReachTheFunctionForItsBreachMetric() {
        MetricsConfig config = MetricsConfig.parse(
                deployedConfiguration(synthesized, "DataPipelineMetricsFunction", MonitoringFunction.METRICS));
        MetricsConfig.PipelineConfig orders = config.pipelines().getFirst();
        assertThat(orders.detailedMetrics()).isFalse();
        com.datapipeline.monitoring.metrics.BreachThresholds thresholds =
                orders.breachThresholds().orElseThrow();
        // The signal alarms' own thresholds (cdk.json's defaults), in the measurements' units.
        assertThat(thresholds.durationSeconds()).hasValue(300);
        assertThat(thresholds.stuckSeconds()).hasValue(600);
        assertThat(thresholds.errorRatePercent()).hasValue(2);
        assertThat(thresholds.latencySeconds()).hasValue(180);
        assertThat(thresholds.missedRunSeconds())
                .as("no expectedSuccessEveryMinutes")
                .isEmpty();
        assertThat(thresholds.minRecordsPerSecond()).isEmpty();
        MetricsConfig detailed = MetricsConfig.parse(deployedConfiguration(
                TestStacks.synthesize(Map.of("monitoredJobs", "orders-etl", "detailedMetrics", "true")),
                "DataPipelineMetricsFunction",
                MonitoringFunction.METRICS));
        assertThat(detailed.pipelines().getFirst().detailedMetrics()).isTrue();
        assertThat(detailed.pipelines().getFirst().breachThresholds()).isEmpty();
    }

    /**
     * The function's configuration as it would be deployed: the file in the layer the function has, read
     * from the staged asset, after checking that the function's configuration-file variable names it.
     */
    @SuppressWarnings("unchecked")
    static String deployedConfiguration(
            TestStacks.Synthesized synthesized, String functionName, MonitoringFunction function) {
        Template template = synthesized.template();
        Map<String, Object> properties = (Map<String, Object>) template.findResources(
                        "AWS::Lambda::Function", Map.of("Properties", Map.of("FunctionName", functionName)))
                .values()
                .iterator()
                .next()
                .get("Properties");
        Map<String, Object> variables =
                (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
        assertThat(variables).containsEntry(function.configFileVariable(), function.configFilePath());
        List<Object> layers = (List<Object>) properties.get("Layers");
        assertThat(layers).as("%s has its configuration layer", functionName).hasSize(1);
        String layerId = (String) ((Map<String, Object>) layers.get(0)).get("Ref");
        Map<String, Object> layer = (Map<String, Object>) template.toJSON().entrySet().stream()
                .filter(e -> e.getKey().equals("Resources"))
                .map(e -> ((Map<String, Object>) e.getValue()).get(layerId))
                .findFirst()
                .orElseThrow();
        String s3Key = (String)
                ((Map<String, Object>) ((Map<String, Object>) layer.get("Properties")).get("Content")).get("S3Key");
        String outdir = ((App) synthesized.stack().getNode().getRoot()).synth().getDirectory();
        // Lambda extracts a layer into /opt, so the file's path in the layer is its path below /opt.
        Path inLayer = Path.of("/opt").relativize(Path.of(function.configFilePath()));
        try {
            return Files.readString(
                    Path.of(outdir, "asset." + s3Key.replace(".zip", "")).resolve(inLayer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
