package com.datapipeline.monitoring.verify;

import java.util.Objects;

/** One line of the report: what was checked, how it went, and why. */
public record CheckResult(String check, Status status, String detail) {

    public enum Status {
        PASS,
        FAIL,
        SKIP
    }

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        detail = detail == null ? "" : detail;
    }

    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, Status.PASS, detail);
    }

    public static CheckResult fail(String check, String detail) {
        return new CheckResult(check, Status.FAIL, detail);
    }

    public static CheckResult skip(String check, String detail) {
        return new CheckResult(check, Status.SKIP, detail);
    }
}
