package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * What the function has claimed, shared by all its concurrent invocations: one claim per incident, and per job a
 * fixed number of restart-budget slots, and per job at most one pause of its triggers. Each claim is atomic, so of two invocations racing for the same claim
 * exactly one gets it; deciding from Glue's run history alone could not do that.
 */
public interface IncidentLedger {

    /** Claims {@code incident} until {@code expiresAt}; false if it is already claimed. */
    boolean claimIncident(Incident incident, Instant expiresAt);

    /** Gives a claim back, so that Lambda's retry of the same notification can claim it again. */
    void releaseIncident(Incident incident);

    /**
     * Claims the first of {@code slots} budget slots of {@code job} that is free (never claimed, or held until before
     * {@code now}) for {@code incident} until {@code expiresAt}.
     *
     * @return the slot's index, or empty when all slots are held
     */
    OptionalInt claimBudgetSlot(String job, int slots, Incident incident, Instant now, Instant expiresAt);

    /** Frees slot {@code slot} of {@code job}, but only while it is still held for {@code incident}. */
    void releaseBudgetSlot(String job, int slot, Incident incident);

    /**
     * Claims the pause of {@code job}'s triggers until {@code expiresAt}; false while an earlier pause holds it (never
     * expired, never resumed), so the function never pauses a job twice.
     */
    boolean claimPause(String job, Instant now, Instant expiresAt);

    /** Records the triggers the held pause of {@code job} stopped, so that its next success resumes exactly those. */
    void recordPause(String job, List<String> triggers, Instant expiresAt);

    /** Ends the pause of {@code job}: the triggers it stopped, or an empty list when no pause was held. */
    List<String> releasePause(String job);
}
