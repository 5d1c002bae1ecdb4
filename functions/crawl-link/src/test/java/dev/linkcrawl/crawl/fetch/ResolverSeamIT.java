package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Routes.html;
import static dev.linkcrawl.crawl.fetch.Routes.redirect;
import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DNS rule, through the resolver seam: every answer is checked, one private answer blocks the
 * fetch, the connection goes to the checked address only, and no second lookup happens. Every
 * blocked case keeps a listener on the forbidden loopback port and checks that nothing arrived.
 */
class ResolverSeamIT {

    private final Routes routes = new Routes();
    private final LoopbackDialer dialer = new LoopbackDialer();
    private final InMemoryHostResolver resolver = new InMemoryHostResolver();
    private MockWebServer server;
    private ForbiddenListener forbidden;

    @BeforeEach
    void start() throws IOException {
        server = TestFetchers.startServer();
        server.setDispatcher(routes);
        forbidden = new ForbiddenListener();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        forbidden.close();
    }

    /** Allows the forbidden port as a port, and exempts only the named pairs. */
    private UrlPolicy policy(HostPort... exempt) {
        Set<Integer> ports = new HashSet<>(UrlPolicy.DEFAULT_PORTS);
        ports.add(forbidden.port());
        ports.add(server.getPort());
        return new UrlPolicy(ports, Set.of(exempt));
    }

    private FetchOutcome fetch(String raw, UrlPolicy policy) {
        return TestFetchers.fetcher(TestFetchers.settings(policy), resolver, dialer)
                .fetch(url(raw, policy), Instant.now().plus(TestFetchers.DEADLINE));
    }

    private static void assertBlocked(FetchOutcome outcome) {
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.BLOCKED_ADDRESS);
                            assertThat(failed.retryable()).isFalse();
                        });
    }

    @Test
    void blocksANameThatAnswersOnlyPrivateAddresses() throws IOException {
        resolver.answer("private.example", List.of("127.0.0.1", "10.0.0.7"));

        FetchOutcome outcome = fetch("http://private.example:" + forbidden.port() + "/", policy());

        assertBlocked(outcome);
        forbidden.assertNoConnectionArrived();
        assertThat(dialer.dialled()).isEmpty();
    }

    @Test
    void blocksAPrivateAnswerMixedWithPublicOnes() throws IOException {
        resolver.answer(
                "mixed.example",
                List.of("93.184.215.14", "127.0.0.1", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"));

        FetchOutcome outcome = fetch("http://mixed.example:" + forbidden.port() + "/", policy());

        assertBlocked(outcome);
        forbidden.assertNoConnectionArrived();
        assertThat(dialer.dialled()).isEmpty();
    }

    @Test
    void blocksAPrivateIpv6Answer() throws IOException {
        resolver.answer("v6.example", List.of("::1"));

        FetchOutcome outcome = fetch("http://v6.example:" + forbidden.port() + "/", policy());

        assertBlocked(outcome);
        forbidden.assertNoConnectionArrived();
    }

    @Test
    void blocksARedirectToANameThatResolvesToTheForbiddenPort() throws IOException {
        resolver.answer("fixture.example", List.of("127.0.0.1"));
        resolver.answer("sneaky.example", List.of("127.0.0.1"));
        routes.on("/go", redirect(302, "http://sneaky.example:" + forbidden.port() + "/admin"));

        FetchOutcome outcome =
                fetch(
                        "http://fixture.example:" + server.getPort() + "/go",
                        policy(new HostPort("fixture.example", server.getPort())));

        assertBlocked(outcome);
        forbidden.assertNoConnectionArrived();
        assertThat(dialer.dialled())
                .containsOnly(new InetSocketAddress("127.0.0.1", server.getPort()));
    }

    @Test
    void connectsToTheCheckedAddressAndKeepsTheHostHeader() throws InterruptedException {
        resolver.answer("fixture.example", List.of("127.0.0.1"));
        routes.on("/", html("<title>fixture</title>"));

        FetchOutcome outcome =
                fetch(
                        "http://fixture.example:" + server.getPort() + "/",
                        policy(new HostPort("fixture.example", server.getPort())));

        assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Host"))
                .isEqualTo("fixture.example:" + server.getPort());
        assertThat(dialer.dialled())
                .containsExactly(new InetSocketAddress("127.0.0.1", server.getPort()));
    }

    @Test
    void resolvesOncePerFetchSoARebindingAnswerIsNeverUsed() throws IOException {
        // The first answer is the checked fixture; every later lookup would rebind to the forbidden
        // metadata address. The redirect back to the same host must reuse the checked answer.
        resolver.answer("rebind.example", List.of("127.0.0.1"), List.of("169.254.169.254"));
        routes.on("/first", redirect(302, "/second")).on("/second", html("<p>second</p>"));

        FetchOutcome outcome =
                fetch(
                        "http://rebind.example:" + server.getPort() + "/first",
                        policy(new HostPort("rebind.example", server.getPort())));

        assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
        assertThat(resolver.lookups("rebind.example")).isEqualTo(1);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(dialer.dialled())
                .allSatisfy(
                        a -> assertThat(a.getAddress().getHostAddress()).isEqualTo("127.0.0.1"));
    }

    @Test
    void dialsTheAnswerThatWasCheckedNotALaterOne() throws IOException {
        // The checked answer is public; a second lookup would say loopback. Only the checked public
        // address is dialled (and the test dialer refuses it, so nothing leaves this machine: the
        // resulting failure is the dialer's refusal, not a verdict on the page).
        resolver.answer("public.example", List.of("93.184.215.14"), List.of("127.0.0.1"));

        FetchOutcome outcome = fetch("http://public.example:" + forbidden.port() + "/", policy());

        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        assertThat(resolver.lookups("public.example")).isEqualTo(1);
        assertThat(dialer.dialled())
                .containsOnly(new InetSocketAddress("93.184.215.14", forbidden.port()));
        forbidden.assertNoConnectionArrived();
    }

    @Test
    void ignoresHttpAndSocksProxiesFromTheJvmProxySelector() throws IOException {
        ProxySelector original = ProxySelector.getDefault();
        AtomicInteger asked = new AtomicInteger();
        ProxySelector.setDefault(
                new ProxySelector() {
                    @Override
                    public List<Proxy> select(URI uri) {
                        asked.incrementAndGet();
                        return List.of(
                                new Proxy(
                                        Proxy.Type.HTTP,
                                        new InetSocketAddress("127.0.0.1", forbidden.port())));
                    }

                    @Override
                    public void connectFailed(
                            URI uri, SocketAddress address, IOException failure) {}
                });
        try {
            resolver.answer("fixture.example", List.of("127.0.0.1"));
            routes.on("/", html("<p>direct</p>"));

            FetchOutcome outcome =
                    fetch(
                            "http://fixture.example:" + server.getPort() + "/",
                            policy(new HostPort("fixture.example", server.getPort())));

            assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
            assertThat(asked).hasValue(0);
            forbidden.assertNoConnectionArrived();
        } finally {
            ProxySelector.setDefault(original);
        }
    }

    @Test
    void reportsANameThatDoesNotExist() {
        FetchOutcome outcome = fetch("https://no-such-name.example/", policy());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.DNS_NXDOMAIN);
                            assertThat(failed.retryable()).isFalse();
                        });
        assertThat(dialer.dialled()).isEmpty();
    }

    @Test
    void reportsATemporaryDnsFailureAsRetryable() {
        HostResolver servfail =
                host -> {
                    throw new java.net.UnknownHostException(
                            host + ": Temporary failure in name resolution");
                };
        UrlPolicy policy = policy();

        FetchOutcome outcome =
                TestFetchers.fetcher(TestFetchers.settings(policy), servfail, dialer)
                        .fetch(
                                url("https://flaky.example/", policy),
                                Instant.now().plus(TestFetchers.DEADLINE));

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.DNS_FAILURE);
                            assertThat(failed.retryable()).isTrue();
                        });
    }
}
