package dev.linkcrawl.backfill;

import dev.linkcrawl.link.CrawlMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Sends messages to the backfill queue ten at a time. A message the queue did not store is sent
 * again with the batch's other failures, pausing longer after each attempt ({@link Backoff}); what
 * is still not stored after the last attempt is tallied as not enqueued, with its line, never
 * dropped quietly. A message the queue refuses for its own content is not retried.
 */
final class BatchSender {

    private record Pending(CrawlMessage message, int line) {}

    private final BackfillQueue queue;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final ImportTally tally;
    private final List<Pending> pending = new ArrayList<>(BackfillQueue.MAX_BATCH);

    BatchSender(BackfillQueue queue, Backoff backoff, Sleeper sleeper, ImportTally tally) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.tally = Objects.requireNonNull(tally, "tally");
    }

    /**
     * Adds a message, sending a batch once ten are waiting.
     *
     * @throws QueueUnavailableException when a whole batch failed on every attempt (its messages
     *     are tallied as not enqueued): the import should stop
     */
    void add(CrawlMessage message, int line) throws QueueUnavailableException {
        pending.add(new Pending(message, line));
        if (pending.size() == BackfillQueue.MAX_BATCH) {
            flush();
        }
    }

    /** Sends what is waiting. */
    void flush() throws QueueUnavailableException {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> remaining = new ArrayList<>(pending);
        pending.clear();
        for (int attempt = 1; ; attempt++) {
            List<Pending> retry = new ArrayList<>();
            QueueUnavailableException outage = null;
            try {
                List<BackfillQueue.Failure> failures =
                        queue.send(remaining.stream().map(Pending::message).toList());
                boolean[] failed = new boolean[remaining.size()];
                for (BackfillQueue.Failure failure : failures) {
                    if (failed[failure.index()]) {
                        continue;
                    }
                    failed[failure.index()] = true;
                    Pending message = remaining.get(failure.index());
                    if (failure.retryable()) {
                        retry.add(message);
                    } else {
                        tally.notEnqueued(message.line());
                    }
                }
                int stored = 0;
                for (boolean f : failed) {
                    stored += f ? 0 : 1;
                }
                tally.accepted(stored);
            } catch (QueueUnavailableException e) {
                retry = remaining;
                outage = e;
            }
            if (retry.isEmpty()) {
                return;
            }
            if (attempt >= backoff.maxAttempts()) {
                giveUp(retry);
                if (outage != null) {
                    throw outage;
                }
                return;
            }
            try {
                sleeper.sleep(backoff.delayAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                giveUp(retry);
                throw new QueueUnavailableException("interrupted while waiting to retry", e);
            }
            remaining = retry;
        }
    }

    private void giveUp(List<Pending> messages) {
        for (Pending message : messages) {
            tally.notEnqueued(message.line());
        }
    }
}
