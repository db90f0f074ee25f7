package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/** An {@link IncidentLedger} for unit tests: the claims in maps, and optional failures to throw. */
final class InMemoryIncidentLedger implements IncidentLedger {

    /** A held budget slot. */
    record Slot(String incident, Instant expiresAt) {}

    /** Incident id to the end of its claim. */
    final Map<String, Instant> incidents = new HashMap<>();
    /** {@code <job>#<n>} to the slot. */
    final Map<String, Slot> slots = new HashMap<>();

    /** Job to the triggers its held pause stopped (empty while the pause is claimed but not yet recorded). */
    final Map<String, List<String>> pauses = new HashMap<>();

    Supplier<RuntimeException> slotFailure;
    Supplier<RuntimeException> releaseFailure;

    InMemoryIncidentLedger holdSlot(String job, int slot, String incident, Instant expiresAt) {
        slots.put(job + "#" + slot, new Slot(incident, expiresAt));
        return this;
    }

    @Override
    public synchronized boolean claimIncident(Incident incident, Instant expiresAt) {
        return incidents.putIfAbsent(incident.id(), expiresAt) == null;
    }

    @Override
    public synchronized void releaseIncident(Incident incident) {
        if (releaseFailure != null) {
            throw releaseFailure.get();
        }
        incidents.remove(incident.id());
    }

    @Override
    public synchronized OptionalInt claimBudgetSlot(
            String job, int slots, Incident incident, Instant now, Instant expiresAt) {
        if (slotFailure != null) {
            throw slotFailure.get();
        }
        for (int slot = 0; slot < slots; slot++) {
            Slot held = this.slots.get(job + "#" + slot);
            if (held == null || held.expiresAt().isBefore(now)) {
                this.slots.put(job + "#" + slot, new Slot(incident.id(), expiresAt));
                return OptionalInt.of(slot);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public synchronized void releaseBudgetSlot(String job, int slot, Incident incident) {
        slots.computeIfPresent(job + "#" + slot, (key, held) -> held.incident().equals(incident.id()) ? null : held);
    }

    @Override
    public synchronized boolean claimPause(String job, Instant now, Instant expiresAt) {
        return pauses.putIfAbsent(job, List.of()) == null;
    }

    @Override
    public synchronized void recordPause(String job, List<String> triggers, Instant expiresAt) {
        pauses.put(job, List.copyOf(triggers));
    }

    @Override
    public synchronized List<String> releasePause(String job) {
        List<String> triggers = pauses.remove(job);
        return triggers == null ? List.of() : triggers;
    }
}
