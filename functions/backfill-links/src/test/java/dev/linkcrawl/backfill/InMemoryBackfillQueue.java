package dev.linkcrawl.backfill;

import dev.linkcrawl.link.CrawlMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A backfill queue in memory that can be told how to answer each call: store everything, fail some
 * entries (as SQS reports partial failures), or fail the whole call (an outage).
 */
final class InMemoryBackfillQueue implements BackfillQueue {

    /** Every message stored, in order. */
    final List<CrawlMessage> stored = new ArrayList<>();

    /** The size of each batch sent, in order. */
    final List<Integer> calls = new ArrayList<>();

    /** Answers for the next calls, in order; once used up, every message is stored. */
    private final Deque<Function<List<CrawlMessage>, List<Failure>>> script = new ArrayDeque<>();

    /** Answers for every call once the script is used up; null stores everything. */
    private Function<List<CrawlMessage>, List<Failure>> always;

    private boolean down;

    /** Runs before each call, for tests that let time pass while sending. */
    Runnable onCall = () -> {};

    /** The next call fails the entries at {@code indexes} (retryably), storing the others. */
    InMemoryBackfillQueue thenFail(int... indexes) {
        script.add(batch -> failures(true, indexes));
        return this;
    }

    /** The next call stores everything. */
    InMemoryBackfillQueue thenStore() {
        script.add(batch -> List.of());
        return this;
    }

    /** Every call fails the entries whose URL contains {@code marker}. */
    InMemoryBackfillQueue alwaysFailUrlsContaining(String marker, boolean retryable) {
        always =
                batch -> {
                    List<Failure> failures = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        if (batch.get(i).url().contains(marker)) {
                            failures.add(new Failure(i, "InternalError", retryable));
                        }
                    }
                    return failures;
                };
        return this;
    }

    /** Every call fails as a whole, like an SQS outage. */
    InMemoryBackfillQueue down() {
        down = true;
        return this;
    }

    @Override
    public List<Failure> send(List<CrawlMessage> batch) throws QueueUnavailableException {
        if (batch.size() > MAX_BATCH) {
            throw new AssertionError("a batch of " + batch.size());
        }
        onCall.run();
        calls.add(batch.size());
        if (down) {
            throw new QueueUnavailableException("down", new RuntimeException("test"));
        }
        Function<List<CrawlMessage>, List<Failure>> answer =
                !script.isEmpty() ? script.poll() : always != null ? always : b -> List.of();
        List<Failure> failures = answer.apply(batch);
        boolean[] failed = new boolean[batch.size()];
        failures.forEach(failure -> failed[failure.index()] = true);
        for (int i = 0; i < batch.size(); i++) {
            if (!failed[i]) {
                stored.add(batch.get(i));
            }
        }
        return failures;
    }

    private static List<Failure> failures(boolean retryable, int... indexes) {
        List<Failure> failures = new ArrayList<>();
        for (int index : indexes) {
            failures.add(new Failure(index, "ServiceUnavailable", retryable));
        }
        return failures;
    }
}
