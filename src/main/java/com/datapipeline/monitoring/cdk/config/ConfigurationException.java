package com.datapipeline.monitoring.cdk.config;

/** A setting the user gave is wrong. The message is one line that names the setting and what it accepts. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
