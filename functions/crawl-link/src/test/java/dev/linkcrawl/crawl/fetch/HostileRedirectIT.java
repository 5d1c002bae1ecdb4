package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Routes.html;
import static dev.linkcrawl.crawl.fetch.Routes.redirect;
import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.testing.FixtureBytes;
import dev.linkcrawl.testing.FixtureTable;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile redirects, one case a row of {@code hostile-redirects.tsv}: Locations (and meta
 * refreshes) to internal addresses and names, other schemes, userinfo, over-long or broken
 * Locations, loops and too many hops. Each row asserts the exact outcome and the recorded chain,
 * that only the fixture was dialled, that listeners on the forbidden port (127.0.0.1 and [::1]) saw
 * no connection, and that no header was smuggled into a request.
 */
class HostileRedirectIT {

    private static final Duration DEADLINE = Duration.ofSeconds(3);
    private static final String START = "/deep/er/r";

    private final Routes routes = new Routes();
    private final LoopbackDialer dialer = new LoopbackDialer();
    private final InMemoryHostResolver resolver =
            new InMemoryHostResolver()
                    .answer("internal.example", List.of("127.0.0.1"))
                    .answer("metadata.example", List.of("169.254.169.254"));
    private MockWebServer server;
    private ForbiddenPort forbidden;
    private UrlPolicy policy;

    @BeforeEach
    void start() throws IOException {
        server = TestFetchers.startServer();
        server.setDispatcher(routes);
        forbidden = new ForbiddenPort();
        Set<Integer> ports = new HashSet<>(UrlPolicy.DEFAULT_PORTS);
        ports.add(server.getPort());
        ports.add(forbidden.port());
        policy = new UrlPolicy(ports, Set.of(new HostPort("127.0.0.1", server.getPort())));
        routes.on("/back", redirect(302, START)).on("/landing", html("<title>landing</title>"));
        for (int i = 1; i <= 11; i++) {
            routes.on("/hop/" + i, i < 11 ? redirect(302, "/hop/" + (i + 1)) : html("<p>end</p>"));
        }
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        forbidden.close();
    }

    /** One row, its cells named. */
    record Case(FixtureTable.Row row) {
        String kind() {
            return row.cell(1);
        }

        String location() {
            return row.cell(2);
        }

        String expected() {
            return row.cell(3);
        }

        int hops() {
            return Integer.parseInt(row.cell(4));
        }

        int status() {
            return kind().equals("refresh") ? 200 : Integer.parseInt(kind());
        }

        @Override
        public String toString() {
            return row.name();
        }
    }

    static List<Case> cases() {
        return FixtureTable.read(HostileRedirectIT.class, "hostile-redirects.tsv", 5).stream()
                .map(Case::new)
                .toList();
    }

    private String fixture() {
        return "http://127.0.0.1:" + server.getPort();
    }

    private String location(Case c) {
        return FixtureBytes.text(c.location())
                .replace("{fixture}", fixture())
                .replace("{server}", String.valueOf(server.getPort()))
                .replace("{forbidden}", String.valueOf(forbidden.port()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void endsExactlyAsDesignedWithoutReachingTheForbiddenPort(Case c)
            throws IOException, InterruptedException {
        String location = location(c);
        if (c.kind().equals("refresh")) {
            routes.on(
                    START,
                    html(
                            "<html><head><meta http-equiv=\"refresh\" content=\"0; url="
                                    + location
                                    + "\"></head><body>moved</body></html>"));
        } else {
            routes.on(
                    START,
                    new MockResponse.Builder()
                            .code(c.status())
                            .addHeaderLenient("Location", location)
                            .build());
        }
        if (c.expected().startsWith("page ")) {
            routes.on(c.expected().substring(5), html("<title>arrived</title>"));
        }

        FetchOutcome outcome =
                TestFetchers.fetcher(
                                FetchSettings.defaults()
                                        .withDeadline(DEADLINE)
                                        .withUrlPolicy(policy),
                                resolver,
                                dialer)
                        .fetch(url(fixture() + START, policy), Instant.now().plus(DEADLINE));

        if (c.expected().startsWith("page ")) {
            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Page.class,
                            page ->
                                    assertThat(page.finalUrl().value())
                                            .isEqualTo(fixture() + c.expected().substring(5)));
        } else {
            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.code())
                                        .isEqualTo(FailureCode.valueOf(c.expected()));
                                assertThat(failed.retryable()).isFalse();
                            });
        }
        assertThat(outcome.redirects()).hasSize(c.hops());
        if (c.hops() > 0) {
            assertThat(outcome.redirects().getFirst())
                    .isEqualTo(new Redirect(fixture() + START, c.status()));
        }
        assertThat(dialer.dialled())
                .isNotEmpty()
                .containsOnly(new InetSocketAddress("127.0.0.1", server.getPort()));
        forbidden.assertNoConnectionArrived();
        for (int i = server.getRequestCount(); i > 0; i--) {
            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().names()).doesNotContain("X-Injected", "x-injected");
        }
    }
}
