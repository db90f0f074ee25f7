package com.datapipeline.monitoring.response;

import java.util.ArrayList;
import java.util.List;

/** Keeps decisions in memory and also formats them, so tests exercise the real log line too. */
final class RecordingDecisionLog implements DecisionLog {

    final List<Decision> decisions = new ArrayList<>();
    final List<RuntimeException> failures = new ArrayList<>();

    @Override
    public void decided(Decision decision) {
        decisions.add(decision);
    }

    @Override
    public void failed(Notification notification, String target, RuntimeException error) {
        failures.add(error);
    }

    Decision only() {
        if (decisions.size() != 1) {
            throw new AssertionError("expected exactly one decision, got " + decisions);
        }
        return decisions.get(0);
    }
}
