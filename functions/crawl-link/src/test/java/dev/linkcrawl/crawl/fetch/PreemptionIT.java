package dev.linkcrawl.crawl.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** A fetch that another thread preempts stops at once, whatever the server is doing. */
class PreemptionIT {

    private final LoopbackDialer dialer = new LoopbackDialer();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @Test
    void aFetchWaitingForAServerThatNeverAnswersStopsWhenPreempted() throws IOException {
        try (RawServer server = new RawServer(socket -> Thread.sleep(30_000))) {
            FetchOutcome outcome = fetchPreemptedAfter(server.port(), Duration.ofMillis(300));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Failed.class,
                            failed -> assertThat(failed.code()).isEqualTo(FailureCode.PREEMPTED));
        }
    }

    @Test
    void aBodyTrickledByteByByteStopsWhenPreempted() throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.enqueue(
                    new MockResponse.Builder()
                            .setHeader("Content-Type", "text/html")
                            .body("<html>" + "x".repeat(60) + "</html>")
                            .throttleBody(1, 1, TimeUnit.SECONDS)
                            .build());

            FetchOutcome outcome = fetchPreemptedAfter(server.getPort(), Duration.ofMillis(300));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Failed.class,
                            failed -> assertThat(failed.code()).isEqualTo(FailureCode.PREEMPTED));
        }
    }

    @Test
    void aFetchNobodyPreemptsEndsAsUsual() throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.enqueue(
                    new MockResponse.Builder()
                            .setHeader("Content-Type", "text/html")
                            .body("<html><title>Fine</title></html>")
                            .build());
            UrlPolicy policy = TestFetchers.exempting("127.0.0.1", server.getPort());

            FetchOutcome outcome =
                    TestFetchers.fetcher(
                                    TestFetchers.settings(policy),
                                    new InMemoryHostResolver(),
                                    dialer)
                            .fetch(
                                    url(server.getPort(), policy),
                                    Instant.now().plusSeconds(5),
                                    new Preemption());

            assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
        }
    }

    /** Fetches from the loopback port with a 10 s deadline, preempted after {@code after}. */
    private FetchOutcome fetchPreemptedAfter(int port, Duration after) {
        UrlPolicy policy = TestFetchers.exempting("127.0.0.1", port);
        Preemption preemption = new Preemption();
        timer.schedule(preemption::preempt, after.toMillis(), TimeUnit.MILLISECONDS);
        long start = System.nanoTime();

        FetchOutcome outcome =
                TestFetchers.fetcher(
                                TestFetchers.settings(policy).withDeadline(Duration.ofSeconds(10)),
                                new InMemoryHostResolver(),
                                dialer)
                        .fetch(url(port, policy), Instant.now().plusSeconds(10), preemption);

        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("stopped soon after the preemption, not at the deadline")
                .isLessThan(after.plusSeconds(1));
        return outcome;
    }

    private static LinkUrl url(int port, UrlPolicy policy) {
        return ((UrlCheck.Accepted) LinkUrl.check("http://127.0.0.1:" + port + "/", policy)).url();
    }
}
