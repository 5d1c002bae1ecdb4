package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Routes.html;
import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * One deadline covers the whole fetch. Each case uses a 2.5 s deadline and checks the fetch ends
 * within {@link #TOLERANCE_MS} after it; the measured times are printed.
 */
class DeadlineIT {

    private static final Duration DEADLINE = Duration.ofMillis(2_500);
    private static final long TOLERANCE_MS = 500;

    private final LoopbackDialer dialer = new LoopbackDialer();

    private static FetchSettings settings(UrlPolicy policy) {
        return FetchSettings.defaults().withDeadline(DEADLINE).withUrlPolicy(policy);
    }

    /** Fetches with a deadline of {@link #DEADLINE} from now and checks when it ended. */
    private static FetchOutcome fetchTimed(
            String label, OkHttpPageFetcher fetcher, String raw, UrlPolicy policy) {
        long start = System.nanoTime();
        FetchOutcome outcome = fetcher.fetch(url(raw, policy), Instant.now().plus(DEADLINE));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf(
                "%s: stopped after %d ms (deadline %d ms)%n", label, tookMs, DEADLINE.toMillis());
        assertThat(tookMs).isBetween(DEADLINE.toMillis() - 50, DEADLINE.toMillis() + TOLERANCE_MS);
        return outcome;
    }

    private static void assertTimeout(FetchOutcome outcome, FailureCode code) {
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(code);
                            assertThat(failed.retryable()).isTrue();
                        });
    }

    @Test
    void cutsABodyTrickledOneByteASecondAtTheDeadline() throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.enqueue(
                    new MockResponse.Builder()
                            .setHeader("Content-Type", "text/html")
                            .body("<html>" + "x".repeat(60) + "</html>")
                            .throttleBody(1, 1, TimeUnit.SECONDS)
                            .build());
            UrlPolicy policy = TestFetchers.exempting("127.0.0.1", server.getPort());

            FetchOutcome outcome =
                    fetchTimed(
                            "byte trickle (body)",
                            TestFetchers.fetcher(
                                    settings(policy), new InMemoryHostResolver(), dialer),
                            "http://127.0.0.1:" + server.getPort() + "/",
                            policy);

            assertTimeout(outcome, FailureCode.TIMEOUT);
        }
    }

    @Test
    void cutsHeadersTrickledOneByteASecondAtTheDeadline() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            for (char c :
                                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                                            .toCharArray()) {
                                RawServer.write(socket, String.valueOf(c));
                                Thread.sleep(1_000);
                            }
                        })) {
            UrlPolicy policy = TestFetchers.exempting("127.0.0.1", server.port());

            FetchOutcome outcome =
                    fetchTimed(
                            "byte trickle (headers)",
                            TestFetchers.fetcher(
                                    settings(policy), new InMemoryHostResolver(), dialer),
                            "http://127.0.0.1:" + server.port() + "/",
                            policy);

            assertTimeout(outcome, FailureCode.TIMEOUT);
        }
    }

    @Test
    void cutsAServerThatAcceptsAndNeverAnswers() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            Thread.sleep(60_000);
                        })) {
            UrlPolicy policy = TestFetchers.exempting("127.0.0.1", server.port());

            FetchOutcome outcome =
                    fetchTimed(
                            "accept and never answer",
                            TestFetchers.fetcher(
                                    settings(policy), new InMemoryHostResolver(), dialer),
                            "http://127.0.0.1:" + server.port() + "/",
                            policy);

            assertTimeout(outcome, FailureCode.TIMEOUT);
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    @Test
    void sharesOneDeadlineAcrossRedirectHops() throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            Routes routes = new Routes();
            for (int i = 0; i < 5; i++) {
                routes.on(
                        "/slow/" + i,
                        new MockResponse.Builder()
                                .code(302)
                                .setHeader("Location", "/slow/" + (i + 1))
                                .headersDelay(1, TimeUnit.SECONDS)
                                .build());
            }
            routes.on("/slow/5", html("<p>too late</p>"));
            server.setDispatcher(routes);
            UrlPolicy policy = TestFetchers.exempting("127.0.0.1", server.getPort());

            FetchOutcome outcome =
                    fetchTimed(
                            "five 1 s hops",
                            TestFetchers.fetcher(
                                    settings(policy), new InMemoryHostResolver(), dialer),
                            "http://127.0.0.1:" + server.getPort() + "/slow/0",
                            policy);

            assertTimeout(outcome, FailureCode.TIMEOUT);
            assertThat(outcome.redirects()).hasSize(2);
        }
    }

    @Test
    void boundsALookupThatNeverReturns() {
        HostResolver hanging =
                host -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of();
                };
        OkHttpPageFetcher fetcher =
                TestFetchers.fetcher(settings(UrlPolicy.DEFAULT), hanging, dialer);

        FetchOutcome outcome =
                fetchTimed("hanging DNS", fetcher, "https://slow-dns.example/", UrlPolicy.DEFAULT);

        assertTimeout(outcome, FailureCode.DNS_TIMEOUT);
        assertThat(dialer.dialled()).isEmpty();
    }

    @Test
    void doesNotStartWhenTheDeadlineHasAlreadyPassed() throws IOException {
        try (ForbiddenListener listener = new ForbiddenListener()) {
            UrlPolicy policy = TestFetchers.exempting("127.0.0.1", listener.port());
            OkHttpPageFetcher fetcher =
                    TestFetchers.fetcher(settings(policy), new InMemoryHostResolver(), dialer);

            FetchOutcome outcome =
                    fetcher.fetch(
                            url("http://127.0.0.1:" + listener.port() + "/", policy),
                            Instant.now().minusMillis(1));

            assertTimeout(outcome, FailureCode.TIMEOUT);
            listener.assertNoConnectionArrived();
        }
    }
}
