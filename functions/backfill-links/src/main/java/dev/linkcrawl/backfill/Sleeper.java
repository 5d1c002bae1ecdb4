package dev.linkcrawl.backfill;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the pauses instead of taking them. */
@FunctionalInterface
public interface Sleeper {

    /** Really waits, with {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
