package dev.linkcrawl.limit;

import dev.linkcrawl.link.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts per owner that every function instance shares: the links an owner saved today, and the
 * places an owner holds in a pool (crawls running at once, imports being read). Holding a place is
 * a lease: it ends when released, or by itself at its {@code until}, so a crashed invocation cannot
 * keep a place.
 *
 * <p>When every place of an owner is taken, the answer says when to come back: the pool paces the
 * owner's overflow at the rate its places free, one place's typical hold divided by the limit
 * apart, so an owner's thousand waiting links are spread over the time its share needs for them
 * instead of all coming back, and being turned away again, at once.
 */
public interface OwnerQuotas {

    /** The typical hold before any place of the owner was given back: 1 second. */
    Duration DEFAULT_TYPICAL_HOLD = Duration.ofSeconds(1);

    /** The answer to {@link #hold}. */
    sealed interface Place {
        /** The place is held until released or until its {@code until}. */
        record Held() implements Place {}

        /**
         * Every place is taken; try again at {@code comeBackAt}. The caller holds {@code turns}
         * turns of the owner's overflow, {@code spacing} apart from {@code comeBackAt} on, to hand
         * to the owner's next messages itself.
         */
        record Full(Instant comeBackAt, int turns, Duration spacing) implements Place {
            public Full {
                Objects.requireNonNull(comeBackAt, "comeBackAt");
                Objects.requireNonNull(spacing, "spacing");
                requireTurns(turns);
            }
        }
    }

    /**
     * Counts up to {@code wanted} more links of {@code tenant} on {@code day} (UTC) at once, as
     * many as {@code perDay} leaves: a caller saving several links in a row counts them ahead in
     * one update.
     *
     * @return how many were counted, from 0 (the day's limit is reached) to {@code wanted}
     * @throws IllegalArgumentException when {@code wanted} is below 1
     * @throws QuotaUnavailableException when the counts cannot be read or written
     */
    int countLinks(TenantKey tenant, LocalDate day, int perDay, int wanted);

    /**
     * Takes (or renews) a place in {@code pool} for {@code holder}, unless {@code tenant}'s other
     * holders already hold {@code limit} places that have not ended by {@code now}.
     *
     * @param pool what the places are of, such as {@code crawl:CrawlQueue}
     * @param holder who holds it, such as an SQS message id; holding again renews
     * @param until when the place ends by itself
     * @throws QuotaUnavailableException when the counts cannot be read or written
     */
    default Place hold(
            String pool, TenantKey tenant, String holder, int limit, Instant now, Instant until) {
        return hold(pool, tenant, holder, limit, now, until, 1);
    }

    /**
     * {@code turns}, when it is at least 1.
     *
     * @throws IllegalArgumentException when it is not
     */
    static int requireTurns(int turns) {
        if (turns < 1) {
            throw new IllegalArgumentException("turns must be at least 1, not " + turns);
        }
        return turns;
    }

    /**
     * {@link #hold(String, TenantKey, String, int, Instant, Instant)}, reserving {@code turns}
     * consecutive turns of the owner's overflow when every place is taken: a caller that sees many
     * of a full owner's messages hands the turns out itself, one update of the counts for {@code
     * turns} messages instead of one each.
     *
     * @throws IllegalArgumentException when {@code turns} is below 1
     */
    Place hold(
            String pool,
            TenantKey tenant,
            String holder,
            int limit,
            Instant now,
            Instant until,
            int turns);

    /**
     * Gives up {@code holder}'s place in {@code pool}; nothing happens if it holds none.
     *
     * @param held how long the place was used, which teaches the pool the owner's typical hold;
     *     empty when it says nothing about that (an import, a crawl that never ran)
     * @throws QuotaUnavailableException when the counts cannot be written
     */
    void release(String pool, TenantKey tenant, String holder, Optional<Duration> held);
}
