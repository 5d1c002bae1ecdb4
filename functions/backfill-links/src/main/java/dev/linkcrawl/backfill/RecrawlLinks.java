package dev.linkcrawl.backfill;

import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.RecrawlCandidate;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The scheduled re-crawl: pages go stale and transient failures heal, so links crawled more than
 * {@code RECRAWL_AFTER_DAYS} ago, and links whose last crawl failed with {@code retryable: true},
 * are queued again on BackfillQueue — at most {@code RECRAWL_MAX_PER_RUN} per run, oldest first, so
 * a large index is worked through over several runs.
 */
public final class RecrawlLinks {

    private final LinkIndex index;
    private final BackfillQueue queue;
    private final Clock clock;
    private final Duration staleAfter;
    private final int maxPerRun;
    private final Backoff backoff;
    private final Sleeper sleeper;

    public RecrawlLinks(
            LinkIndex index,
            BackfillQueue queue,
            Clock clock,
            Duration staleAfter,
            int maxPerRun,
            Backoff backoff,
            Sleeper sleeper) {
        this.index = Objects.requireNonNull(index, "index");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        if (maxPerRun < 1) {
            throw new IllegalArgumentException("maxPerRun must be at least 1");
        }
        this.maxPerRun = maxPerRun;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /**
     * What one run did.
     *
     * @param selected links the index named as due
     * @param enqueued messages the queue stored
     * @param notEnqueued messages the queue did not store after every retry
     * @param complete false when the queue became unavailable and the run stopped early
     */
    record Result(
            Instant crawledBefore, int selected, int enqueued, int notEnqueued, boolean complete) {}

    /** Queues every due link, up to the per-run limit. */
    Result run() {
        Instant crawledBefore = clock.instant().minus(staleAfter);
        ImportTally tally = new ImportTally(0);
        BatchSender sender = new BatchSender(queue, backoff, sleeper, tally);
        int[] selected = {0};
        boolean complete = true;
        try {
            index.forEachDueForRecrawl(
                    crawledBefore,
                    maxPerRun,
                    candidate -> {
                        selected[0]++;
                        try {
                            sender.add(message(candidate), selected[0]);
                        } catch (QueueUnavailableException e) {
                            throw new QueueOutage(e);
                        }
                    });
            sender.flush();
        } catch (QueueOutage | QueueUnavailableException e) {
            // What was selected but not stored is counted; the next run selects it again.
            complete = false;
        }
        return new Result(
                crawledBefore,
                selected[0],
                tally.acceptedCount(),
                selected[0] - tally.acceptedCount(),
                complete);
    }

    private CrawlMessage message(RecrawlCandidate candidate) {
        return new CrawlMessage(
                candidate.id(),
                candidate.url(),
                candidate.owner(),
                candidate.submittedAt() == null ? clock.instant() : candidate.submittedAt(),
                CrawlSource.RECRAWL,
                candidate.tags(),
                candidate.note());
    }

    /** Carries the queue outage out of the index scan's visitor, which cannot throw it. */
    private static final class QueueOutage extends RuntimeException {
        private static final long serialVersionUID = 1L;

        QueueOutage(QueueUnavailableException cause) {
            super(cause);
        }
    }
}
