package dev.linkcrawl.limit;

import dev.linkcrawl.link.TenantKey;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Counts per owner that every function instance shares: the links an owner saved today, and the
 * places an owner holds in a pool (crawls running at once, imports being read). Holding a place is
 * a lease: it ends when released, or by itself at its {@code until}, so a crashed invocation cannot
 * keep a place.
 */
public interface OwnerQuotas {

    /**
     * Counts one more link of {@code tenant} on {@code day} (UTC), unless {@code perDay} were
     * counted already.
     *
     * @return whether the link was counted (false: the day's limit is reached)
     * @throws QuotaUnavailableException when the counts cannot be read or written
     */
    boolean countLink(TenantKey tenant, LocalDate day, int perDay);

    /**
     * Takes (or renews) a place in {@code pool} for {@code holder}, unless {@code tenant}'s other
     * holders already hold {@code limit} places that have not ended by {@code now}.
     *
     * @param pool what the places are of, such as {@code crawl:CrawlQueue}
     * @param holder who holds it, such as an SQS message id; holding again renews
     * @param until when the place ends by itself
     * @return whether the place is held
     * @throws QuotaUnavailableException when the counts cannot be read or written
     */
    boolean hold(
            String pool, TenantKey tenant, String holder, int limit, Instant now, Instant until);

    /**
     * Gives up {@code holder}'s place in {@code pool}; nothing happens if it holds none.
     *
     * @throws QuotaUnavailableException when the counts cannot be written
     */
    void release(String pool, TenantKey tenant, String holder);
}
