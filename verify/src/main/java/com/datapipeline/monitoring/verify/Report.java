package com.datapipeline.monitoring.verify;

import com.datapipeline.monitoring.verify.CheckResult.Status;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The outcome of one `make verify`: one line per check, a summary, and JSON for CI. */
public record Report(String stackName, List<CheckResult> checks) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Report {
        checks = List.copyOf(checks);
    }

    public long count(Status status) {
        return checks.stream().filter(check -> check.status() == status).count();
    }

    public boolean failed() {
        return count(Status.FAIL) > 0;
    }

    /** e.g. {@code PASS  alarm GlueJobMemoryAlarm: Glue glue.driver.jvm.heap.usage > 0.8}. */
    public String text() {
        StringBuilder text = new StringBuilder("Verifying " + stackName + "\n");
        for (CheckResult check : checks) {
            text.append(String.format("%-4s  %s", check.status(), check.check()));
            if (!check.detail().isEmpty()) {
                text.append(": ").append(check.detail());
            }
            text.append('\n');
        }
        text.append(summary()).append('\n');
        return text.toString();
    }

    public String summary() {
        return "verify " + (failed() ? "FAILED" : "OK") + ": " + count(Status.PASS) + " passed, " + count(Status.FAIL)
                + " failed, " + count(Status.SKIP) + " skipped";
    }

    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("stack", stackName);
        root.put("ok", !failed());
        root.put("passed", count(Status.PASS));
        root.put("failed", count(Status.FAIL));
        root.put("skipped", count(Status.SKIP));
        root.put(
                "checks",
                checks.stream()
                        .map(check -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("check", check.check());
                            line.put("status", check.status().name());
                            line.put("detail", check.detail());
                            return line;
                        })
                        .toList());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
