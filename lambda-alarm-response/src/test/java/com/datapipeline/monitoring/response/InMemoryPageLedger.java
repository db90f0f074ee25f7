package com.datapipeline.monitoring.response;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link PageLedger} for unit tests: the open pages in a map, each change atomic as DynamoDB's. */
final class InMemoryPageLedger implements PageLedger {

    final Map<String, OpenPage> pages = new HashMap<>();

    @Override
    public synchronized boolean openPage(String page, OpenPage state, Instant now) {
        OpenPage open = pages.get(page);
        if (open != null && !open.expiresAt().isBefore(now)) {
            return false;
        }
        pages.put(page, state);
        return true;
    }

    @Override
    public synchronized void confirmPage(String page, Instant expiresAt) {
        pages.computeIfPresent(page, (key, open) -> new OpenPage(true, open.openedAt(), expiresAt));
    }

    @Override
    public synchronized Optional<OpenPage> closePage(String page) {
        return Optional.ofNullable(pages.remove(page));
    }

    @Override
    public synchronized boolean closeUnconfirmedPage(String page, Instant openedBy) {
        OpenPage open = pages.get(page);
        if (open == null || open.confirmed() || open.openedAt().isAfter(openedBy)) {
            return false;
        }
        pages.remove(page);
        return true;
    }

    @Override
    public synchronized void restorePage(String page, OpenPage state) {
        pages.put(page, state);
    }
}
