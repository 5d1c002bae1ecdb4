package dev.linkcrawl.local.sqs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which tenant's message an Amazon SQS fair queue hands out next, following the rule AWS documents
 * in "How Amazon SQS fair queues work" (SQS Developer Guide, <a
 * href="https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-fair-queues-detailed.html">sqs-fair-queues-detailed</a>).
 * ElasticMQ accepts {@code MessageGroupId} on standard queues but hands messages out in arrival
 * order (softwaremill/elasticmq #1139), so the local event source asks this class instead.
 *
 * <ul>
 *   <li>The tenant is the message's {@code MessageGroupId}; a message without one is a tenant of
 *       its own.
 *   <li>A tenant is a noisy neighbour while it holds more than {@value #CONCURRENCY_SHARE} of the
 *       queue's in-flight messages and at least {@value #MIN_IN_FLIGHT} of its own, or more than
 *       {@value #PROCESSING_SHARE} of the consumers' recent processing time (here: the last {@link
 *       #PROCESSING_WINDOW}, invocations still running counted up to now).
 *   <li>While any quiet tenant has a message waiting, quiet tenants are served first (the oldest
 *       waiting message among them); noisy tenants' messages are never dropped, only served when no
 *       quiet message waits, the noisy tenant with the fewest in flight first.
 *   <li>A tenant stops being noisy when its backlog is empty, when it has sent nothing for {@link
 *       #QUIET_AFTER}, or when its shares fall back under the thresholds.
 * </ul>
 *
 * AWS calls its thresholds approximate (a distributed system); these are the documented values,
 * applied exactly. Not thread-safe: the event source calls it under its own lock.
 */
final class FairDelivery {

    /** A tenant above this share of in-flight messages (with {@link #MIN_IN_FLIGHT}) is noisy. */
    static final double CONCURRENCY_SHARE = 0.10;

    /** In-flight messages a tenant needs of its own before its concurrency share counts: 30. */
    static final int MIN_IN_FLIGHT = 30;

    /** A tenant above this share of recent processing time is noisy. */
    static final double PROCESSING_SHARE = 0.10;

    /**
     * What "recent" processing time means here: 60 seconds (AWS does not publish its window). Long
     * enough to span several fetch deadlines, short enough that a flood ends being noisy soon after
     * it ends.
     */
    static final Duration PROCESSING_WINDOW = Duration.ofSeconds(60);

    /** A tenant that sent nothing for this long is quiet again: 5 minutes. */
    static final Duration QUIET_AFTER = Duration.ofMinutes(5);

    private final Map<String, Tenant> tenants = new HashMap<>();

    /** What is known of one tenant. */
    private static final class Tenant {
        Instant lastSent = Instant.MIN;

        /** Start times of this tenant's invocations still running. */
        final Deque<Instant> running = new ArrayDeque<>();

        /** Finished invocations in the window: when each ended and how long it ran. */
        final Deque<Finished> finished = new ArrayDeque<>();
    }

    private record Finished(Instant at, Duration took) {}

    /** {@code tenant} sent a message at {@code sentAt} (its {@code SentTimestamp}). */
    void sent(String tenant, Instant sentAt) {
        Tenant t = tenant(tenant);
        if (sentAt.isAfter(t.lastSent)) {
            t.lastSent = sentAt;
        }
    }

    /** A message of {@code tenant} went to a consumer at {@code now}: it is in flight. */
    void started(String tenant, Instant now) {
        tenant(tenant).running.addLast(now);
    }

    /**
     * A message of {@code tenant} that {@linkplain #started started} at {@code startedAt} ended.
     */
    void finished(String tenant, Instant startedAt, Instant now) {
        Tenant t = tenant(tenant);
        t.running.remove(startedAt);
        t.finished.addLast(new Finished(now, Duration.between(startedAt, now)));
    }

    /**
     * The tenant whose message goes out next, given when the oldest waiting message of each tenant
     * with messages waiting was sent; empty when none waits.
     */
    Optional<String> next(Map<String, Instant> oldestWaiting, Instant now) {
        forgetOld(now);
        Comparator<Map.Entry<String, Instant>> oldestFirst = Map.Entry.comparingByValue();
        Optional<String> quiet =
                oldestWaiting.entrySet().stream()
                        .filter(waiting -> !isNoisy(waiting.getKey(), true, now))
                        .min(oldestFirst)
                        .map(Map.Entry::getKey);
        if (quiet.isPresent()) {
            return quiet;
        }
        return oldestWaiting.entrySet().stream()
                .min(
                        Comparator.<Map.Entry<String, Instant>>comparingInt(
                                        waiting -> inFlight(waiting.getKey()))
                                .thenComparing(oldestFirst))
                .map(Map.Entry::getKey);
    }

    /**
     * Whether {@code tenant} is a noisy neighbour now, given whether it has messages waiting (a
     * tenant whose backlog is empty is quiet).
     */
    boolean isNoisy(String tenant, boolean hasBacklog, Instant now) {
        Tenant t = tenants.get(tenant);
        if (t == null || !hasBacklog || t.lastSent.isBefore(now.minus(QUIET_AFTER))) {
            return false;
        }
        int mine = t.running.size();
        int all = tenants.values().stream().mapToInt(other -> other.running.size()).sum();
        if (mine >= MIN_IN_FLIGHT && mine > CONCURRENCY_SHARE * all) {
            return true;
        }
        double total =
                tenants.values().stream().mapToDouble(other -> processingMillis(other, now)).sum();
        return total > 0 && processingMillis(t, now) > PROCESSING_SHARE * total;
    }

    /** Messages of {@code tenant} in flight. */
    int inFlight(String tenant) {
        Tenant t = tenants.get(tenant);
        return t == null ? 0 : t.running.size();
    }

    /** Processing time within the window: finished invocations, and running ones up to now. */
    private static double processingMillis(Tenant t, Instant now) {
        Instant windowStart = now.minus(PROCESSING_WINDOW);
        double millis = 0;
        for (Finished f : t.finished) {
            Instant from = f.at().minus(f.took());
            millis +=
                    Duration.between(from.isBefore(windowStart) ? windowStart : from, f.at())
                            .toMillis();
        }
        for (Instant started : t.running) {
            millis +=
                    Duration.between(started.isBefore(windowStart) ? windowStart : started, now)
                            .toMillis();
        }
        return millis;
    }

    private void forgetOld(Instant now) {
        Instant windowStart = now.minus(PROCESSING_WINDOW);
        Iterator<Map.Entry<String, Tenant>> it = tenants.entrySet().iterator();
        while (it.hasNext()) {
            Tenant t = it.next().getValue();
            while (!t.finished.isEmpty() && t.finished.peekFirst().at().isBefore(windowStart)) {
                t.finished.removeFirst();
            }
            if (t.running.isEmpty()
                    && t.finished.isEmpty()
                    && t.lastSent.isBefore(now.minus(QUIET_AFTER))) {
                it.remove();
            }
        }
    }

    private Tenant tenant(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return tenants.computeIfAbsent(tenant, key -> new Tenant());
    }
}
