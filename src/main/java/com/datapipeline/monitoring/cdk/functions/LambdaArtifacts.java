package com.datapipeline.monitoring.cdk.functions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awscdk.services.lambda.Code;

/**
 * The deployment packages of the two functions. The real app takes the shaded jars the Maven build
 * wrote; a missing jar, or one older than its module's sources, stops synth with the command to run,
 * so a stale function can never be deployed silently.
 */
public record LambdaArtifacts(Code metricsFunction, Code responseFunction) {
    public static final String METRICS_MODULE = "lambda-metrics";
    public static final String RESPONSE_MODULE = "lambda-alarm-response";
    static final String BUILD_COMMAND = "make build";

    public LambdaArtifacts {
        Objects.requireNonNull(metricsFunction, "metricsFunction");
        Objects.requireNonNull(responseFunction, "responseFunction");
    }

    public static LambdaArtifacts fromBuildOutputs(Path projectRoot) {
        return new LambdaArtifacts(
                Code.fromAsset(freshJar(projectRoot, METRICS_MODULE).toString()),
                Code.fromAsset(freshJar(projectRoot, RESPONSE_MODULE).toString()));
    }

    /** The module's jar, after checking it exists and is newer than everything it is built from. */
    static Path freshJar(Path projectRoot, String module) {
        Path moduleDir = projectRoot.resolve(module);
        Path jar = moduleDir.resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new StaleBuildException(module + "/target/" + module + ".jar is missing: run `" + BUILD_COMMAND
                    + "` (or `mvn package`) first");
        }
        FileTime builtAt = lastModified(jar);
        Path newest = newestSource(moduleDir);
        if (newest != null && lastModified(newest).compareTo(builtAt) > 0) {
            throw new StaleBuildException(module + "/target/" + module + ".jar is older than "
                    + projectRoot.relativize(newest) + ": run `" + BUILD_COMMAND + "` (or `mvn package`) again");
        }
        return jar;
    }

    private static Path newestSource(Path moduleDir) {
        Path pom = moduleDir.resolve("pom.xml");
        Path sourceDir = moduleDir.resolve("src/main");
        if (!Files.exists(sourceDir)) {
            return pom;
        }
        try (Stream<Path> sources = Files.walk(sourceDir)) {
            return Stream.concat(Stream.of(pom), sources.filter(Files::isRegularFile))
                    .max((a, b) -> lastModified(a).compareTo(lastModified(b)))
                    .orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileTime lastModified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
