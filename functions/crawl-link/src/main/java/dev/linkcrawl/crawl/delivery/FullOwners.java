package dev.linkcrawl.crawl.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Owners this function instance lately found past their share of a queue. While an owner's backlog
 * lasts, the same warm instances see its messages again and again: asking for a place before such a
 * crawl starts puts it back in milliseconds, where waiting the usual second before asking would
 * hold one of the queue's slots for that second, once per message of the backlog. And while the
 * owner's next turn, as last answered, is further away than the longest a message is put back for,
 * asking again could only answer "later than that": such a message is put back for the longest
 * without asking, which spares the counts one update per message of a flood. Remembered per
 * instance, as Lambda keeps an instance's memory between invocations, and for {@link #REMEMBERED}
 * after the owner was last found full even when it gets a place again in between: a flood's
 * messages arrive faster than its places free, and forgotten at each free place the next ones
 * started fetching before asking, each holding a slot of the queue for the second before its check
 * (50 a second of them held every slot, and another owner's crawl waited up to that second).
 */
public final class FullOwners {

    /** How long a full owner is remembered after it was last found full. */
    public static final Duration REMEMBERED = Duration.ofSeconds(30);

    /** More owners than this at once are forgotten wholesale: memory stays bounded. */
    static final int MOST_REMEMBERED = 10_000;

    private record Found(Instant until, OwnerShare.Entry.Full answer) {}

    private final Map<String, Found> fullUntil = new ConcurrentHashMap<>();

    /**
     * The owner {@code tenant} was found past its share of {@code queue} at {@code now}, its next
     * turn as {@code answer} says.
     */
    public void foundFull(
            QueueRole queue, String tenant, Instant now, OwnerShare.Entry.Full answer) {
        if (fullUntil.size() >= MOST_REMEMBERED) {
            fullUntil.clear();
        }
        fullUntil.put(
                key(queue, tenant),
                new Found(now.plus(REMEMBERED), Objects.requireNonNull(answer)));
    }

    /**
     * The last answer for an owner found full lately whose next turn is at least {@code horizon}
     * after {@code now}; empty when there is none or the turn is nearer.
     */
    public Optional<OwnerShare.Entry.Full> turnBeyond(
            QueueRole queue, String tenant, Instant now, Duration horizon) {
        if (!lately(queue, tenant, now)) {
            return Optional.empty();
        }
        Found found = fullUntil.get(key(queue, tenant));
        return found != null && !found.answer().comeBackAt().isBefore(now.plus(horizon))
                ? Optional.of(found.answer())
                : Optional.empty();
    }

    /** Whether the owner was found full within the last {@link #REMEMBERED}. */
    public boolean lately(QueueRole queue, String tenant, Instant now) {
        String key = key(queue, tenant);
        Found found = fullUntil.get(key);
        if (found == null) {
            return false;
        }
        if (!now.isBefore(found.until())) {
            fullUntil.remove(key, found);
            return false;
        }
        return true;
    }

    private static String key(QueueRole queue, String tenant) {
        return Objects.requireNonNull(queue, "queue") + "/" + Objects.requireNonNull(tenant);
    }
}
