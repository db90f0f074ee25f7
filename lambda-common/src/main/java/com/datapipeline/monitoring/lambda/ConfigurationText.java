package com.datapipeline.monitoring.lambda;

import com.datapipeline.monitoring.contract.MonitoringFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the function's JSON configuration comes from: the file named by its
 * {@link MonitoringFunction#configFileVariable()} (the CDK app ships it in a Lambda layer, because environment
 * variables are limited to 4 KB in all), else its {@link MonitoringFunction#configVariable()}.
 */
public final class ConfigurationText {
    private ConfigurationText() {}

    public static String read(MonitoringFunction function, UnaryOperator<String> environment) {
        String file = environment.apply(function.configFileVariable());
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        function.configFileVariable() + " names " + file + ", which cannot be read", e);
            }
        }
        return environment.apply(function.configVariable());
    }

    /**
     * {@link #read}, refusing a configuration that is missing or blank with the one message both functions give.
     *
     * @throws IllegalStateException when neither variable gives any text
     */
    public static String required(MonitoringFunction function, UnaryOperator<String> environment) {
        String text = read(function, environment);
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("neither " + function.configFileVariable() + " nor "
                    + function.configVariable() + " is set; the CDK app sets them");
        }
        return text;
    }
}
