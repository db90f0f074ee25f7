package com.datapipeline.monitoring.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Checks EMF lines against src/test/resources/emf-schema.json plus the cross-references the schema cannot express. */
final class EmfLines {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema SCHEMA = loadSchema();

    private EmfLines() {}

    /** Parses {@code line}, asserts it is a valid EMF document, and returns it. */
    static JsonNode assertValid(String line) {
        JsonNode root;
        try {
            root = MAPPER.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
        Set<ValidationMessage> errors = SCHEMA.validate(root);
        assertThat(errors).as("schema errors in %s", line).isEmpty();
        for (JsonNode directive : root.path("_aws").path("CloudWatchMetrics")) {
            for (JsonNode dimensionSet : directive.path("Dimensions")) {
                for (JsonNode dimension : dimensionSet) {
                    JsonNode value = root.get(dimension.asText());
                    assertThat(value)
                            .as("dimension %s must be a top-level member", dimension)
                            .isNotNull();
                    assertThat(value.isTextual())
                            .as("dimension %s value must be a string", dimension)
                            .isTrue();
                    assertThat(value.asText().length()).isBetween(1, 1024);
                }
            }
            for (JsonNode metric : directive.path("Metrics")) {
                JsonNode value = root.get(metric.path("Name").asText());
                assertThat(value)
                        .as("metric %s must be a top-level member", metric)
                        .isNotNull();
                boolean numberArray = value.isArray() && value.size() <= 100;
                value.forEach(element -> assertThat(element.isNumber()).isTrue());
                assertThat(value.isNumber() || numberArray)
                        .as("metric %s value must be numeric", metric)
                        .isTrue();
            }
        }
        return root;
    }

    /** Metric name → value of every metric the line declares, in the order it declares them. */
    static Map<String, Double> metricValues(JsonNode root) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (JsonNode metric : root.at("/_aws/CloudWatchMetrics/0/Metrics")) {
            String name = metric.path("Name").asText();
            values.put(name, root.path(name).asDouble());
        }
        return values;
    }

    static boolean isEmf(String line) {
        return line.startsWith("{\"_aws\"");
    }

    private static JsonSchema loadSchema() {
        try (InputStream schema = EmfLines.class.getResourceAsStream("/emf-schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
