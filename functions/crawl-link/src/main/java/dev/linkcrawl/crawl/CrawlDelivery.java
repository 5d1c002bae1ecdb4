package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.delivery.CrawlQueues;
import dev.linkcrawl.crawl.delivery.Delivery;
import dev.linkcrawl.crawl.delivery.FullOwners;
import dev.linkcrawl.crawl.delivery.OwnerShare;
import dev.linkcrawl.crawl.delivery.QueueRole;
import dev.linkcrawl.crawl.delivery.QueueUnreachableException;
import dev.linkcrawl.crawl.fetch.Preemption;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.MalformedMessageException;
import dev.linkcrawl.link.RetrySchedule;
import dev.linkcrawl.link.TenantKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * What becomes of one delivery of a crawl message: decoded, admitted within its owner's share of
 * the queue's crawls ({@link OwnerShare}) or put back for later, crawled ({@link CrawlLink}), and,
 * when it must come back, hidden for a growing delay ({@link RetrySchedule}) rather than the
 * queue's fixed visibility timeout.
 */
public final class CrawlDelivery {

    private final CrawlLink crawlLink;
    private final CrawlQueues queues;
    private final Optional<OwnerShare> share;
    private final RetrySchedule retries;
    private final int maxReceives;
    private final Duration placeAfter;
    private final Clock clock;
    private final DoubleSupplier random;
    private final CrawlMessageCodec codec = new CrawlMessageCodec();
    private final FullOwners fullOwners = new FullOwners();

    /**
     * @param share the owners' shares of crawls; empty for none
     * @param maxReceives the queue's {@code maxReceiveCount}: a failed last delivery is shown again
     *     at once, so it moves to the dead-letter queue without waiting out a delay
     * @param placeAfter how long a crawl runs before it takes one of its owner's places ({@link
     *     #PLACE_AFTER})
     * @param random numbers in [0, 1) that spread the delays
     */
    public CrawlDelivery(
            CrawlLink crawlLink,
            CrawlQueues queues,
            Optional<OwnerShare> share,
            RetrySchedule retries,
            int maxReceives,
            Duration placeAfter,
            Clock clock,
            DoubleSupplier random) {
        this.placeAfter = Objects.requireNonNull(placeAfter, "placeAfter");
        this.crawlLink = Objects.requireNonNull(crawlLink, "crawlLink");
        this.queues = Objects.requireNonNull(queues, "queues");
        this.share = Objects.requireNonNull(share, "share");
        this.retries = Objects.requireNonNull(retries, "retries");
        this.maxReceives = maxReceives;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Crawls every delivery with no queue to defer to or delay on, and no owners' shares: for a
     * handler under test.
     */
    static CrawlDelivery withoutQueues(CrawlLink crawlLink, Clock clock) {
        return new CrawlDelivery(
                crawlLink,
                CrawlQueues.NONE,
                Optional.empty(),
                RetrySchedule.DEFAULT,
                Integer.MAX_VALUE,
                PLACE_AFTER,
                clock,
                () -> 0.5);
    }

    /**
     * How long a crawl runs before it needs one of its owner's places: 1 second. An ordinary page
     * is fetched, extracted and indexed sooner, so it never touches the counts; only slow fetches,
     * which are what hold the queue's concurrency, are counted.
     */
    public static final Duration PLACE_AFTER = Duration.ofSeconds(1);

    /** Runs the place checks of crawls that outlast {@link #PLACE_AFTER}. */
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().daemon().name("linkcrawl-owner-share").factory());

    /** What became of a delivery, and whether it is done with ({@link #acknowledged()}). */
    public sealed interface Verdict {
        /** Whether the message may be deleted; otherwise it comes back. */
        boolean acknowledged();

        /** The body is not a crawl message; it comes back until it reaches the DLQ. */
        record Malformed(String reason) implements Verdict {
            @Override
            public boolean acknowledged() {
                return false;
            }
        }

        /** The owner held its share of crawls: a copy comes back after {@code delay}. */
        record Deferred(CrawlMessage message, int limit, Duration delay, boolean acknowledged)
                implements Verdict {}

        /**
         * The link was crawled; {@code retryIn} is when it comes back, if it must; {@code
         * uncounted} says why the owner's share could not be checked, if it could not.
         */
        record Crawled(
                CrawlMessage message,
                CrawlLink.Result result,
                Optional<Duration> retryIn,
                Optional<String> uncounted)
                implements Verdict {
            @Override
            public boolean acknowledged() {
                return !(result.outcome() instanceof CrawlLink.Outcome.Redeliver);
            }
        }
    }

    /**
     * Handles {@code delivery}.
     *
     * @param deadline when the fetch must be over
     * @param invocationEnd when the invocation runs out of time (an owner's place lasts no longer)
     */
    public Verdict handle(Delivery delivery, Instant deadline, Instant invocationEnd) {
        CrawlMessage message;
        try {
            message = codec.decode(delivery.body());
        } catch (MalformedMessageException e) {
            // Never dropped: it comes back until SQS moves it to the DLQ, where an operator sees
            // it.
            retryLater(delivery, Optional.empty());
            return new Verdict.Malformed(e.getMessage());
        }
        Optional<QueueRole> role = queues.roleOf(delivery);
        Preemption preemption = new Preemption();
        CompletableFuture<OwnerShare.Entry> entry = new CompletableFuture<>();
        boolean counted = share.isPresent() && role.isPresent();
        if (counted && fullOwners.lately(role.get(), message.owner(), clock.instant())) {
            Optional<OwnerShare.Entry.Full> farTurn =
                    fullOwners.turnBeyond(
                            role.get(), message.owner(), clock.instant(), LONGEST_DEFERRAL);
            if (farTurn.isPresent()) {
                return defer(delivery, message, farTurn.get());
            }
            boolean firstDelivery = delivery.deferrals() == 0;
            if (firstDelivery) {
                // A new message of an owner found full lately takes a turn this instance holds.
                Optional<OwnerShare.Entry.Full> turn =
                        fullOwners.reservedTurn(role.get(), message.owner(), clock.instant());
                if (turn.isPresent()) {
                    return defer(delivery, message, turn.get());
                }
            }
            // An owner found full lately asks first: put back now rather than after a second. A
            // new message asks for a block of turns; one at its turn for a place (or one turn).
            int turns =
                    firstDelivery
                            ? fullOwners.turnsToAsk(role.get(), message.owner(), clock.instant())
                            : 1;
            takePlace(role.get(), delivery, message, invocationEnd, entry, preemption, turns);
            if (entry.join() instanceof OwnerShare.Entry.Full full) {
                return defer(delivery, message, full);
            }
        }
        // A crawl takes one of its owner's places only once it has run PLACE_AFTER: most pages
        // answer sooner and never touch the counts; a slow one past its owner's share stops.
        ScheduledFuture<?> check =
                counted && !entry.isDone()
                        ? timer.schedule(
                                () ->
                                        takePlace(
                                                role.get(),
                                                delivery,
                                                message,
                                                invocationEnd,
                                                entry,
                                                preemption,
                                                1),
                                placeAfter.toMillis(),
                                TimeUnit.MILLISECONDS)
                        : null;
        CrawlLink.Result result;
        OwnerShare.Entry taken;
        try {
            result = crawlLink.crawl(message, delivery.receiveCount(), deadline, preemption);
        } finally {
            if (check == null || check.cancel(false)) {
                entry.complete(new OwnerShare.Entry.Unlimited());
            }
            taken = entry.join();
            share.ifPresent(s -> s.leave(taken, clock.instant()));
        }
        if (result.outcome() instanceof CrawlLink.Outcome.Preempted
                && taken instanceof OwnerShare.Entry.Full full) {
            return defer(delivery, message, full);
        }
        Optional<Duration> retryIn = Optional.empty();
        if (result.outcome() instanceof CrawlLink.Outcome.Redeliver redeliver) {
            retryIn = retryLater(delivery, redeliver.retryAfter());
        }
        return new Verdict.Crawled(
                message,
                result,
                retryIn,
                taken instanceof OwnerShare.Entry.Uncounted uncounted
                        ? Optional.of(uncounted.why())
                        : Optional.empty());
    }

    private void takePlace(
            QueueRole role,
            Delivery delivery,
            CrawlMessage message,
            Instant invocationEnd,
            CompletableFuture<OwnerShare.Entry> entry,
            Preemption preemption,
            int turns) {
        try {
            OwnerShare.Entry taken =
                    share.orElseThrow()
                            .enter(
                                    role,
                                    delivery,
                                    message.owner(),
                                    clock.instant(),
                                    invocationEnd,
                                    turns);
            entry.complete(taken);
            if (taken instanceof OwnerShare.Entry.Full full) {
                fullOwners.foundFull(role, message.owner(), clock.instant(), full);
                preemption.preempt();
            }
        } catch (RuntimeException e) {
            entry.complete(new OwnerShare.Entry.Uncounted(e.toString()));
        }
    }

    /**
     * Puts the message back until its turn in the owner's paced overflow, at least {@link
     * #LEAST_DEFERRAL} and at most {@link #LONGEST_DEFERRAL} (a later turn is asked for again
     * then).
     */
    private Verdict defer(Delivery delivery, CrawlMessage message, OwnerShare.Entry.Full full) {
        Duration untilTurn = Duration.between(clock.instant(), full.comeBackAt());
        Duration delay =
                untilTurn.compareTo(LEAST_DEFERRAL) < 0
                        ? LEAST_DEFERRAL
                        : untilTurn.compareTo(LONGEST_DEFERRAL) > 0 ? LONGEST_DEFERRAL : untilTurn;
        try {
            queues.deferAgain(delivery, TenantKey.of(message.owner()).value(), delay);
            return new Verdict.Deferred(message, full.limit(), delay, true);
        } catch (QueueUnreachableException e) {
            return new Verdict.Deferred(message, full.limit(), delay, false);
        }
    }

    /** The shortest wait of a deferred message: 1 second, SQS's unit of delay. */
    static final Duration LEAST_DEFERRAL = Duration.ofSeconds(1);

    /**
     * The longest: 5 minutes (SQS allows 15). A turn is paced by how long the owner's slow crawls
     * took, and a site that recovers does not call back the copies already put away; asking again
     * at least every 5 minutes lets a backlog resume within 5 minutes of its sites answering, for
     * one cheap check per waiting link per 5 minutes.
     */
    static final Duration LONGEST_DEFERRAL = Duration.ofMinutes(5);

    /**
     * Hides a delivery that must come back for its scheduled delay; the last delivery is shown
     * again at once, for SQS to move to the dead-letter queue.
     *
     * @return the delay set, empty when the queue could not be told
     */
    private Optional<Duration> retryLater(Delivery delivery, Optional<Duration> retryAfter) {
        if (queues.roleOf(delivery).isEmpty()) {
            return Optional.empty();
        }
        Duration delay =
                delivery.receiveCount() >= maxReceives
                        ? Duration.ZERO
                        : retries.after(delivery.receiveCount(), retryAfter, random);
        try {
            queues.retryAfter(delivery, delay);
            return Optional.of(delay);
        } catch (QueueUnreachableException e) {
            return Optional.empty();
        }
    }
}
