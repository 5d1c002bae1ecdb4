package dev.linkcrawl.submit;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Leaves a dependency the API may do without alone for a while after it failed (down, or slower
 * than its timeout): a slow index costs one save one timeout, not every save. Thread-safe.
 */
final class FailurePause {

    private final Duration pause;
    private final AtomicReference<Instant> failedAt = new AtomicReference<>(Instant.MIN);

    FailurePause(Duration pause) {
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** Whether the dependency failed less than the pause before {@code now}. */
    boolean paused(Instant now) {
        return now.isBefore(failedAt.get().plus(pause));
    }

    /** Notes that the dependency failed at {@code now}. */
    void failed(Instant now) {
        failedAt.set(now);
    }

    /** Why a paused dependency was not asked. */
    String why() {
        return "it failed in the last " + pause.toSeconds() + " s; not asked";
    }
}
