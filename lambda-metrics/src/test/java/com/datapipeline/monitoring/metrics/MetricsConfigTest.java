package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.CustomMetric;
import com.datapipeline.monitoring.contract.MetricsSource;
import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsConfigTest {
    /** The start of a configuration with the two windows the app always sends. */
    private static final String WINDOWS = "{\"lookbackMinutes\":60,\"intervalMinutes\":5,";

    private static final String CDK_EXAMPLE = """
            {"namespace":"DataPipelineMetrics","lookbackMinutes":1440,"intervalMinutes":5,"pipelines":[
              {"name":"sample-etl-job","jobName":"sample-etl-job","source":"glue",
               "outputLogGroup":"/aws-glue/jobs/output","dataQualityRuleset":null,"expectedSuccessEveryMinutes":null},
              {"name":"demo","jobName":"demo","source":"simulate"}]}""";

    @Test
    void parsesTheConfigTheCdkAppWrites() {
        MetricsConfig config = MetricsConfig.parse(CDK_EXAMPLE);

        assertThat(config.namespace()).isEqualTo("DataPipelineMetrics");
        assertThat(config.lookbackMinutes()).isEqualTo(1440);
        assertThat(config.intervalMinutes()).isEqualTo(5);
        assertThat(config.pipelines())
                .containsExactly(
                        new PipelineConfig(
                                "sample-etl-job",
                                "sample-etl-job",
                                MetricsSource.GLUE,
                                "/aws-glue/jobs/output",
                                null,
                                null),
                        new PipelineConfig("demo", "demo", MetricsSource.SIMULATE, null, null, null));
    }

    @Test
    void appliesDefaultsForOmittedSettings() {
        MetricsConfig config = MetricsConfig.parse("""
                {"lookbackMinutes":60,"intervalMinutes":15,"pipelines":[{"name":"orders","jobName":"orders-etl",
                  "source":"glue","dataQualityRuleset":"orders-rules","expectedSuccessEveryMinutes":60}]}""");

        assertThat(config.namespace()).isEqualTo(CustomMetric.NAMESPACE);
        assertThat(config.interval()).hasMinutes(15);
        assertThat(config.pipelines().getFirst().dataQualityRuleset()).isEqualTo("orders-rules");
        assertThat(config.pipelines().getFirst().expectedSuccessEveryMinutes()).isEqualTo(60);
        assertThat(config.pipelines().getFirst().outputLogGroup()).isNull();
    }

    @Test
    void simulatedPipelineWithoutJobNameUsesItsName() {
        MetricsConfig config =
                MetricsConfig.parse(WINDOWS + "\"pipelines\":[{\"name\":\"demo\",\"source\":\"simulate\"}]}");
        assertThat(config.pipelines().getFirst().jobName()).isEqualTo("demo");
    }

    @Test
    void aPricePerDpuHourIsReadAndItsAbsenceIsNull() {
        MetricsConfig config = MetricsConfig.parse(WINDOWS
                + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"pricePerDpuHour\":0.44},"
                + "{\"name\":\"b\",\"source\":\"simulate\"}]}");
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::pricePerDpuHour)
                .containsExactly(0.44, null);
    }

    @Test
    void aWorkflowStageIsReadWithItsStuckMinutesAndItsAbsenceIsNull() {
        MetricsConfig config = MetricsConfig.parse(WINDOWS
                + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"workflowName\":\"orders-daily\","
                + "\"workflowStuckMinutes\":120},{\"name\":\"b\",\"source\":\"simulate\"}]}");
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::workflow)
                .containsExactly(new WorkflowWatch("orders-daily", java.time.Duration.ofMinutes(120)), null);
    }

    @Test
    void triggerStagesAreReadAsAListAndTheirAbsenceIsEmpty() {
        MetricsConfig config = MetricsConfig.parse(WINDOWS
                + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"triggerNames\":[\"t1\",\"t2\"]},"
                + "{\"name\":\"b\",\"source\":\"simulate\"}]}");
        assertThat(config.pipelines())
                .extracting(MetricsConfig.PipelineConfig::triggers)
                .containsExactly(java.util.List.of("t1", "t2"), java.util.List.of());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                WINDOWS + "\"pipelines\":[]}                                                   | pipelines",
                WINDOWS + "\"namespace\":\"X\"}                                                | pipelines",
                WINDOWS + "\"pipelines\":[{\"jobName\":\"j\",\"source\":\"glue\"}]}            | pipelines[0].name",
                WINDOWS + "\"pipelines\":[{\"name\":7,\"source\":\"glue\"}]}                   | pipelines[0].name",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"kinesis\"}]}            | pipelines[0].source",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\"}]}                                   | pipelines[0].source",
                WINDOWS
                        + "\"pipelines\":[{\"name\":\"a\",\"source\":\"glue\",\"jobName\":\" \"}]} | pipelines[0].jobName",
                "{\"intervalMinutes\":5,\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]}  | 'lookbackMinutes' is missing",
                "{\"lookbackMinutes\":60,\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]} | 'intervalMinutes' is missing",
                "{\"lookbackMinutes\":0,\"intervalMinutes\":5,\"pipelines\":[]}                 | lookbackMinutes",
                "{\"lookbackMinutes\":\"1d\",\"intervalMinutes\":5,\"pipelines\":[]}              | lookbackMinutes",
                "{\"lookbackMinutes\":60,\"intervalMinutes\":2.5,\"pipelines\":[]}              | intervalMinutes",
                "{\"lookbackMinutes\":4,\"intervalMinutes\":5,\"pipelines\":[]}                 | intervalMinutes",
                WINDOWS + "\"namespace\":\"\",\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]} | namespace",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"expectedSuccessEveryMinutes\":-1}]}"
                        + " | pipelines[0].expectedSuccessEveryMinutes",
                WINDOWS
                        + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"},{\"name\":\"a\",\"source\":\"simulate\"}]}"
                        + " | pipelines[1].name",
                WINDOWS + "\"pipelines\":[\"a\"]}                                              | pipelines[0]",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"pricePerDpuHour\":0}]}"
                        + " | pipelines[0].pricePerDpuHour",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"pricePerDpuHour\":\"0.44\"}]}"
                        + " | pipelines[0].pricePerDpuHour",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"pricePerDpuHour\":0.44,"
                        + "\"monthlyBudgetUsd\":0}]} | pipelines[0].monthlyBudgetUsd",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"pricePerDpuHour\":0.44,"
                        + "\"monthlyBudgetUsd\":-5}]} | pipelines[0].monthlyBudgetUsd",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"pricePerDpuHour\":0.44,"
                        + "\"monthlyBudgetUsd\":\"100\"}]} | pipelines[0].monthlyBudgetUsd",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"monthlyBudgetUsd\":100}]}"
                        + " | needs pricePerDpuHour",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"workflowName\":\"w\"}]}"
                        + " | 'pipelines[0].workflowStuckMinutes' is missing",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"workflowName\":\"w\","
                        + "\"workflowStuckMinutes\":0}]} | pipelines[0].workflowStuckMinutes",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"workflowStuckMinutes\":5}]}"
                        + " | needs workflowName",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"workflowName\":\" \","
                        + "\"workflowStuckMinutes\":5}]} | pipelines[0].workflowName",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"triggerNames\":\"t\"}]}"
                        + " | 'pipelines[0].triggerNames' must be a list",
                WINDOWS + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"triggerNames\":[\" \"]}]}"
                        + " | 'pipelines[0].triggerNames[0]' must be a non-blank string",
                WINDOWS
                        + "\"lookbackMinute\":60,\"pipelines\":[]}                             | 'lookbackMinute' is not a known setting",
                WINDOWS
                        + "\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"ruleset\":\"r\"}]} | 'pipelines[0].ruleset' is not a known setting",
            })
    void invalidConfigIsRejectedNamingTheField(String json, String field) {
        assertThatThrownBy(() -> MetricsConfig.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PIPELINES_CONFIG field '")
                .hasMessageContaining(field);
    }

    @Test
    void malformedJsonIsRejectedAsNotAJsonObject() {
        assertThatThrownBy(() -> MetricsConfig.parse("{\"pipelines\":["))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PIPELINES_CONFIG");
        assertThatThrownBy(() -> MetricsConfig.parse(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PIPELINES_CONFIG");
    }
}
