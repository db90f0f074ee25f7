package com.datapipeline.monitoring.cdk.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes a function's configuration as plain JSON (it travels as a file, so it cannot hold CloudFormation tokens). */
public final class ConfigurationJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConfigurationJson() {
    }

    public static String of(Object configuration) {
        try {
            return JSON.writeValueAsString(configuration);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("configuration is not serializable as JSON", e);
        }
    }
}
