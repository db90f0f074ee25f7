package com.datapipeline.monitoring.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTextTest {
    @TempDir
    Path dir;

    @Test
    void theFileNamedByTheFileVariableWins() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), "{\"from\":\"file\"}");
        Map<String, String> environment = Map.of("X_CONFIG_FILE", file.toString(), "X_CONFIG", "{\"from\":\"variable\"}");
        assertThat(ConfigurationText.read("X_CONFIG", environment::get)).isEqualTo("{\"from\":\"file\"}");
    }

    @Test
    void withoutAFileTheVariableIsUsed() {
        assertThat(ConfigurationText.read("X_CONFIG", Map.of("X_CONFIG", "{}")::get)).isEqualTo("{}");
        assertThat(ConfigurationText.read("X_CONFIG", Map.<String, String>of()::get)).isNull();
    }

    @Test
    void anUnreadableFileSaysWhichVariableNamedIt() {
        String missing = dir.resolve("missing.json").toString();
        assertThatThrownBy(() -> ConfigurationText.read("X_CONFIG", Map.of("X_CONFIG_FILE", missing)::get))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("X_CONFIG_FILE names " + missing + ", which cannot be read");
    }

    @Test
    void aMissingOrBlankRequiredConfigurationNamesBothVariables() {
        String expected = "neither X_CONFIG_FILE nor X_CONFIG is set; the CDK app sets them";
        assertThatThrownBy(() -> ConfigurationText.required("X_CONFIG", Map.<String, String>of()::get))
                .isInstanceOf(IllegalStateException.class).hasMessage(expected);
        assertThatThrownBy(() -> ConfigurationText.required("X_CONFIG", Map.of("X_CONFIG", " ")::get))
                .isInstanceOf(IllegalStateException.class).hasMessage(expected);
        assertThat(ConfigurationText.required("X_CONFIG", Map.of("X_CONFIG", "{}")::get)).isEqualTo("{}");
    }
}
