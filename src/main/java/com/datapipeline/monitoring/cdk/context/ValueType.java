package com.datapipeline.monitoring.cdk.context;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import java.util.Optional;

/**
 * How the value of one context key is read (the middle of the three configuration layers: {@link ConfigKeys}
 * names the keys, a value type reads one value, {@link SettingsReader} builds the sections). Values arrive as
 * JSON types from cdk.json and as strings from {@code -c key=value}; every type accepts both. The factories are
 * in {@link ValueTypes}.
 *
 * @param <T> what the value becomes
 */
public interface ValueType<T> {

    /** The typed value; a bad one throws {@link ConfigurationException} with one line naming the key and the value. */
    T read(String key, Object raw);

    /** What the key accepts, in the words of its error message ("allowed: ...") and of the README's table. */
    String allowed();

    /** The same type, or empty for a blank value (the value's own errors are unchanged). */
    default ValueType<Optional<T>> orEmpty() {
        return orEmpty(allowed() + ", or empty");
    }

    /** {@link #orEmpty()}, with its own words for what it accepts. */
    default ValueType<Optional<T>> orEmpty(String allowed) {
        ValueType<T> present = this;
        return new ValueType<>() {
            @Override
            public Optional<T> read(String key, Object raw) {
                return ValueTypes.text(key, raw).isBlank() ? Optional.empty() : Optional.of(present.read(key, raw));
            }

            @Override
            public String allowed() {
                return allowed;
            }
        };
    }
}
