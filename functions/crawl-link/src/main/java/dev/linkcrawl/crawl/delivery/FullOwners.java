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
 *
 * <p>An instance that keeps seeing a full owner's new messages asks for its turns in blocks (1, 2,
 * 4 … {@link #MOST_TURNS} at a time, doubling while the owner stays full) and hands them out
 * itself: a flood of 50 links a second otherwise costs the counts 50 updates a second of one
 * owner's document, which the counts apply one at a time, and every other owner's writes to
 * OpenSearch wait behind them. A handed-out turn is the one the counts would have answered had the
 * instance asked; the message asks for a place when it comes back at it.
 */
public final class FullOwners {

    /** How long a full owner is remembered after it was last found full. */
    public static final Duration REMEMBERED = Duration.ofSeconds(30);

    /** More owners than this at once are forgotten wholesale: memory stays bounded. */
    static final int MOST_REMEMBERED = 10_000;

    /** The most turns asked for at once: 16. */
    static final int MOST_TURNS = 16;

    /**
     * @param answer the last answer, whose turn says how far the owner's overflow reaches
     * @param block the last answer that reserved turns for this instance
     * @param handedOut how many of the block's turns were handed out, the asker's first included
     * @param nextAsk how many turns to ask for next time
     */
    private record Found(
            Instant until,
            OwnerShare.Entry.Full answer,
            OwnerShare.Entry.Full block,
            int handedOut,
            int nextAsk) {

        boolean blockUsedUp() {
            return handedOut >= block.turns();
        }
    }

    private final Map<String, Found> fullUntil = new ConcurrentHashMap<>();

    /**
     * The owner {@code tenant} was found past its share of {@code queue} at {@code now}, its next
     * turn as {@code answer} says; the asker takes the first of the answer's turns.
     */
    public void foundFull(
            QueueRole queue, String tenant, Instant now, OwnerShare.Entry.Full answer) {
        Objects.requireNonNull(answer, "answer");
        if (fullUntil.size() >= MOST_REMEMBERED) {
            fullUntil.clear();
        }
        Instant until = now.plus(REMEMBERED);
        int grown = Math.min(MOST_TURNS, answer.turns() * 2);
        fullUntil.merge(
                key(queue, tenant),
                new Found(until, answer, answer, 1, grown),
                (before, found) -> {
                    // A single turn answered to a message at its turn leaves the block be.
                    boolean keepBlock = answer.turns() == 1 && !before.blockUsedUp();
                    return new Found(
                            until,
                            answer,
                            keepBlock ? before.block() : answer,
                            keepBlock ? before.handedOut() : 1,
                            Math.max(before.nextAsk(), grown));
                });
    }

    /** How many turns to ask for: 1 for an owner not found full lately, more while it stays so. */
    public int turnsToAsk(QueueRole queue, String tenant, Instant now) {
        if (!lately(queue, tenant, now)) {
            return 1;
        }
        Found found = fullUntil.get(key(queue, tenant));
        return found == null ? 1 : found.nextAsk();
    }

    /**
     * The next turn this instance holds for the owner, handed out; empty when it holds none, or
     * only turns that have passed (the owner's overflow moved on without them: ask again).
     */
    public Optional<OwnerShare.Entry.Full> reservedTurn(
            QueueRole queue, String tenant, Instant now) {
        if (!lately(queue, tenant, now)) {
            return Optional.empty();
        }
        OwnerShare.Entry.Full[] turn = new OwnerShare.Entry.Full[1];
        fullUntil.computeIfPresent(
                key(queue, tenant),
                (key, found) -> {
                    if (found.blockUsedUp()) {
                        return found;
                    }
                    OwnerShare.Entry.Full block = found.block();
                    Instant at =
                            block.comeBackAt()
                                    .plus(block.spacing().multipliedBy(found.handedOut()));
                    int handedOut = block.turns();
                    if (!at.isBefore(now)) {
                        turn[0] = new OwnerShare.Entry.Full(block.limit(), at);
                        handedOut = found.handedOut() + 1;
                    }
                    return new Found(
                            found.until(), found.answer(), block, handedOut, found.nextAsk());
                });
        return Optional.ofNullable(turn[0]);
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
