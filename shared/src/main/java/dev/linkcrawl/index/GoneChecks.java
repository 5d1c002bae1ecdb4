package dev.linkcrawl.index;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How many attempts in a row found a saved page gone (a 404 or 410, a domain that no longer
 * resolves, a parked domain, a "not found" page), and when the first of them ran. One such attempt
 * may be an outage or a site being moved; only {@link #GONE_AFTER} in a row mark the link {@link
 * LinkDocument.Status#GONE}, keeping the content crawled before; the second counts only {@link
 * #APART} after the first.
 *
 * @param count the attempts in a row, at least 1
 * @param since when the first of them ran
 */
public record GoneChecks(int count, Instant since) {

    /** How many attempts in a row must find the page gone before the link is gone: 2. */
    public static final int GONE_AFTER = 2;

    /**
     * How long after the first check another one counts: 1 day, the shortest re-crawl interval. A
     * crawl message delivered twice, or a re-save crawled minutes after a failed re-crawl, is the
     * same check, never the second one in a row.
     */
    public static final Duration APART = Duration.ofDays(1);

    public GoneChecks {
        Objects.requireNonNull(since, "since");
        if (count < 1) {
            throw new IllegalArgumentException("count is at least 1");
        }
    }

    /** Whether the link is gone. */
    public boolean gone() {
        return count >= GONE_AFTER;
    }

    /** The checks recorded on {@code document}, if an attempt found its page gone. */
    public static Optional<GoneChecks> of(LinkDocument document) {
        return document.goneChecks() == null
                ? Optional.empty()
                : Optional.of(new GoneChecks(document.goneChecks(), document.goneSince()));
    }

    /**
     * The checks after an attempt at {@code at} that kept the page crawled before. One that found
     * the page gone adds a check (the first dates them), unless it ran within {@link #APART} of the
     * first; one that did not ends the run, unless the link is gone already: a timeout or a server
     * error says nothing of the page being back, only a successful crawl does (and it writes a new
     * document, without checks).
     */
    public static Optional<GoneChecks> after(
            Optional<GoneChecks> before, boolean foundGone, Instant at) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(at, "at");
        if (foundGone && before.isPresent() && at.isBefore(before.get().since().plus(APART))) {
            return before;
        }
        if (foundGone) {
            return Optional.of(
                    before.map(b -> new GoneChecks(b.count() + 1, b.since()))
                            .orElse(new GoneChecks(1, at)));
        }
        return before.filter(GoneChecks::gone);
    }
}
