package dev.linkcrawl.local.lambda;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * fails (an error or a timeout) Lambda runs it again after a delay, as the function's {@link
 * FailureHandling} says (by default twice, about one and then two minutes later: {@link
 * RetryPolicy#DEFAULT}). An event whose last attempt failed, or whose next retry would come after
 * its maximum age, is given up: its {@link InvocationRecord} goes to the function's on-failure
 * destination, or nowhere when it has none. At most {@value #MAXIMUM_CONCURRENCY} events run at
 * once; the others wait their turn.
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

        /** The first {@code maximumRetryAttempts} of these retries (all when there are fewer). */
        public RetryPolicy limitedTo(int maximumRetryAttempts) {
            return new RetryPolicy(
                    delays.subList(0, Math.min(maximumRetryAttempts, delays.size())));
        }
    }

    /** Where the invocation records of a function's given-up events go. */
    public interface Destination {
        /** What the log calls it, such as the queue's logical id. */
        String name();

        /**
         * Delivers one record, as JSON text.
         *
         * @throws RuntimeException when it cannot
         */
        void send(String invocationRecord);
    }

    /**
     * What happens to a function's events that fail: its {@code EventInvokeConfig}, locally.
     *
     * @param retries the retries and their delays
     * @param maximumEventAge how long after its arrival an event may still be retried
     * @param onFailure where the record of a given-up event goes; empty to drop it
     */
    public record FailureHandling(
            RetryPolicy retries, Duration maximumEventAge, Optional<Destination> onFailure) {
        /** Lambda's defaults: {@link RetryPolicy#DEFAULT}, 6 hours, no destination. */
        public static final FailureHandling DEFAULT =
                new FailureHandling(RetryPolicy.DEFAULT, Duration.ofHours(6), Optional.empty());

        public FailureHandling {
            Objects.requireNonNull(retries, "retries");
            Objects.requireNonNull(maximumEventAge, "maximumEventAge");
            Objects.requireNonNull(onFailure, "onFailure");
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
         * the event is given up.
         */
        void failed(int attempt, Invocation invocation, Optional<Instant> retryAt);

        /**
         * The given-up event's record went to the on-failure destination {@code destination}, or
         * could not ({@code failure}).
         */
        void sentToDestination(String destination, Optional<RuntimeException> failure);
    }

    /** One event on its way through its attempts. */
    private record Event(
            LocalFunction function,
            Object input,
            FailureHandling handling,
            Listener listener,
            Instant arrived) {}

    private final Clock clock;
    private final ScheduledExecutorService executor;

    public AsyncInvoker(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor =
                Executors.newScheduledThreadPool(
                        MAXIMUM_CONCURRENCY,
                        Thread.ofPlatform().daemon().name("async-invoke-", 1).factory());
    }

    /** Queues {@code event} for {@code function}, whose failures {@code handling} governs. */
    public void submit(
            LocalFunction function, Object event, FailureHandling handling, Listener listener) {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(handling, "handling");
        Objects.requireNonNull(listener, "listener");
        schedule(new Event(function, event, handling, listener, clock.instant()), 1, Duration.ZERO);
    }

    private void schedule(Event event, int attempt, Duration delay) {
        try {
            executor.schedule(() -> run(event, attempt), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping: like a Lambda event queue that is deleted with its function.
        }
    }

    private void run(Event event, int attempt) {
        event.listener().started(attempt);
        Invocation invocation = event.function().invoke(event.input());
        if (invocation instanceof Invocation.Completed completed) {
            event.listener().completed(attempt, completed);
            return;
        }
        List<Duration> delays = event.handling().retries().delays();
        if (attempt > delays.size()) {
            giveUp(event, attempt, invocation, InvocationRecord.Condition.RETRIES_EXHAUSTED);
            return;
        }
        Duration delay = delays.get(attempt - 1);
        Instant retryAt = clock.instant().plus(delay);
        if (retryAt.isAfter(event.arrived().plus(event.handling().maximumEventAge()))) {
            // Lambda would drop it when the retry is due; nothing can change before then.
            giveUp(event, attempt, invocation, InvocationRecord.Condition.EVENT_AGE_EXCEEDED);
            return;
        }
        event.listener().failed(attempt, invocation, Optional.of(retryAt));
        schedule(event, attempt + 1, delay);
    }

    private void giveUp(
            Event event, int attempts, Invocation last, InvocationRecord.Condition condition) {
        event.listener().failed(attempts, last, Optional.empty());
        event.handling()
                .onFailure()
                .ifPresent(
                        destination -> {
                            InvocationRecord record =
                                    new InvocationRecord(
                                            clock.instant(),
                                            event.function().name(),
                                            condition,
                                            attempts,
                                            requestPayload(event),
                                            last);
                            try {
                                destination.send(record.toJson().toString());
                                event.listener()
                                        .sentToDestination(destination.name(), Optional.empty());
                            } catch (RuntimeException e) {
                                event.listener()
                                        .sentToDestination(destination.name(), Optional.of(e));
                            }
                        });
    }

    /** The event as the function got it: JSON when it is, else its text. */
    private static JsonNode requestPayload(Event event) {
        try {
            return switch (LocalFunction.streamOutput(event.function().eventBytes(event.input()))) {
                case JsonNode json -> json;
                case null -> JsonNodeFactory.instance.nullNode();
                case Object text -> JsonNodeFactory.instance.textNode(text.toString());
            };
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(String.valueOf(event.input()));
        }
    }

    /** Drops the events that wait; running invocations are abandoned like their threads. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
