package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.OptionalInt;

/**
 * What the function has claimed, shared by all its concurrent invocations: one claim per incident, and per job a
 * fixed number of restart-budget slots. Each claim is atomic, so of two invocations racing for the same claim
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
}
