package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous invocations: retried after a failure, given up after the last retry or when a retry
 * would come too late, and then recorded on the on-failure destination.
 */
class AsyncInvokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AsyncInvoker.RetryPolicy QUICK =
            new AsyncInvoker.RetryPolicy(List.of(Duration.ofMillis(20), Duration.ofMillis(20)));
    private static final AsyncInvoker.FailureHandling QUICK_NO_DESTINATION =
            new AsyncInvoker.FailureHandling(QUICK, Duration.ofHours(6), Optional.empty());

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final List<JsonNode> records = new CopyOnWriteArrayList<>();

    @Test
    void failedInvocationIsRetriedAndCanThenComplete() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LocalFunction function =
                function(
                        (event, context) -> {
                            if (calls.incrementAndGet() == 1) {
                                throw new IllegalStateException("queue down");
                            }
                            return "ok " + event;
                        });

        try (AsyncInvoker invoker = new AsyncInvoker(Clock.systemUTC())) {
            invoker.submit(function, "e", QUICK_NO_DESTINATION, listener());
            awaitHeard(4);
        }

        assertThat(heard)
                .containsExactly("started 1", "failed 1 retry", "started 2", "completed 2 ok e");
    }

    @Test
    void withoutADestinationTheEventIsDroppedAfterTheLastRetry() throws Exception {
        try (AsyncInvoker invoker = new AsyncInvoker(Clock.systemUTC())) {
            invoker.submit(alwaysFailing(), "e", QUICK_NO_DESTINATION, listener());
            awaitHeard(6);
        }

        assertThat(heard)
                .containsExactly(
                        "started 1",
                        "failed 1 retry",
                        "started 2",
                        "failed 2 retry",
                        "started 3",
                        "failed 3 final");
    }

    @Test
    void afterTheLastRetryTheEventsRecordGoesToTheDestination() throws Exception {
        JsonNode event = JSON.readTree("{\"Records\":[{\"s3\":{\"object\":{\"key\":\"k\"}}}]}");

        try (AsyncInvoker invoker = new AsyncInvoker(Clock.systemUTC())) {
            invoker.submit(
                    alwaysFailing(),
                    event,
                    new AsyncInvoker.FailureHandling(
                            QUICK, Duration.ofHours(6), Optional.of(destination())),
                    listener());
            awaitHeard(7);
        }

        assertThat(heard).endsWith("failed 3 final", "sent to FailedQueue");
        JsonNode record = records.getFirst();
        assertThat(record.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(record.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(record.get("requestPayload")).isEqualTo(event);
        assertThat(record.at("/responsePayload/errorMessage").asText()).isEqualTo("always");
    }

    @Test
    void aRetryDueAfterTheMaximumEventAgeGivesTheEventUpAtOnce() throws Exception {
        AsyncInvoker.FailureHandling handling =
                new AsyncInvoker.FailureHandling(
                        new AsyncInvoker.RetryPolicy(List.of(Duration.ofMinutes(1))),
                        Duration.ofSeconds(30),
                        Optional.of(destination()));

        try (AsyncInvoker invoker = new AsyncInvoker(Clock.systemUTC())) {
            invoker.submit(alwaysFailing(), "e", handling, listener());
            awaitHeard(3);
        }

        assertThat(heard).containsExactly("started 1", "failed 1 final", "sent to FailedQueue");
        assertThat(records.getFirst().at("/requestContext/condition").asText())
                .isEqualTo("EventAgeExceeded");
    }

    @Test
    void aDestinationThatRefusesTheRecordIsReported() throws Exception {
        AsyncInvoker.Destination down =
                new AsyncInvoker.Destination() {
                    @Override
                    public String name() {
                        return "FailedQueue";
                    }

                    @Override
                    public void send(String invocationRecord) {
                        throw new IllegalStateException("connection refused");
                    }
                };

        try (AsyncInvoker invoker = new AsyncInvoker(Clock.systemUTC())) {
            invoker.submit(
                    alwaysFailing(),
                    "e",
                    new AsyncInvoker.FailureHandling(
                            new AsyncInvoker.RetryPolicy(List.of()),
                            Duration.ofHours(6),
                            Optional.of(down)),
                    listener());
            awaitHeard(3);
        }

        assertThat(heard).endsWith("not sent to FailedQueue: connection refused");
    }

    @Test
    void lambdaDefaultIsTwoRetriesAfterOneAndTwoMinutes() {
        assertThat(AsyncInvoker.RetryPolicy.DEFAULT.delays())
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
    }

    @Test
    void fewerRetryAttemptsKeepTheFirstDelays() {
        assertThat(AsyncInvoker.RetryPolicy.DEFAULT.limitedTo(1).delays())
                .containsExactly(Duration.ofMinutes(1));
        assertThat(AsyncInvoker.RetryPolicy.DEFAULT.limitedTo(0).delays()).isEmpty();
        assertThat(QUICK.limitedTo(2)).isEqualTo(QUICK);
    }

    private AsyncInvoker.Destination destination() {
        return new AsyncInvoker.Destination() {
            @Override
            public String name() {
                return "FailedQueue";
            }

            @Override
            public void send(String invocationRecord) {
                try {
                    records.add(JSON.readTree(invocationRecord));
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }
        };
    }

    private AsyncInvoker.Listener listener() {
        return new AsyncInvoker.Listener() {
            @Override
            public void started(int attempt) {
                heard.add("started " + attempt);
            }

            @Override
            public void completed(int attempt, Invocation.Completed invocation) {
                heard.add("completed " + attempt + " " + invocation.output());
            }

            @Override
            public void failed(int attempt, Invocation invocation, Optional<Instant> retryAt) {
                heard.add("failed " + attempt + (retryAt.isPresent() ? " retry" : " final"));
            }

            @Override
            public void sentToDestination(String destination, Optional<RuntimeException> failure) {
                heard.add(
                        failure.map(e -> "not sent to " + destination + ": " + e.getMessage())
                                .orElse("sent to " + destination));
            }
        };
    }

    private void awaitHeard(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (heard.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static LocalFunction alwaysFailing() {
        return function(
                (event, context) -> {
                    throw new IllegalStateException("always");
                });
    }

    private static LocalFunction function(RequestHandler<Object, Object> handler) {
        return new LocalFunction(
                "AsyncFunction",
                Duration.ofSeconds(5),
                128,
                handler,
                Clock.systemUTC(),
                new PrintStream(PrintStream.nullOutputStream()));
    }
}
