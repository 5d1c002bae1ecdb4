package dev.linkcrawl.local.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Asynchronous invocations: retried after a failure, given up after the last retry. */
class AsyncInvokerTest {

    private static final AsyncInvoker.RetryPolicy QUICK =
            new AsyncInvoker.RetryPolicy(List.of(Duration.ofMillis(20), Duration.ofMillis(20)));

    private final List<String> heard = new CopyOnWriteArrayList<>();
    private final CountDownLatch done = new CountDownLatch(1);

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

        try (AsyncInvoker invoker = new AsyncInvoker(QUICK, Clock.systemUTC())) {
            invoker.submit(function, "e", listener());
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(heard)
                .containsExactly("started 1", "failed 1 retry", "started 2", "completed 2 ok e");
    }

    @Test
    void eventIsDroppedAfterTheLastRetry() throws Exception {
        LocalFunction function =
                function(
                        (event, context) -> {
                            throw new IllegalStateException("always");
                        });

        try (AsyncInvoker invoker = new AsyncInvoker(QUICK, Clock.systemUTC())) {
            invoker.submit(function, "e", listener());
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
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
    void lambdaDefaultIsTwoRetriesAfterOneAndTwoMinutes() {
        assertThat(AsyncInvoker.RetryPolicy.DEFAULT.delays())
                .containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
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
                done.countDown();
            }

            @Override
            public void failed(int attempt, Invocation invocation, Optional<Instant> retryAt) {
                heard.add("failed " + attempt + (retryAt.isPresent() ? " retry" : " final"));
                if (retryAt.isEmpty()) {
                    done.countDown();
                }
            }
        };
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
