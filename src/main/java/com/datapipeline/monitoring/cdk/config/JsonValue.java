package com.datapipeline.monitoring.cdk.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.function.Function;

/**
 * A structured configuration value as it arrives: parsed already (from cdk.json or a pipelines file), or as JSON text
 * (from {@code -c key=value}).
 */
final class JsonValue {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonValue() {}

    /**
     * The value, parsed if it is text; empty for null or blank.
     *
     * @param invalid makes the one-line error for text that is not JSON, from the text
     */
    static Optional<Object> of(Object value, Function<String, ConfigurationException> invalid) {
        if (value instanceof String text) {
            if (text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(JSON.readValue(text.trim(), Object.class));
            } catch (JsonProcessingException e) {
                throw invalid.apply(text.trim());
            }
        }
        return Optional.ofNullable(value);
    }
}
