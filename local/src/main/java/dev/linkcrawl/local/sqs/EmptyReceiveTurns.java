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

    private final int receivers;
    private Instant lastTurn = Instant.EPOCH;

    /**
     * @param receivers how many receivers take turns
     */
    EmptyReceiveTurns(int receivers) {
        if (receivers < 1) {
            throw new IllegalArgumentException("receivers must be at least 1, not " + receivers);
        }
        this.receivers = receivers;
    }

    /**
     * When a receiver that found nothing at {@code now} asks again, each receiver resting {@code
     * pause} between its receives: one spacing ({@code pause} divided among the receivers) after
     * now or after the last turn given, whichever is later.
     */
    synchronized Instant nextTurn(Instant now, Duration pause) {
        Duration spacing = pause.dividedBy(receivers);
        Instant afterNow = now.plus(spacing);
        Instant afterLast = lastTurn.plus(spacing);
        lastTurn = afterLast.isAfter(afterNow) ? afterLast : afterNow;
        return lastTurn;
    }
}
