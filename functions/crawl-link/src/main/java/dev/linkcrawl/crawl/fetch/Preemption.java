package dev.linkcrawl.crawl.fetch;

import java.util.concurrent.atomic.AtomicReference;

/**
 * A way to stop a fetch from another thread: the crawl of an owner past its share of crawls gives
 * its slot back to other owners' links. {@link #preempt()} cancels the request in flight and every
 * later one; the fetch then ends as {@link FailureCode#PREEMPTED}. Thread-safe.
 */
public final class Preemption {

    /** No one will ever preempt this fetch. */
    public static Preemption never() {
        return new Preemption();
    }

    private static final Runnable NOTHING = () -> {};
    private static final Runnable PREEMPTED = () -> {};

    /** What to cancel now: the request in flight, nothing, or the mark that it is over. */
    private final AtomicReference<Runnable> current = new AtomicReference<>(NOTHING);

    /** Stops the fetch: its request in flight now, and any it would send later. */
    public void preempt() {
        Runnable cancel = current.getAndSet(PREEMPTED);
        cancel.run();
    }

    public boolean preempted() {
        return current.get() == PREEMPTED;
    }

    /**
     * Registers how to cancel the request about to be sent.
     *
     * @return false when the fetch is already preempted (do not send it)
     */
    boolean inFlight(Runnable cancel) {
        Runnable before = current.get();
        while (before != PREEMPTED) {
            if (current.compareAndSet(before, cancel)) {
                return true;
            }
            before = current.get();
        }
        return false;
    }

    /** The request registered last is over. */
    void done() {
        Runnable before = current.get();
        if (before != PREEMPTED) {
            current.compareAndSet(before, NOTHING);
        }
    }
}
