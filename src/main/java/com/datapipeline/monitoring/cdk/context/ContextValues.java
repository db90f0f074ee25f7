package com.datapipeline.monitoring.cdk.context;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The app's context keys with the defaults filled in, each read through its {@link ConfigKey}. Keys with a ':' or
 * starting with '@' belong to the CDK itself (feature flags, CLI settings) and are left alone; any other key the
 * registry does not know is a typo and stops synth, with the key it most likely meant.
 */
final class ContextValues {
    private final Map<String, Object> values;

    private ContextValues(Map<String, Object> values) {
        this.values = values;
    }

    static ContextValues of(Map<String, ?> context) {
        Map<String, Object> values = new LinkedHashMap<>(ConfigKeys.defaults());
        Set<String> unknown = new TreeSet<>();
        context.forEach((key, value) -> {
            if (key.contains(":") || key.startsWith("@")) {
                return;
            }
            if (ConfigKeys.REMOVED.containsKey(key)) {
                throw new ConfigurationException(
                        "context key '" + key + "' was removed: " + ConfigKeys.REMOVED.get(key));
            }
            if (!values.containsKey(key)) {
                unknown.add(key);
            } else if (value != null) {
                values.put(key, value);
            }
        });
        if (!unknown.isEmpty()) {
            throw new ConfigurationException("unknown context key(s) " + unknown + "; " + suggestions(unknown));
        }
        return new ContextValues(values);
    }

    <T> T get(ConfigKey<T> key) {
        return key.read(values);
    }

    private static String suggestions(Set<String> unknown) {
        List<String> guesses = unknown.stream()
                .flatMap(key -> ConfigKeys.nearest(key).map(known -> "'" + known + "' for '" + key + "'").stream())
                .toList();
        String list = "every key is in the README's configuration table (or run `make config-table`)";
        return guesses.isEmpty() ? list : "did you mean " + String.join(", ", guesses) + "? " + list;
    }
}
