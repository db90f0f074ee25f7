package com.datapipeline.monitoring.verify;

import com.datapipeline.monitoring.cdk.config.ConfigurationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * {@code make verify}: checks a deployed stack end to end (see README, "Verify a deployment"). Expectations
 * come from the app's own code for the same configuration (cdk.json's context, then {@code -c key=value}).
 */
public final class VerifyCommand {
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int CANNOT_RUN = 2;

    private VerifyCommand() {}

    public static void main(String[] args) {
        System.exit(run(
                args,
                Path.of("").toAbsolutePath(),
                System.out,
                System.err,
                AwsClients::fromEnvironment,
                new Verifier.Settings(Clock.systemUTC(), Sleeper.REAL, Verifier.POLL_INTERVAL)));
    }

    /** The whole command; returns the exit status. Tests pass their own clients and timing. */
    public static int run(
            String[] args,
            Path projectRoot,
            PrintStream out,
            PrintStream err,
            Supplier<AwsClients> clients,
            Verifier.Settings timing) {
        VerifyOptions options;
        try {
            options = VerifyOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Usage error: " + e.getMessage());
            err.println(VerifyOptions.USAGE);
            return CANNOT_RUN;
        }
        if (options.help()) {
            out.println(VerifyOptions.USAGE);
            return OK;
        }
        ExpectedStack expected;
        try {
            expected = StackExpectations.synthesize(context(projectRoot, options), projectRoot);
        } catch (ConfigurationException e) {
            err.println("Configuration error: " + e.getMessage());
            return CANNOT_RUN;
        } catch (IOException e) {
            err.println("Cannot read cdk.json: " + e.getMessage());
            return CANNOT_RUN;
        }
        var unknown = Verifier.unknownAlarm(expected, options);
        if (unknown.isPresent()) {
            err.println("Usage error: --alarm " + unknown.get() + " is not an alarm of " + expected.stackName()
                    + "; its alarms are " + expected.alarmNames());
            return CANNOT_RUN;
        }
        Report report;
        try (AwsClients aws = clients.get()) {
            boolean[] progressShown = {false};
            Verifier verifier = new Verifier(aws, timing, line -> {
                err.print("\r" + line + "   ");
                err.flush();
                progressShown[0] = true;
            });
            report = verifier.run(expected, options);
            if (progressShown[0]) {
                err.println();
            }
        } catch (SdkClientException e) {
            err.println(accessProblem(e));
            return CANNOT_RUN;
        }
        out.print(options.json() ? report.json() : report.text());
        return report.failed() ? CHECK_FAILED : OK;
    }

    /** One line for the usual reasons the SDK cannot even ask AWS: no Region, no credentials, no network. */
    static String accessProblem(SdkClientException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("region") || message.contains("Region")) {
            return "No AWS Region: set AWS_REGION (or a region in your AWS profile).";
        }
        if (message.toLowerCase(java.util.Locale.ROOT).contains("credentials")) {
            return "No AWS credentials: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or log in"
                    + " (aws sso login); the SDK found none in its default chain.";
        }
        return "Cannot reach AWS: " + firstLine(message);
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }

    /** The context the CDK CLI would give the app: cdk.json's "context", overridden by {@code -c}. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> context(Path projectRoot, VerifyOptions options) throws IOException {
        Map<String, Object> context = new LinkedHashMap<>();
        Path cdkJson = projectRoot.resolve("cdk.json");
        if (Files.isRegularFile(cdkJson)) {
            Map<String, Object> file = new ObjectMapper().readValue(cdkJson.toFile(), Map.class);
            Object fileContext = file.get("context");
            if (fileContext instanceof Map<?, ?> map) {
                context.putAll((Map<String, Object>) map);
            }
        }
        context.putAll(options.context());
        return context;
    }
}
