package dev.linkcrawl.testing;

import dev.linkcrawl.limit.OwnerQuotas;
import dev.linkcrawl.limit.QuotaUnavailableException;
import dev.linkcrawl.link.TenantKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Owner counts in memory, for unit tests; {@code OwnerQuotasContract} holds it to what {@link
 * dev.linkcrawl.limit.OpenSearchOwnerQuotas} does. {@link #unavailable(boolean)} makes every call
 * fail as an unreachable store would.
 */
public final class InMemoryOwnerQuotas implements OwnerQuotas {

    private record Day(LocalDate day, int count) {}

    private final Map<TenantKey, Day> days = new HashMap<>();
    private final Map<String, Map<String, Instant>> leases = new HashMap<>();
    private boolean unavailable;

    /** Whether every call fails with {@link QuotaUnavailableException}. */
    public synchronized InMemoryOwnerQuotas unavailable(boolean value) {
        unavailable = value;
        return this;
    }

    @Override
    public synchronized boolean countLink(TenantKey tenant, LocalDate day, int perDay) {
        check();
        Day current = days.get(tenant);
        int count = current == null || !current.day().equals(day) ? 0 : current.count();
        if (count >= perDay) {
            return false;
        }
        days.put(tenant, new Day(day, count + 1));
        return true;
    }

    @Override
    public synchronized boolean hold(
            String pool, TenantKey tenant, String holder, int limit, Instant now, Instant until) {
        check();
        Map<String, Instant> held =
                leases.computeIfAbsent(pool + ":" + tenant, key -> new HashMap<>());
        held.values().removeIf(end -> !end.isAfter(now));
        if (!held.containsKey(holder) && held.size() >= limit) {
            return false;
        }
        held.put(holder, until);
        return true;
    }

    @Override
    public synchronized void release(String pool, TenantKey tenant, String holder) {
        check();
        Map<String, Instant> held = leases.get(pool + ":" + tenant);
        if (held != null) {
            held.remove(holder);
        }
    }

    /** Places of {@code tenant} in {@code pool} that have not ended by {@code now}. */
    public synchronized int held(String pool, TenantKey tenant, Instant now) {
        Map<String, Instant> held = leases.getOrDefault(pool + ":" + tenant, Map.of());
        return (int) held.values().stream().filter(end -> end.isAfter(now)).count();
    }

    private void check() {
        if (unavailable) {
            throw new QuotaUnavailableException("owner counts unavailable (test)");
        }
    }
}
