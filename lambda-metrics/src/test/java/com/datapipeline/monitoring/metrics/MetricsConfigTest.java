package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.metrics.MetricsConfig.PipelineConfig;
import com.datapipeline.monitoring.metrics.MetricsConfig.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsConfigTest {

    private static final String CDK_EXAMPLE = """
            {"namespace":"DataPipelineMetrics","lookbackMinutes":1440,"pipelines":[
              {"name":"sample-etl-job","jobName":"sample-etl-job","source":"glue",
               "outputLogGroup":"/aws-glue/jobs/output","dataQualityRuleset":null,"expectedSuccessEveryMinutes":null},
              {"name":"demo","jobName":"demo","source":"simulate"}]}""";

    @Test
    void parsesTheConfigTheCdkAppWrites() {
        MetricsConfig config = MetricsConfig.parse(CDK_EXAMPLE);

        assertThat(config.namespace()).isEqualTo("DataPipelineMetrics");
        assertThat(config.lookbackMinutes()).isEqualTo(1440);
        assertThat(config.intervalMinutes()).isEqualTo(MetricsConfig.DEFAULT_INTERVAL_MINUTES);
        assertThat(config.pipelines()).containsExactly(
                new PipelineConfig("sample-etl-job", "sample-etl-job", Source.GLUE, "/aws-glue/jobs/output", null, null),
                new PipelineConfig("demo", "demo", Source.SIMULATE, null, null, null));
    }

    @Test
    void appliesDefaultsForOmittedSettings() {
        MetricsConfig config = MetricsConfig.parse("""
                {"pipelines":[{"name":"orders","jobName":"orders-etl","source":"glue",
                  "dataQualityRuleset":"orders-rules","expectedSuccessEveryMinutes":60}]}""");

        assertThat(config.namespace()).isEqualTo(MetricNames.NAMESPACE);
        assertThat(config.lookbackMinutes()).isEqualTo(1440);
        assertThat(config.intervalMinutes()).isEqualTo(5);
        assertThat(config.pipelines().getFirst().dataQualityRuleset()).isEqualTo("orders-rules");
        assertThat(config.pipelines().getFirst().expectedSuccessEveryMinutes()).isEqualTo(60);
        assertThat(config.pipelines().getFirst().outputLogGroup()).isNull();
    }

    @Test
    void simulatedPipelineWithoutJobNameUsesItsName() {
        MetricsConfig config = MetricsConfig.parse("{\"pipelines\":[{\"name\":\"demo\",\"source\":\"simulate\"}]}");
        assertThat(config.pipelines().getFirst().jobName()).isEqualTo("demo");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"pipelines\":[]}                                                            | pipelines",
        "{\"namespace\":\"X\"}                                                         | pipelines",
        "{\"pipelines\":[{\"jobName\":\"j\",\"source\":\"glue\"}]}                     | pipelines[0].name",
        "{\"pipelines\":[{\"name\":7,\"source\":\"glue\"}]}                            | pipelines[0].name",
        "{\"pipelines\":[{\"name\":\"a\",\"source\":\"kinesis\"}]}                     | pipelines[0].source",
        "{\"pipelines\":[{\"name\":\"a\"}]}                                            | pipelines[0].source",
        "{\"pipelines\":[{\"name\":\"a\",\"source\":\"glue\",\"jobName\":\" \"}]}      | pipelines[0].jobName",
        "{\"lookbackMinutes\":0,\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]}   | lookbackMinutes",
        "{\"lookbackMinutes\":\"1d\",\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]} | lookbackMinutes",
        "{\"intervalMinutes\":2.5,\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]}  | intervalMinutes",
        "{\"lookbackMinutes\":4,\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]}   | intervalMinutes",
        "{\"namespace\":\"\",\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]}      | namespace",
        "{\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"expectedSuccessEveryMinutes\":-1}]} | pipelines[0].expectedSuccessEveryMinutes",
        "{\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"},{\"name\":\"a\",\"source\":\"simulate\"}]} | pipelines[1].name",
        "{\"pipelines\":[\"a\"]}                                                       | pipelines[0]",
        "{\"lookbackMinute\":60,\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\"}]}    | 'lookbackMinute' is not a known setting",
        "{\"pipelines\":[{\"name\":\"a\",\"source\":\"simulate\",\"ruleset\":\"r\"}]}       | 'pipelines[0].ruleset' is not a known setting",
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
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PIPELINES_CONFIG");
        assertThatThrownBy(() -> MetricsConfig.parse(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PIPELINES_CONFIG");
    }
}
