package com.datapipeline.monitoring.lambda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the function's JSON configuration comes from: the file named by {@code NAME_FILE} (the CDK app ships
 * it in a Lambda layer, because environment variables are limited to 4 KB in all), else the variable {@code NAME}.
 */
public final class ConfigurationText {
    private ConfigurationText() {
    }

    public static String read(String name, UnaryOperator<String> environment) {
        String file = environment.apply(name + "_FILE");
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException(name + "_FILE names " + file + ", which cannot be read", e);
            }
        }
        return environment.apply(name);
    }

    /**
     * {@link #read}, refusing a configuration that is missing or blank with the one message both functions give.
     *
     * @throws IllegalStateException when neither {@code NAME_FILE} nor {@code NAME} gives any text
     */
    public static String required(String name, UnaryOperator<String> environment) {
        String text = read(name, environment);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("neither " + name + "_FILE nor " + name + " is set; the CDK app sets them");
        }
        return text;
    }
}
