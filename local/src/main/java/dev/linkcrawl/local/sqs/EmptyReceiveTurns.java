package dev.linkcrawl.local.sqs;

import java.time.Duration;
import java.time.Instant;

/**
 * Takes turns among the receivers that found nothing while a queue is asked without waiting ({@link
 * ReceiveWait}): one receive every pause divided among them, rather than each resting the whole
 * pause. Rested side by side, the receivers fell into step (they find nothing together when the
 * queue empties) and asked at once: a message sent just after they had asked waited the whole
 * pause, up to 100 ms, which was most of another owner's delay while a flood's copies sat delayed
 * in the queue. Taking turns asks as often as before, and sees a new message within one turn.
 */
final class EmptyReceiveTurns {

    private final Duration spacing;
    private Instant lastTurn = Instant.EPOCH;

    /**
     * @param pause how long each receiver rests between its receives that find nothing
     * @param receivers how many receivers take turns
     */
    EmptyReceiveTurns(Duration pause, int receivers) {
        if (receivers < 1) {
            throw new IllegalArgumentException("receivers must be at least 1, not " + receivers);
        }
        this.spacing = pause.dividedBy(receivers);
    }

    /**
     * When a receiver that found nothing at {@code now} asks again: one spacing after now or after
     * the last turn given, whichever is later.
     */
    synchronized Instant nextTurn(Instant now) {
        Instant afterNow = now.plus(spacing);
        Instant afterLast = lastTurn.plus(spacing);
        lastTurn = afterLast.isAfter(afterNow) ? afterLast : afterNow;
        return lastTurn;
    }
}
