package com.datapipeline.monitoring.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.catalog.AlarmKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

/** The command's edges: arguments, configuration, access errors, and the contract with the response function. */
class VerifyCommandTest {
    private static final Path ROOT = Path.of("").toAbsolutePath();

    record Result(int exit, String out, String err) {}

    private static Result run(java.util.function.Supplier<AwsClients> clients, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(
                args,
                ROOT,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                clients,
                new Verifier.Settings(Clock.systemUTC(), d -> {}, Duration.ofMillis(1)));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static AwsClients unused() {
        throw new AssertionError("no AWS call expected");
    }

    @Test
    void parsesContextJsonAlarmAndTimeouts() {
        VerifyOptions options = VerifyOptions.parse(
                "-c",
                "prefix=dev-",
                "--context",
                "alertEmail=a@b.co",
                "--json",
                "--alarm",
                "ErrorRateAlarm",
                "--timeout",
                "30",
                "--metrics-window",
                "20",
                "--no-drill");

        assertThat(options.context()).isEqualTo(Map.of("prefix", "dev-", "alertEmail", "a@b.co"));
        assertThat(options.json()).isTrue();
        assertThat(options.alarm()).isEqualTo(Optional.of("ErrorRateAlarm"));
        assertThat(options.drillTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.metricsWindow()).isEqualTo(Duration.ofMinutes(20));
        assertThat(options.drill()).isFalse();
        assertThat(VerifyOptions.parse().drillTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void refusesBadArguments() {
        assertThatThrownBy(() -> VerifyOptions.parse("--timeout", "soon"))
                .hasMessage("--timeout needs a whole number above 0, got 'soon'");
        assertThatThrownBy(() -> VerifyOptions.parse("-c", "prefix")).hasMessage("-c needs KEY=VALUE, got 'prefix'");
        assertThatThrownBy(() -> VerifyOptions.parse("--alarm")).hasMessage("--alarm needs a value");

        Result result = run(VerifyCommandTest::unused, "--bogus");
        assertThat(result.exit()).isEqualTo(VerifyCommand.CANNOT_RUN);
        assertThat(result.err()).startsWith("Usage error: unknown argument '--bogus'\nusage: make verify");
    }

    @Test
    void aBadSettingStopsWithTheAppsConfigurationMessage() {
        Result result = run(VerifyCommandTest::unused, "-c", "memoryThresholdPercent=120");

        assertThat(result.exit()).isEqualTo(VerifyCommand.CANNOT_RUN);
        assertThat(result.err()).startsWith("Configuration error: context key 'memoryThresholdPercent' is '120'");
    }

    @Test
    void anAlarmNotInTheStackIsRefusedBeforeAnyAwsCall() {
        Result result = run(VerifyCommandTest::unused, "--alarm", "NoSuchAlarm");

        assertThat(result.exit()).isEqualTo(VerifyCommand.CANNOT_RUN);
        assertThat(result.err())
                .startsWith("Usage error: --alarm NoSuchAlarm is not an alarm of DataPipelineMonitoringStack")
                .contains(AlarmKind.ERROR_RATE.baseName());
    }

    @Test
    void missingCredentialsGiveOneLine() {
        Result result = run(
                () -> {
                    throw SdkClientException.create(
                            "Unable to load credentials from any of the providers in the chain"
                                    + " AwsCredentialsProviderChain(credentialsProviders=[...]) : [SystemPropertyCredentialsProvider(): ...]");
                },
                "--no-drill");

        assertThat(result.exit()).isEqualTo(VerifyCommand.CANNOT_RUN);
        assertThat(result.err().lines().toList()).hasSize(1);
        assertThat(result.err())
                .startsWith("No AWS credentials: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingRegionGivesOneLine() {
        assertThat(
                        VerifyCommand.accessProblem(
                                SdkClientException.create(
                                        "Unable to load region from any of the providers in the chain software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain")))
                .startsWith("No AWS Region: set AWS_REGION");
    }
}
