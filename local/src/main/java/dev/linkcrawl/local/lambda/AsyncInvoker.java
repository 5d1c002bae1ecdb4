package dev.linkcrawl.local.lambda;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lambda's asynchronous invocation, as S3 notifications and EventBridge schedules use it: the
 * caller hands over the event and goes on; the function runs it soon after, and when the invocation
 * fails (an error or a timeout) Lambda runs it again after a delay, by default twice, about one and
 * then two minutes later ({@link RetryPolicy#DEFAULT}). After the last attempt the event is dropped
 * (no on-failure destination locally). At most {@value #MAXIMUM_CONCURRENCY} events run at once;
 * the others wait their turn.
 */
public final class AsyncInvoker implements AutoCloseable {

    /** Asynchronous invocations running at once (Lambda's limit is the account's). */
    public static final int MAXIMUM_CONCURRENCY = 4;

    /**
     * The delays before each retry; as many retries as delays.
     *
     * @param delays before the first retry, the second…; at most 2 (Lambda's {@code
     *     MaximumRetryAttempts} is 0 to 2)
     */
    public record RetryPolicy(List<Duration> delays) {
        /** Lambda's default: 2 retries, after 1 and 2 minutes. */
        public static final RetryPolicy DEFAULT =
                new RetryPolicy(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2)));

        public RetryPolicy {
            delays = List.copyOf(delays);
            if (delays.size() > 2 || delays.stream().anyMatch(Duration::isNegative)) {
                throw new IllegalArgumentException(
                        "at most 2 retries, with delays of zero or more: " + delays);
            }
        }
    }

    /** Hears what happens to one event. */
    public interface Listener {
        /** Attempt {@code attempt} (1 for the first) begins. */
        void started(int attempt);

        /** The attempt completed: the event is done. */
        void completed(int attempt, Invocation.Completed invocation);

        /**
         * The attempt failed or timed out; {@code retryAt} says when the next one runs, empty when
         * this was the last.
         */
        void failed(int attempt, Invocation invocation, Optional<Instant> retryAt);
    }

    private final RetryPolicy retries;
    private final Clock clock;
    private final ScheduledExecutorService executor;

    public AsyncInvoker(RetryPolicy retries, Clock clock) {
        this.retries = Objects.requireNonNull(retries, "retries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor =
                Executors.newScheduledThreadPool(
                        MAXIMUM_CONCURRENCY,
                        Thread.ofPlatform().daemon().name("async-invoke-", 1).factory());
    }

    /** Queues {@code event} for {@code function}; returns at once. */
    public void submit(LocalFunction function, Object event, Listener listener) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(listener, "listener");
        schedule(function, event, listener, 1, Duration.ZERO);
    }

    private void schedule(
            LocalFunction function, Object event, Listener listener, int attempt, Duration delay) {
        try {
            executor.schedule(
                    () -> run(function, event, listener, attempt),
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping: like a Lambda event queue that is deleted with its function.
        }
    }

    private void run(LocalFunction function, Object event, Listener listener, int attempt) {
        listener.started(attempt);
        Invocation invocation = function.invoke(event);
        if (invocation instanceof Invocation.Completed completed) {
            listener.completed(attempt, completed);
            return;
        }
        if (attempt <= retries.delays().size()) {
            Duration delay = retries.delays().get(attempt - 1);
            listener.failed(attempt, invocation, Optional.of(clock.instant().plus(delay)));
            schedule(function, event, listener, attempt + 1, delay);
        } else {
            listener.failed(attempt, invocation, Optional.empty());
        }
    }

    /** Drops the events that wait; running invocations are abandoned like their threads. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
