package dev.linkcrawl.local.s3;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the bucket watch rests before its next listing: {@code quickest} after a listing that
 * found a new object, twice as long after each listing that found nothing, up to {@link
 * #SLOWEST_FACTOR} times {@code quickest}. A listing costs S3Mock and its client several
 * milliseconds of CPU; at a steady 250 ms the watch of one quiet bucket was the largest use of the
 * cores in an otherwise idle dev stack (a sixth of its CPU samples), while an upload now waits at
 * most a second for its notification.
 */
final class ListingPace {

    /** The longest rest, in multiples of the quickest: 4. */
    static final int SLOWEST_FACTOR = 4;

    private final Duration quickest;
    private Duration next;

    ListingPace(Duration quickest) {
        this.quickest = Objects.requireNonNull(quickest, "quickest");
        this.next = quickest;
    }

    /** The rest before the next listing. */
    Duration next() {
        return next;
    }

    /** A listing ended, finding something new or not. */
    void listed(boolean foundNew) {
        Duration slowest = quickest.multipliedBy(SLOWEST_FACTOR);
        Duration doubled = next.multipliedBy(2);
        next = foundNew ? quickest : doubled.compareTo(slowest) > 0 ? slowest : doubled;
    }
}
