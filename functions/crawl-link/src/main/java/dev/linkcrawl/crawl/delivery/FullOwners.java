package dev.linkcrawl.crawl.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owners this function instance lately found past their share of a queue. While an owner's backlog
 * lasts, the same warm instances see its messages again and again: asking for a place before such a
 * crawl starts puts it back in milliseconds, where waiting the usual second before asking would
 * hold one of the queue's slots for that second, once per message of the backlog. Remembered per
 * instance, as Lambda keeps an instance's memory between invocations.
 */
public final class FullOwners {

    /** How long a full owner is remembered after it was last found full. */
    public static final Duration REMEMBERED = Duration.ofSeconds(30);

    /** More owners than this at once are forgotten wholesale: memory stays bounded. */
    static final int MOST_REMEMBERED = 10_000;

    private final Map<String, Instant> fullUntil = new ConcurrentHashMap<>();

    /** The owner {@code tenant} was found past its share of {@code queue} at {@code now}. */
    public void foundFull(QueueRole queue, String tenant, Instant now) {
        if (fullUntil.size() >= MOST_REMEMBERED) {
            fullUntil.clear();
        }
        fullUntil.put(key(queue, tenant), now.plus(REMEMBERED));
    }

    /** The owner got a place again: its next crawl waits before asking, as anyone's does. */
    public void foundRoom(QueueRole queue, String tenant) {
        fullUntil.remove(key(queue, tenant));
    }

    /** Whether the owner was found full within the last {@link #REMEMBERED}. */
    public boolean lately(QueueRole queue, String tenant, Instant now) {
        String key = key(queue, tenant);
        Instant until = fullUntil.get(key);
        if (until == null) {
            return false;
        }
        if (!now.isBefore(until)) {
            fullUntil.remove(key, until);
            return false;
        }
        return true;
    }

    private static String key(QueueRole queue, String tenant) {
        return Objects.requireNonNull(queue, "queue") + "/" + Objects.requireNonNull(tenant);
    }
}
