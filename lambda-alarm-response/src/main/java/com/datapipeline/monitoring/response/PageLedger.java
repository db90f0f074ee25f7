package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.Optional;

/**
 * The pages the function has open, one per page alarm of a one-alarm pipeline (the function is their pager, see
 * {@link Pager}). Every change is atomic, so of concurrent or repeated deliveries of signals of one incident exactly
 * one opens the page and exactly one closes it.
 */
public interface PageLedger {

    /**
     * An open page.
     *
     * @param confirmed whether its alarm has gone to ALARM (then only the alarm's OK closes it)
     * @param openedAt  when the first signal opened it
     * @param expiresAt when it counts as closed without a resolution (and the table's TTL removes it)
     */
    record OpenPage(boolean confirmed, Instant openedAt, Instant expiresAt) {}

    /** Opens {@code page}; false when it is open already (present and not expired at {@code now}). */
    boolean openPage(String page, OpenPage state, Instant now);

    /** Marks an open {@code page} as confirmed by its alarm, open until {@code expiresAt}; nothing if it is not open. */
    void confirmPage(String page, Instant expiresAt);

    /** Closes {@code page}: what was open, for the one caller that closed it; empty when nothing was open. */
    Optional<OpenPage> closePage(String page);

    /**
     * Closes {@code page} only if no alarm confirmed it and it was opened at or before {@code openedBy}; true for the
     * one caller that closed it.
     */
    boolean closeUnconfirmedPage(String page, Instant openedBy);

    /** Puts back a page whose resolution could not be published, so that a retry resolves it. */
    void restorePage(String page, OpenPage state);
}
