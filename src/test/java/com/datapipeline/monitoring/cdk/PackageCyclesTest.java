package com.datapipeline.monitoring.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app's packages depend on each other in one direction only, so each can be read (and moved) from the
 * bottom up: a package that needs another never is needed by it, also not through a third. Read from the
 * sources, imports and fully qualified names alike.
 */
class PackageCyclesTest {
    private static final String APP = "com.datapipeline.monitoring.cdk";
    private static final Path SOURCES = Path.of("src/main/java", APP.split("\\."));
    private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(APP) + "((?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void noPackageNeedsAPackageThatNeedsIt() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        Set<Set<String>> cycles = cycles(uses);
        assertThat(cycles)
                .as("package cycles in %s (package -> packages it uses: %s)", SOURCES, uses)
                .isEmpty();
    }

    @Test
    void theSettingsRecordsAndTheNamesDependOnNothingAbove() throws IOException {
        Map<String, Set<String>> uses = dependencies();
        assertThat(uses.get("naming")).as("naming uses").isEmpty();
        // The alarm catalog reads the settings records; the context keys' reader knows the catalog's alarm names.
        assertThat(uses.get("config")).as("config uses").containsOnly("naming");
        assertThat(uses.get("context")).as("context uses").doesNotContain("");
    }

    /** Package (relative to the app's, "" for the app's own) to the app packages its classes name. */
    private static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String from = SOURCES.relativize(file.getParent()).toString().replace('/', '.');
                Set<String> used = uses.computeIfAbsent(from, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(Files.readString(file));
                while (reference.find()) {
                    String to = reference.group(1).isEmpty()
                            ? ""
                            : reference.group(1).substring(1);
                    if (!to.equals(from)) {
                        used.add(to);
                    }
                }
            }
        }
        return uses;
    }

    /** Each set of packages that reach each other (strongly connected, more than one package). */
    private static Set<Set<String>> cycles(Map<String, Set<String>> uses) {
        Set<Set<String>> cycles = new HashSet<>();
        for (String start : uses.keySet()) {
            Set<String> together = new TreeSet<>();
            for (String other : reachable(uses, start)) {
                if (!other.equals(start) && reachable(uses, other).contains(start)) {
                    together.add(other);
                }
            }
            if (!together.isEmpty()) {
                together.add(start);
                cycles.add(Set.copyOf(together));
            }
        }
        return cycles;
    }

    private static Set<String> reachable(Map<String, Set<String>> uses, String from) {
        Set<String> seen = new TreeSet<>();
        Deque<String> next = new ArrayDeque<>(List.of(from));
        while (!next.isEmpty()) {
            for (String to : uses.getOrDefault(next.pop(), Set.of())) {
                if (seen.add(to)) {
                    next.push(to);
                }
            }
        }
        return seen;
    }
}
