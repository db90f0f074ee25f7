package com.datapipeline.monitoring.cdk.checks;

import static org.assertj.core.api.Assertions.assertThat;

import com.datapipeline.monitoring.cdk.MonitoringApp;
import com.datapipeline.monitoring.cdk.MonitoringStack;
import com.datapipeline.monitoring.cdk.checks.ExceptionTable.Excepted;
import com.datapipeline.monitoring.cdk.checks.ExceptionTable.Exceptions;
import com.datapipeline.monitoring.cdk.checks.ExceptionTable.Row;
import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;
import software.amazon.awscdk.services.lambda.Code;

/**
 * cdk-nag's AwsSolutions pack finds no unsuppressed error or warning in any covered configuration, and every
 * exception the app writes (cdk-nag, checkov, cfn-lint) is a row of the README's "Template checks" table, which
 * lists no exception that no configuration makes; each with its reason. Each configuration is synthesized once for
 * all these tests.
 */
class CdkNagTest {
    private static final Map<String, Synthesized> SYNTHESIZED = new ConcurrentHashMap<>();

    /** What the tests read from one configuration's synthesis: cdk-nag's findings and the templates' exceptions. */
    private record Synthesized(List<String> findings, Exceptions exceptions) {}

    /** The same configurations tools/check-templates synthesizes for cfn-lint and checkov. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> configurationMap() throws IOException {
        return new ObjectMapper().readValue(new File("tools/template-configurations.json"), Map.class);
    }

    public static Stream<Arguments> configurations() throws IOException {
        return configurationMap().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static Synthesized synthesized(String name, Map<String, Object> context) {
        return SYNTHESIZED.computeIfAbsent(name, n -> synthesize(context));
    }

    private static Synthesized synthesize(Map<String, Object> context) {
        App app = new App(AppProps.builder().context(context).build());
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        String placeholder = "src/test/resources/placeholder-lambda";
        MonitoringStack stack = MonitoringApp.build(
                app,
                new LambdaArtifacts(Code.fromAsset(placeholder), Code.fromAsset(placeholder)),
                Path.of("").toAbsolutePath());
        Annotations annotations = Annotations.fromStack(stack);
        List<SynthesisMessage> findings = Stream.concat(
                        annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream(),
                        annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*")).stream())
                .toList();
        try {
            return new Synthesized(
                    findings.stream()
                            .map(m -> m.getId() + ": " + m.getEntry().getData())
                            .toList(),
                    ExceptionTable.fromAssembly(Path.of(app.synth().getDirectory())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Row> readmeRows() throws IOException {
        return ExceptionTable.readmeRows(Files.readString(Path.of("README.md")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void awsSolutionsChecksPass(String name, Map<String, Object> context) {
        assertThat(synthesized(name, context).findings())
                .as("unsuppressed cdk-nag findings in configuration %s", name)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void everyExceptionHasAReason(String name, Map<String, Object> context) {
        assertThat(synthesized(name, context).exceptions().withoutReason())
                .as(
                        "exceptions of configuration %s with a reason of %d characters or fewer",
                        name, ExceptionTable.MIN_REASON_LENGTH)
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void everyExceptionHasAReadmeRow(String name, Map<String, Object> context) throws IOException {
        List<Row> rows = readmeRows();
        Map<Excepted, Set<String>> missing =
                new TreeMap<>(synthesized(name, context).exceptions().made());
        missing.keySet().removeIf(excepted -> rows.stream().anyMatch(row -> row.covers(excepted)));
        assertThat(missing)
                .as(
                        "exceptions of configuration %s with no exception row in README, Template checks"
                                + " (rule, finding and kind of resource: the resources it is on)",
                        name)
                .isEmpty();
    }

    @Test
    void everyReadmeExceptionRowNamesAnExceptionSomeConfigurationMakes() throws IOException {
        Set<Excepted> made = new TreeSet<>();
        configurationMap()
                .forEach((name, context) -> made.addAll(
                        synthesized(name, context).exceptions().made().keySet()));
        Map<String, List<Excepted>> stale = new TreeMap<>();
        for (Row row : readmeRows()) {
            List<Excepted> unused =
                    row.claims().stream().filter(claim -> !made.contains(claim)).toList();
            if (!unused.isEmpty()) {
                stale.put(row.line(), unused);
            }
        }
        assertThat(stale)
                .as("README, Template checks: exception rows (and what in them) no configuration of"
                        + " tools/template-configurations.json makes")
                .isEmpty();
    }
}
