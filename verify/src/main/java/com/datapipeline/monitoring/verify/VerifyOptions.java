package com.datapipeline.monitoring.verify;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The command line of {@code make verify} ({@code VERIFY_ARGS}, and CDK_CONTEXT as {@code -c key=value}). */
public record VerifyOptions(
        Map<String, String> context,
        boolean json,
        Optional<String> alarm,
        boolean drill,
        Duration drillTimeout,
        Duration metricsWindow,
        boolean help) {

    public static final Duration DEFAULT_DRILL_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_METRICS_WINDOW = Duration.ofMinutes(15);

    public static final String USAGE = """
            usage: make verify [CDK_CONTEXT="key=value ..."] [VERIFY_ARGS="..."]
              -c, --context KEY=VALUE   configuration as for cdk (same keys as cdk.json's context); repeatable
              --json                    the report as JSON on stdout (for CI)
              --alarm NAME              drill only this alarm (default: every alarm of the stack)
              --no-drill                check the deployment and the metrics, set no alarm state
              --timeout SECONDS         how long to wait for the response function's decisions (default 120)
              --metrics-window MINUTES  how recent the pipeline metrics must be (default 15)
            exit status: 0 all checks passed or were skipped, 1 a check failed, 2 usage, configuration or AWS access error""";

    public VerifyOptions {
        context = Map.copyOf(context);
    }

    /** Parses the arguments; throws IllegalArgumentException with a one-line reason. */
    public static VerifyOptions parse(String... args) {
        Map<String, String> context = new LinkedHashMap<>();
        boolean json = false;
        boolean drill = true;
        boolean help = false;
        Optional<String> alarm = Optional.empty();
        Duration timeout = DEFAULT_DRILL_TIMEOUT;
        Duration window = DEFAULT_METRICS_WINDOW;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-c", "--context" -> {
                    String pair = value(args, ++i, arg);
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException(arg + " needs KEY=VALUE, got '" + pair + "'");
                    }
                    context.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                case "--json" -> json = true;
                case "--no-drill" -> drill = false;
                case "--alarm" -> alarm = Optional.of(value(args, ++i, arg));
                case "--timeout" -> timeout = Duration.ofSeconds(positive(value(args, ++i, arg), arg));
                case "--metrics-window" -> window = Duration.ofMinutes(positive(value(args, ++i, arg), arg));
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + arg + "'");
            }
        }
        return new VerifyOptions(context, json, alarm, drill, timeout, window, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static long positive(String text, String option) {
        try {
            long value = Long.parseLong(text.trim());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(option + " needs a whole number above 0, got '" + text + "'");
    }
}
