package com.datapipeline.monitoring.cdk.context;

import com.datapipeline.monitoring.cdk.naming.NumberText;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes what the key registry knows where users read it: the README's configuration table and cdk.json's context
 * (which shows every default). {@code make config-table} prints the table; {@code make config-docs} rewrites both
 * files, leaving everything else in them as it is. Tests fail while either file differs from the registry.
 */
public final class ConfigTable {
    /** The README's generated block lies between these two lines. */
    public static final String BEGIN = "<!-- configuration table: generated from ConfigKeys by `make config-docs`;"
            + " edit the registry, not the table -->";

    public static final String END = "<!-- end of configuration table -->";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REGEX = Pattern.compile("(\\^\\S+\\$)");

    private ConfigTable() {}

    /** No arguments: print the table. {@code --write}: rewrite README.md and cdk.json in the current folder. */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.out.print(markdown(ConfigKeys.ALL));
        } else if (args.length == 1 && args[0].equals("--write")) {
            Path readme = Path.of("README.md");
            Path cdkJson = Path.of("cdk.json");
            Files.writeString(readme, readme(Files.readString(readme), ConfigKeys.ALL));
            Files.writeString(cdkJson, cdkJson(Files.readString(cdkJson), ConfigKeys.ALL));
            System.out.println("Wrote the configuration table into README.md and the defaults into cdk.json");
        } else {
            System.err.println("usage: ConfigTable [--write]");
            System.exit(2);
        }
    }

    /** The table, one small table per section, in the registry's order. */
    public static String markdown(List<ConfigKey<?>> keys) {
        StringBuilder out = new StringBuilder();
        for (ConfigKey.Section section : ConfigKey.Section.values()) {
            List<ConfigKey<?>> inSection =
                    keys.stream().filter(key -> key.section() == section).toList();
            if (inSection.isEmpty()) {
                continue;
            }
            out.append(out.isEmpty() ? "" : "\n")
                    .append("**")
                    .append(section.title())
                    .append("**\n\n");
            out.append("| key | default | accepts | meaning |\n|---|---|---|---|\n");
            for (ConfigKey<?> key : inSection) {
                out.append("| `")
                        .append(key.name())
                        .append("` | ")
                        .append(shownDefault(key.defaultValue()))
                        .append(" | ")
                        .append(REGEX.matcher(key.type().allowed()).replaceAll("`$1`"))
                        .append(" | ")
                        .append(key.help())
                        .append(" |\n");
            }
        }
        return out.toString();
    }

    /** The README with its generated block replaced by the table of these keys. */
    public static String readme(String readme, List<ConfigKey<?>> keys) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("README.md has no block between '" + BEGIN + "' and '" + END + "'");
        }
        return readme.substring(0, begin) + BEGIN + "\n" + markdown(keys) + readme.substring(end);
    }

    /**
     * cdk.json with its context's app keys (those before the CDK's own '@' flags) replaced by these keys' defaults,
     * in the registry's order; the file's other lines stay as they are.
     */
    public static String cdkJson(String cdkJson, List<ConfigKey<?>> keys) {
        List<String> lines = cdkJson.lines().toList();
        int context = lines.indexOf("  \"context\": {");
        int flags = context + 1;
        while (flags < lines.size() && !lines.get(flags).trim().startsWith("\"@")) {
            flags++;
        }
        if (context < 0 || flags == lines.size()) {
            throw new IllegalStateException(
                    "cdk.json has no \"context\" object whose CDK flags ('@...') follow the" + " app's keys");
        }
        List<String> out = new ArrayList<>(lines.subList(0, context + 1));
        for (ConfigKey<?> key : keys) {
            out.add("    " + json(key.name()) + ": " + json(key.defaultValue()) + ",");
        }
        out.addAll(lines.subList(flags, lines.size()));
        return String.join("\n", out) + "\n";
    }

    private static String shownDefault(Object value) {
        if (value instanceof String text) {
            return text.isEmpty() ? "*(empty)*" : "`" + text + "`";
        }
        if (value instanceof Number number) {
            return NumberText.plain(number.doubleValue());
        }
        return "`" + value + "`";
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a default that is not JSON: " + value, e);
        }
    }
}
