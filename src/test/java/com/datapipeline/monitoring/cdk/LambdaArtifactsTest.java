package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datapipeline.monitoring.cdk.functions.LambdaArtifacts;
import com.datapipeline.monitoring.cdk.functions.StaleBuildException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LambdaArtifactsTest {
    private static final Instant BUILT = Instant.parse("2026-11-25T10:00:00Z");

    @TempDir
    Path root;

    @Test
    void missingJarStopsSynthWithTheCommandToRun() {
        assertThatThrownBy(() -> LambdaArtifacts.fromBuildOutputs(root))
                .isInstanceOf(StaleBuildException.class)
                .hasMessage(
                        "lambda-metrics/target/lambda-metrics.jar is missing: run `make build` (or `mvn package`) first");
    }

    @Test
    void jarOlderThanItsSourcesStopsSynth() throws Exception {
        module("lambda-metrics", BUILT.minusSeconds(60));
        module("lambda-alarm-response", BUILT.minusSeconds(60));
        Path source = root.resolve("lambda-alarm-response/src/main/java/Handler.java");
        Files.setLastModifiedTime(source, FileTime.from(BUILT.plusSeconds(5)));
        assertThatThrownBy(() -> LambdaArtifacts.fromBuildOutputs(root))
                .isInstanceOf(StaleBuildException.class)
                .hasMessage(
                        "lambda-alarm-response/target/lambda-alarm-response.jar is older than "
                                + "lambda-alarm-response/src/main/java/Handler.java: run `make build` (or `mvn package`) again");
    }

    @Test
    void freshJarsAreUsed() throws Exception {
        module("lambda-metrics", BUILT.minusSeconds(60));
        module("lambda-alarm-response", BUILT.minusSeconds(60));
        assertThat(LambdaArtifacts.fromBuildOutputs(root).metricsFunction()).isNotNull();
    }

    private void module(String name, Instant sourcesAt) throws Exception {
        Path dir = root.resolve(name);
        Files.createDirectories(dir.resolve("src/main/java"));
        Files.createDirectories(dir.resolve("target"));
        for (Path file : new Path[] {dir.resolve("pom.xml"), dir.resolve("src/main/java/Handler.java")}) {
            Files.writeString(file, "x");
            Files.setLastModifiedTime(file, FileTime.from(sourcesAt));
        }
        Path jar = dir.resolve("target/" + name + ".jar");
        Files.writeString(jar, "jar");
        Files.setLastModifiedTime(jar, FileTime.from(BUILT));
    }
}
