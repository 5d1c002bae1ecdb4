package dev.linkcrawl.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps a number of tarpit links outstanding: every 100 ms it hands {@link SlowLinkSender} (which
 * does not wait for answers) as many new links as the tarpit finished since, so {@code posted -
 * finished at the tarpit} stays at the target. Links wait in the queue, in the crawler or in the
 * inline server's backlog; each one ends at the tarpit when its fetch deadline cuts it.
 *
 * <p>It posts at most {@code 2 × target / deadline} links a second (room to catch up), so the slow
 * links arrive as a steady stream and their deadlines fall apart, rather than all at once every
 * deadline: a burst of 200 POSTs would measure the burst, not the slow crawls.
 */
final class TarpitFeeder implements AutoCloseable {

    private final SlowLinkSender sender;
    private final TrapServer tarpit;
    private final int target;
    private final long finishedAtStart;
    private final double perTick;
    private final AtomicLong posted = new AtomicLong();
    private final Thread thread;
    private volatile boolean stopped;

    TarpitFeeder(SlowLinkSender sender, TrapServer tarpit, int target, Duration deadline) {
        this.perTick = 2 * target / (double) Math.max(1, deadline.toSeconds()) / 10.0;
        this.sender = sender;
        this.tarpit = tarpit;
        this.target = target;
        this.finishedAtStart = tarpit.finished();
        this.thread = Thread.ofPlatform().daemon().name("tarpit-feeder").start(this::feed);
    }

    private void feed() {
        double budget = 0;
        while (!stopped) {
            long outstanding = posted.get() - (tarpit.finished() - finishedAtStart);
            budget = Math.min(budget + perTick, Math.max(1, perTick));
            for (long i = outstanding; i < target && budget >= 1 && !stopped; i++) {
                budget--;
                long n = posted.incrementAndGet();
                sender.send(tarpit.url("/slow/" + n));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Waits until the tarpit holds {@code target} connections or stops gaining them (its consumer
     * has no more room), at most {@code limit}; returns how many it holds.
     */
    int awaitHeld(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        int last = -1;
        long sameSince = System.nanoTime();
        while (System.nanoTime() < end) {
            int held = tarpit.open();
            if (held >= target) {
                return held;
            }
            if (held != last) {
                last = held;
                sameSince = System.nanoTime();
            } else if (held > 0 && System.nanoTime() - sameSince > 2_000_000_000L) {
                return held;
            }
            Thread.sleep(100);
        }
        return tarpit.open();
    }

    long posted() {
        return posted.get();
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
