package com.datapipeline.monitoring.cdk.context;

import java.util.Objects;

/**
 * One context key: everything the app, cdk.json and the README's table know about it, in one place
 * ({@link ConfigKeys} holds them all).
 *
 * @param name         the key, as in cdk.json and {@code -c name=value}
 * @param section      the concern it configures: its settings record and its table in the README
 * @param type         how its value is read, and what it accepts
 * @param defaultValue the value when none is given, as cdk.json shows it (a string, number or boolean)
 * @param help         one line: what it does
 * @param <T>          what the value becomes
 */
public record ConfigKey<T>(String name, Section section, ValueType<T> type, Object defaultValue, String help) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (help.isBlank() || help.contains("\n")) {
            throw new IllegalArgumentException("the help of " + name + " must be one line");
        }
    }

    /** The value of this key in a context (with the defaults filled in). */
    public T read(java.util.Map<String, Object> context) {
        return type.read(name, context.get(name));
    }

    /** The concerns, in the README's order; each is read into its own small settings record. */
    public enum Section {
        NAMES("Names and tags"),
        PIPELINES("Pipelines"),
        THRESHOLDS("Alarm thresholds"),
        RUN_HEALTH("Stuck and missed runs"),
        ALERTING("Who gets paged"),
        CHAT("Chat channels"),
        REMEDIATION("Remediation"),
        OBSERVABILITY("The monitoring's own logs and traces"),
        CROSS_ACCOUNT("Cross-account observability");

        private final String title;

        Section(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }
}
