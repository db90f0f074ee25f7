package com.datapipeline.monitoring.cdk.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key registry: one definition per key, and what it does with keys it does not know. */
class ConfigKeysTest {

    @Test
    void everyKeyIsDefinedOnceWithADefaultItsOwnTypeAccepts() {
        Set<String> names = new HashSet<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(names.add(key.name())).as(key.name() + " defined once").isTrue();
            assertThat(key.read(ConfigKeys.defaults())).as(key.name()).isNotNull();
            assertThat(ConfigKeys.REMOVED).doesNotContainKey(key.name());
        }
    }

    @Test
    void helpAndAllowedValuesFitInOneTableCell() {
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            assertThat(key.help()).as(key.name()).doesNotContain("|", "\n");
            assertThat(key.type().allowed())
                    .as(key.name())
                    .doesNotContain("|", "\n")
                    .isNotBlank();
        }
    }

    @Test
    void theKeysAHelpTextNamesExist() {
        Pattern keyName = Pattern.compile("`([a-z]+[A-Z][A-Za-z]*)`");
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            Matcher named = keyName.matcher(key.help());
            while (named.find()) {
                assertThat(ConfigKeys.find(named.group(1)))
                        .as("%s's help names `%s`", key.name(), named.group(1))
                        .isPresent();
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "alertEmial, alertEmail",
        "Prefix, prefix",
        "tracng, tracing",
        "maxRestart, maxRestarts",
        "slackChannel, slackChannelId",
    })
    void aTypoGetsTheNearestKnownKey(String typo, String meant) {
        assertThat(ConfigKeys.nearest(typo)).contains(meant);
        assertThatThrownBy(() -> SettingsReader.read(Map.of(typo, "x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "unknown context key(s) [" + typo + "]; did you mean '" + meant + "' for '" + typo + "'?")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aKeyNothingLikeAnyOtherGetsNoGuess() {
        assertThat(ConfigKeys.nearest("colour")).isEmpty();
        assertThatThrownBy(() -> SettingsReader.read(Map.of("colour", "blue")))
                .hasMessage("unknown context key(s) [colour]; every key is in the README's configuration table"
                        + " (or run `make config-table`)");
    }

    @Test
    void aRemovedKeySaysWhyItWent() {
        assertThatThrownBy(() -> SettingsReader.read(Map.of("childAlarmActions", true)))
                .hasMessageStartingWith("context key 'childAlarmActions' was removed: ");
    }
}
