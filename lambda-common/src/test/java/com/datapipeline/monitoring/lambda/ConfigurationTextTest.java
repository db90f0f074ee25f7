package com.datapipeline.monitoring.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTextTest {
    private static final MonitoringFunction FUNCTION = MonitoringFunction.METRICS;

    @TempDir
    Path dir;

    @Test
    void theFileNamedByTheFileVariableWins() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"from\":\"file\"}");
        Map<String, String> environment =
                Map.of("PIPELINES_CONFIG_FILE", file.toString(), "PIPELINES_CONFIG", "{\"from\":\"variable\"}");
        assertThat(ConfigurationText.read(FUNCTION, environment::get)).isEqualTo("{\"from\":\"file\"}");
    }

    @Test
    void withoutAFileTheVariableIsUsed() {
        assertThat(ConfigurationText.read(FUNCTION, Map.of("PIPELINES_CONFIG", "{}")::get))
                .isEqualTo("{}");
        assertThat(ConfigurationText.read(FUNCTION, Map.<String, String>of()::get))
                .isNull();
    }

    @Test
    void anUnreadableFileSaysWhichVariableNamedIt() {
        String missing = dir.resolve("missing.json").toString();
        assertThatThrownBy(() -> ConfigurationText.read(FUNCTION, Map.of("PIPELINES_CONFIG_FILE", missing)::get))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("PIPELINES_CONFIG_FILE names " + missing + ", which cannot be read");
    }

    @Test
    void aMissingOrBlankRequiredConfigurationNamesBothVariables() {
        String expected = "neither PIPELINES_CONFIG_FILE nor PIPELINES_CONFIG is set; the CDK app sets them";
        assertThatThrownBy(() -> ConfigurationText.required(FUNCTION, Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> ConfigurationText.required(FUNCTION, Map.of("PIPELINES_CONFIG", " ")::get))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(expected);
        assertThat(ConfigurationText.required(FUNCTION, Map.of("PIPELINES_CONFIG", "{}")::get))
                .isEqualTo("{}");
    }
}
