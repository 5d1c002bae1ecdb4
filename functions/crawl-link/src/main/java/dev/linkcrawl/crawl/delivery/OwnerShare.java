package dev.linkcrawl.crawl.delivery;

import dev.linkcrawl.limit.OwnerLimits;
import dev.linkcrawl.limit.OwnerQuotas;
import dev.linkcrawl.limit.QuotaUnavailableException;
import dev.linkcrawl.link.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One owner's share of a queue's crawls: at most {@link OwnerLimits#crawlsAtOnce()} of the crawl
 * queue's (and {@link OwnerLimits#backfillCrawlsAtOnce()} of the backfill queue's) crawls run for
 * the same owner at once, so the rest of the queue's {@code MaximumConcurrency} is always free for
 * other owners, however slow one owner's links are. Fair delivery alone only decides who goes next;
 * without this, an owner whose links each hold a slot for a whole fetch deadline can hold every
 * slot, and another owner's link waits for the next one to end.
 */
public final class OwnerShare {

    private final OwnerQuotas quotas;
    private final OwnerLimits limits;

    public OwnerShare(OwnerQuotas quotas, OwnerLimits limits) {
        this.quotas = Objects.requireNonNull(quotas, "quotas");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** Whether a crawl may start now. */
    public sealed interface Entry {
        /** It holds one of the owner's places until {@link OwnerShare#leave}. */
        record Held(String pool, TenantKey tenant, String holder, Instant since) implements Entry {}

        /**
         * Every place of the owner is taken: put the message back until {@code comeBackAt}, its
         * turn in the owner's paced overflow. The asker also holds the {@code turns - 1} turns
         * after it, {@code spacing} apart, for the owner's next messages ({@link FullOwners}).
         */
        record Full(int limit, Instant comeBackAt, int turns, Duration spacing) implements Entry {
            public Full {
                Objects.requireNonNull(comeBackAt, "comeBackAt");
                Objects.requireNonNull(spacing, "spacing");
            }

            /** A single turn. */
            public Full(int limit, Instant comeBackAt) {
                this(limit, comeBackAt, 1, Duration.ZERO);
            }
        }

        /** No limit applies: the queue has none, or the function was not told of the queue. */
        record Unlimited() implements Entry {}

        /** Not counted: the counts cannot be reached, so the crawl goes on without a place. */
        record Uncounted(String why) implements Entry {}
    }

    /**
     * Takes a place for the crawl of {@code delivery} (from queue {@code role}) owned by {@code
     * owner}, held until {@code until} at the latest (the end of the invocation); when every place
     * is taken, reserves {@code turns} turns of the owner's overflow.
     */
    public Entry enter(
            QueueRole role,
            Delivery delivery,
            String owner,
            Instant now,
            Instant until,
            int turns) {
        int limit =
                switch (role) {
                    case CRAWL -> limits.crawlsAtOnce();
                    case BACKFILL -> limits.backfillCrawlsAtOnce();
                };
        if (limit == 0) {
            return new Entry.Unlimited();
        }
        String pool = "crawl:" + delivery.queueName();
        TenantKey tenant = TenantKey.of(owner);
        try {
            return switch (quotas.hold(
                    pool, tenant, delivery.messageId(), limit, now, until, turns)) {
                case OwnerQuotas.Place.Held held ->
                        new Entry.Held(pool, tenant, delivery.messageId(), now);
                case OwnerQuotas.Place.Full full ->
                        new Entry.Full(limit, full.comeBackAt(), full.turns(), full.spacing());
            };
        } catch (QuotaUnavailableException e) {
            return new Entry.Uncounted(e.getMessage());
        }
    }

    /**
     * Gives back a place taken by {@link #enter} at {@code now}, which teaches the owner's pool how
     * long its crawls take; a place that cannot be given back ends by itself.
     */
    public void leave(Entry entry, Instant now) {
        if (entry instanceof Entry.Held held) {
            try {
                quotas.release(
                        held.pool(),
                        held.tenant(),
                        held.holder(),
                        Optional.of(Duration.between(held.since(), now)));
            } catch (QuotaUnavailableException e) {
                // It ends at its until, the end of the invocation.
            }
        }
    }
}
