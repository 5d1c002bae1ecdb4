package dev.linkcrawl.testing;

import dev.linkcrawl.limit.OwnerQuotas;
import dev.linkcrawl.limit.QuotaUnavailableException;
import dev.linkcrawl.link.TenantKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Owner counts in memory, for unit tests; {@code OwnerQuotasContract} holds it to what {@link
 * dev.linkcrawl.limit.OpenSearchOwnerQuotas} does. {@link #unavailable(boolean)} makes every call
 * fail as an unreachable store would.
 */
public final class InMemoryOwnerQuotas implements OwnerQuotas {

    /** The least time between two turns of a full pool, as OpenSearch's script has it: 20 ms. */
    private static final long MIN_SPACING_MS = 20;

    private record Day(LocalDate day, int count) {}

    /** One owner's places in one pool. */
    private static final class Pool {
        final Map<String, Instant> leases = new HashMap<>();
        Optional<Long> typicalMs = Optional.empty();
        Optional<Instant> nextAt = Optional.empty();
    }

    private final Map<TenantKey, Day> days = new HashMap<>();
    private final Map<String, Pool> pools = new HashMap<>();
    private boolean unavailable;
    private int holds;

    /** Whether every call fails with {@link QuotaUnavailableException}. */
    public synchronized InMemoryOwnerQuotas unavailable(boolean value) {
        unavailable = value;
        return this;
    }

    private int countUpdates;

    @Override
    public synchronized int countLinks(TenantKey tenant, LocalDate day, int perDay, int wanted) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1, not " + wanted);
        }
        check();
        countUpdates++;
        Day current = days.get(tenant);
        int count = current == null || !current.day().equals(day) ? 0 : current.count();
        int granted = Math.max(0, Math.min(wanted, perDay - count));
        if (granted > 0) {
            days.put(tenant, new Day(day, count + granted));
        }
        return granted;
    }

    /** Count updates made (asked for while the counts could be reached). */
    public synchronized int countUpdates() {
        return countUpdates;
    }

    @Override
    public synchronized Place hold(
            String pool,
            TenantKey tenant,
            String holder,
            int limit,
            Instant now,
            Instant until,
            int turns) {
        OwnerQuotas.requireTurns(turns);
        holds++;
        check();
        Pool places = pools.computeIfAbsent(pool + ":" + tenant, key -> new Pool());
        places.leases.values().removeIf(end -> !end.isAfter(now));
        if (places.leases.containsKey(holder) || places.leases.size() < limit) {
            places.leases.put(holder, until);
            return new Place.Held();
        }
        long typical = places.typicalMs.orElse(DEFAULT_TYPICAL_HOLD.toMillis());
        Instant next = places.nextAt.filter(at -> at.isAfter(now)).orElse(now);
        Duration spacing = Duration.ofMillis(Math.max(MIN_SPACING_MS, typical / limit));
        places.nextAt = Optional.of(next.plus(spacing.multipliedBy(turns)));
        return new Place.Full(next, turns, spacing);
    }

    @Override
    public synchronized void release(
            String pool, TenantKey tenant, String holder, Optional<Duration> held) {
        check();
        Pool places = pools.get(pool + ":" + tenant);
        if (places == null) {
            return;
        }
        places.leases.remove(holder);
        held.ifPresent(
                took ->
                        places.typicalMs =
                                Optional.of(
                                        places.typicalMs
                                                .map(t -> (long) (0.8 * t + 0.2 * took.toMillis()))
                                                .orElse(took.toMillis())));
    }

    /** Places of {@code tenant} in {@code pool} that have not ended by {@code now}. */
    public synchronized int held(String pool, TenantKey tenant, Instant now) {
        Pool places = pools.get(pool + ":" + tenant);
        return places == null
                ? 0
                : (int) places.leases.values().stream().filter(end -> end.isAfter(now)).count();
    }

    /** How many times a place was asked for. */
    public synchronized int holds() {
        return holds;
    }

    private void check() {
        if (unavailable) {
            throw new QuotaUnavailableException("owner counts unavailable (test)");
        }
    }
}
