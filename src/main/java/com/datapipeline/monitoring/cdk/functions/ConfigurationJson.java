package com.datapipeline.monitoring.cdk.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes a function's configuration as plain JSON (it travels as a file, so it cannot hold CloudFormation
 * tokens). Keys are sorted: the same configuration must give the same bytes, or the layer's asset hash, and
 * with it a new layer version, would change on every synth.
 */
public final class ConfigurationJson {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private ConfigurationJson() {}

    public static String of(Object configuration) {
        try {
            return JSON.writeValueAsString(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration is not serializable as JSON", e);
        }
    }
}
