package com.datapipeline.monitoring.response;

import com.datapipeline.monitoring.response.PageDelivery.Result;
import com.datapipeline.monitoring.response.PageDelivery.Status;
import com.datapipeline.monitoring.response.PageLedger.OpenPage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The function as the pager of a one-alarm pipeline, whose page alarms notify only the function: one page and one
 * resolution per incident on the page's human topic, however many signals, in whatever order, and however often
 * each is delivered.
 *
 * <ul>
 *   <li>The first signal opens the page (a conditional write in the {@link PageLedger}) and only the delivery that
 *       opened it publishes: a failed run's Glue event (within seconds, with the run's page text), or the page
 *       alarm's ALARM (with the modes its value names). A signal while the page is open publishes nothing; the
 *       alarm's ALARM marks it confirmed.</li>
 *   <li>The alarm's return to OK closes the page and publishes the one resolution.</li>
 *   <li>A page that a Glue event opened and no alarm confirmed (the metric filter path is broken, or the alarm has
 *       not fired yet) closes on the job's next successful run once it is {@link #SUCCESS_RESOLVES_AFTER} old, and
 *       counts as closed without a resolution after {@link #UNCONFIRMED_LIFETIME}; a confirmed page after
 *       {@link #CONFIRMED_LIFETIME}, so nothing stays open for ever.</li>
 *   <li>A publish that fails gives the page back and throws: Lambda retries, then keeps the notification in its
 *       failure queue, whose alarm pages the monitoring-health topic.</li>
 * </ul>
 */
public final class Pager {

    /**
     * A success closes an unconfirmed page only after the page alarm's worst case to fire (3:00 for a failed run,
     * README "Time to page"), so the alarm of the same failure cannot open a second page after the resolution.
     */
    public static final Duration SUCCESS_RESOLVES_AFTER = Duration.ofMinutes(5);
    /** An event's page that no alarm confirmed blocks its pipeline's next page for at most this long. */
    public static final Duration UNCONFIRMED_LIFETIME = Duration.ofHours(1);
    /** A page its alarm holds in ALARM: its OK closes it; this only bounds a page whose OK never arrives. */
    public static final Duration CONFIRMED_LIFETIME = Duration.ofDays(7);

    private final PageLedger ledger;
    private final PagePublisher publisher;
    private final Clock clock;

    public Pager(PageLedger ledger, PagePublisher publisher, Clock clock) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** A signal that opens the page unless it is open: a Glue event ({@code byAlarm} false) or the page's ALARM. */
    public Result open(String page, String topic, boolean byAlarm, PageMessage message) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(byAlarm ? CONFIRMED_LIFETIME : UNCONFIRMED_LIFETIME);
        if (!ledger.openPage(page, new OpenPage(byAlarm, now, expiresAt), now)) {
            if (byAlarm) {
                ledger.confirmPage(page, expiresAt);
            }
            return new Result(
                    Status.ALREADY_OPEN,
                    page + " has an open page" + (byAlarm ? ", now confirmed by its alarm" : "")
                            + "; this signal publishes nothing");
        }
        try {
            publisher.publish(topic, message);
        } catch (RuntimeException e) {
            ledger.closePage(page);
            throw e;
        }
        return new Result(Status.PAGED, "published on " + topic + " as the page of " + page);
    }

    /** The page alarm returned to OK: the one resolution, if a page is open. */
    public Result resolve(String page, String topic, PageMessage message) {
        Optional<OpenPage> closed = ledger.closePage(page);
        if (closed.isEmpty()) {
            return new Result(Status.NOTHING_OPEN, page + " has no open page; no resolution to send");
        }
        return published(page, topic, message, closed.get());
    }

    /** The pipeline's job succeeded: resolves a page that a Glue event opened and no alarm confirmed. */
    public Result resolveAfterSuccess(String page, String topic, PageMessage message) {
        Instant now = clock.instant();
        if (!ledger.closeUnconfirmedPage(page, now.minus(SUCCESS_RESOLVES_AFTER))) {
            return new Result(
                    Status.NOTHING_OPEN,
                    page + " has no page that a success closes (none open, its alarm holds it, or it is younger than "
                            + SUCCESS_RESOLVES_AFTER.toMinutes() + " minutes)");
        }
        return published(page, topic, message, new OpenPage(false, now, now.plus(UNCONFIRMED_LIFETIME)));
    }

    private Result published(String page, String topic, PageMessage message, OpenPage closed) {
        try {
            publisher.publish(topic, message);
        } catch (RuntimeException e) {
            ledger.restorePage(page, closed);
            throw e;
        }
        return new Result(Status.RESOLVED, "published the resolution of " + page + " on " + topic);
    }
}
