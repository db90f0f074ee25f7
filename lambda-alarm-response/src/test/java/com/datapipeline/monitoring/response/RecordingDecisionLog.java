package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keeps decisions in memory and also their log lines' fields, so tests exercise the real log line too. */
final class RecordingDecisionLog implements DecisionLog {

    final List<Decision> decisions = new ArrayList<>();
    final List<Map<String, Object>> lines = new ArrayList<>();
    final List<RuntimeException> failures = new ArrayList<>();
    final List<Delivery> failedDeliveries = new ArrayList<>();
    /** The event times of the RunFailuresPaged counts, as their metric lines. */
    final List<Map<String, Object>> runFailuresPaged = new ArrayList<>();

    @Override
    public synchronized void decided(Delivery delivery, Decision decision) {
        decisions.add(decision);
        lines.add(JsonLineDecisionLog.line(delivery, decision));
    }

    @Override
    public synchronized void runFailurePaged(Instant eventTime) {
        runFailuresPaged.add(JsonLineDecisionLog.runFailurePagedLine(eventTime));
    }

    @Override
    public synchronized void failed(
            Delivery delivery, Notification notification, String target, RuntimeException error) {
        failures.add(error);
        failedDeliveries.add(delivery);
    }

    Decision only() {
        if (decisions.size() != 1) {
            throw new AssertionError("expected exactly one decision, got " + decisions);
        }
        return decisions.get(0);
    }

    Map<String, Object> onlyLine() {
        only();
        return lines.get(0);
    }
}
