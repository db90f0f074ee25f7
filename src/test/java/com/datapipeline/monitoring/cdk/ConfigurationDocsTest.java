package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.config.PipelineResponse;
import com.datapipeline.monitoring.cdk.context.ConfigKey;
import com.datapipeline.monitoring.cdk.context.ConfigKeys;
import com.datapipeline.monitoring.cdk.context.ConfigTable;
import com.datapipeline.monitoring.cdk.context.PipelineEntries;
import com.datapipeline.monitoring.cdk.context.ValueTypes;
import com.datapipeline.monitoring.contract.ErrorClass;
import com.datapipeline.monitoring.contract.RouteAction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A configuration key is defined once, in the key registry: the README's table, cdk.json's defaults and the
 * pipelines file's schema say what the registry and the readers say, or this fails (`make config-docs` rewrites
 * the first two).
 */
class ConfigurationDocsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A key the registry does not have, to show what adding one does. */
    private static final ConfigKey<Double> NEW_KEY = new ConfigKey<>(
            "exampleThresholdPercent",
            ConfigKey.Section.THRESHOLDS,
            ValueTypes.number(0, 100),
            50,
            "`ExampleAlarm`: example above this");

    @Test
    void theReadmeTableIsTheRegistry() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(ConfigTable.readme(readme, ConfigKeys.ALL))
                .as("README.md's configuration table (run `make" + " config-docs`)")
                .isEqualTo(readme);
    }

    @Test
    void cdkJsonShowsEveryDefaultOfTheRegistryInItsOrder() throws IOException {
        String cdkJson = Files.readString(Path.of("cdk.json"));
        assertThat(ConfigTable.cdkJson(cdkJson, ConfigKeys.ALL))
                .as("cdk.json's context (run `make config-docs`)")
                .isEqualTo(cdkJson);
        Map<String, Object> appKeys = new LinkedHashMap<>();
        JSON.readTree(cdkJson).get("context").properties().stream()
                .filter(entry -> !entry.getKey().contains(":"))
                .forEach(entry -> appKeys.put(entry.getKey(), JSON.convertValue(entry.getValue(), Object.class)));
        assertThat(appKeys).containsExactlyEntriesOf(ConfigKeys.defaults());
    }

    @Test
    void aNewKeyIsOneDefinitionFromItsCheckItsTableRowAndItsDefault() throws IOException {
        assertThatThrownBy(() -> NEW_KEY.read(Map.of("exampleThresholdPercent", "120")))
                .hasMessage("context key 'exampleThresholdPercent' is '120'; allowed: a number from 0 to 100");

        List<ConfigKey<?>> keys = new ArrayList<>(ConfigKeys.ALL);
        keys.add(NEW_KEY);
        String readme = Files.readString(Path.of("README.md"));
        String row = "| `exampleThresholdPercent` | 50 | a number from 0 to 100 | `ExampleAlarm`: example above this"
                + " |\n";
        String withNewKey = ConfigTable.readme(readme, keys);
        String thresholds = withNewKey.substring(withNewKey.indexOf("**Alarm thresholds**"));
        assertThat(thresholds.substring(0, thresholds.indexOf("\n\n**", 1))).endsWith(row.strip());
        assertThat(withNewKey.replace(row, "")).isEqualTo(readme);

        String cdkJson = Files.readString(Path.of("cdk.json"));
        String withDefault = ConfigTable.cdkJson(cdkJson, keys);
        assertThat(withDefault.replace("    \"exampleThresholdPercent\": 50,\n", ""))
                .isEqualTo(cdkJson);
        assertThat(JSON.readTree(withDefault)
                        .get("context")
                        .get("exampleThresholdPercent")
                        .asInt())
                .isEqualTo(50);
    }

    @Test
    void thePipelinesFileSchemaStatesTheReadersRules() throws IOException {
        JsonNode schema = JSON.readTree(Path.of("pipelines/schema.json").toFile());
        JsonNode definitions = schema.get("$defs");
        assertThat(definitions.get("jobName").get("pattern").asText())
                .isEqualTo(PipelineEntries.GLUE_JOB_NAME.pattern());
        assertThat(definitions.get("minutes").get("minimum").asInt()).isEqualTo(1);
        assertThat(definitions.get("minutes").get("maximum").asInt()).isEqualTo(ValueTypes.MAX_MINUTES);
        JsonNode entry = schema.get("properties")
                .get("pipelines")
                .get("items")
                .get("oneOf")
                .get(1)
                .get("properties");
        Set<String> fields = new TreeSet<>();
        entry.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).isEqualTo(new TreeSet<>(PipelineEntries.FIELDS));
        assertThat(entry.get(PipelineEntries.DATA_QUALITY_RULESET).get("$ref").asText())
                .isEqualTo("#/$defs/rulesetName");
        assertThat(definitions.get("rulesetName").get("pattern").asText())
                .isEqualTo(PipelineEntries.RULESET_NAME.pattern());
        Set<String> classes = new TreeSet<>();
        entry.get(ConfigKeys.ERROR_CLASS_ACTIONS.name())
                .get("properties")
                .fieldNames()
                .forEachRemaining(classes::add);
        assertThat(classes)
                .isEqualTo(new TreeSet<>(Arrays.stream(ErrorClass.values())
                        .map(ErrorClass::configName)
                        .toList()));
        List<String> actions = new ArrayList<>();
        definitions.get("errorClassAction").get("enum").forEach(action -> actions.add(action.asText()));
        assertThat(actions)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(RouteAction.values())
                        .filter(RouteAction::isErrorClassAction)
                        .map(RouteAction::configName)
                        .toList());
        assertThat(entry.get(ConfigKeys.RUNBOOK_URL.name()).get("pattern").asText())
                .isEqualTo(PipelineResponse.RUNBOOK_URL.pattern());
        assertThat(entry.get(PipelineEntries.VALIDATION_JOB).get("$ref").asText())
                .isEqualTo("#/$defs/jobName");
    }

    @Test
    void theSwitchesTableNamesOnlyKeysThatExist() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String switches = readme.substring(readme.indexOf("## Switches beyond the lab"));
        switches = switches.substring(0, switches.indexOf("\n## ", 1));
        Set<String> named = new TreeSet<>();
        for (String row :
                switches.lines().filter(line -> line.matches("^\\| \\d+ \\|.*")).toList()) {
            // The switch column: keys, with their values in parentheses, e.g. `anomalyDetection` (`off`, `beside`)
            String switchColumn = row.split("\\|")[2].replaceAll("\\([^)]*\\)", "");
            Matcher key = Pattern.compile("`([a-z][A-Za-z]+)`").matcher(switchColumn);
            while (key.find()) {
                named.add(key.group(1));
            }
        }
        assertThat(named).hasSizeGreaterThan(20);
        named.removeAll(ConfigKeys.REMOVED.keySet());
        named.forEach(key -> assertThat(ConfigKeys.find(key))
                .as("switches table names `%s`", key)
                .isPresent());
    }
}
