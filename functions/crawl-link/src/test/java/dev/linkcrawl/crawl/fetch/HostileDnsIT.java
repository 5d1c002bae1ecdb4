package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Routes.html;
import static dev.linkcrawl.crawl.fetch.Routes.redirect;
import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.testing.FixtureTable;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile DNS answers through the {@link HostResolver} seam, one case a row of {@code
 * hostile-dns.tsv}: private, mixed, embedded-IPv4, exempt-but-not-loopback answers, and names that
 * do not resolve. Each row asserts the exact failure code and retry flag, that the name was looked
 * up exactly once, that nothing was dialled, and that listeners on the forbidden port (127.0.0.1
 * and [::1]) saw no connection. Rebinding has its own cases below the table.
 */
class HostileDnsIT {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final long TOLERANCE_MS = 500;

    private final LoopbackDialer dialer = new LoopbackDialer();
    private ForbiddenPort forbidden;

    @BeforeEach
    void listen() throws IOException {
        forbidden = new ForbiddenPort();
    }

    @AfterEach
    void stop() throws IOException {
        forbidden.close();
    }

    /** One row, its cells named. */
    record Case(FixtureTable.Row row) {
        String host() {
            return "dns-" + row.line() + ".example";
        }

        String answers() {
            return row.cell(1);
        }

        boolean exempt() {
            return row.cell(2).equals("yes");
        }

        FailureCode expected() {
            return FailureCode.valueOf(row.cell(3));
        }

        boolean retryable() {
            return Boolean.parseBoolean(row.cell(4));
        }

        @Override
        public String toString() {
            return row.name();
        }
    }

    static List<Case> cases() {
        return FixtureTable.read(HostileDnsIT.class, "hostile-dns.tsv", 5).stream()
                .map(Case::new)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithTheExactCodeAndConnectsNowhere(Case c) throws IOException {
        AtomicInteger lookups = new AtomicInteger();
        HostResolver resolver = resolverFor(c.host(), c.answers(), lookups);
        UrlPolicy policy =
                policy(c.exempt() ? Set.of(new HostPort(c.host(), forbidden.port())) : Set.of());

        long start = System.nanoTime();
        FetchOutcome outcome =
                TestFetchers.fetcher(settings(policy), resolver, dialer)
                        .fetch(
                                url("http://" + c.host() + ":" + forbidden.port() + "/", policy),
                                Instant.now().plus(DEADLINE));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(c.expected());
                            assertThat(failed.retryable()).isEqualTo(c.retryable());
                            assertThat(failed.redirects()).isEmpty();
                        });
        assertThat(lookups).as("lookups of %s", c.host()).hasValue(1);
        assertThat(tookMs).isLessThan(DEADLINE.toMillis() + TOLERANCE_MS);
        assertThat(dialer.dialled()).isEmpty();
        forbidden.assertNoConnectionArrived();
    }

    @Test
    void aRebindingNameIsLookedUpOnceAndOnlyItsFirstAnswerIsDialled() throws IOException {
        // The first answer is public, every later one loopback. The public address is dialled
        // (the test dialer refuses it, so nothing leaves this machine: the failure is that
        // refusal), the loopback answer is never asked for.
        InMemoryHostResolver resolver =
                new InMemoryHostResolver()
                        .answer("rebind.example", List.of("93.184.215.14"), List.of("127.0.0.1"));
        UrlPolicy policy = policy(Set.of());

        FetchOutcome outcome =
                TestFetchers.fetcher(settings(policy), resolver, dialer)
                        .fetch(
                                url("http://rebind.example:" + forbidden.port() + "/", policy),
                                Instant.now().plus(DEADLINE));

        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        assertThat(resolver.lookups("rebind.example")).isEqualTo(1);
        assertThat(dialer.dialled())
                .containsOnly(new InetSocketAddress("93.184.215.14", forbidden.port()));
        forbidden.assertNoConnectionArrived();
    }

    @Test
    void aRedirectToAnotherPortOfACheckedNameIsJudgedForThatPort() throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.setDispatcher(
                    new Routes()
                            .on(
                                    "/",
                                    redirect(
                                            302,
                                            "http://rebind.example:" + forbidden.port() + "/")));
            // A second lookup would answer the metadata address; the checked loopback answer is
            // reused, and it is exempt for the fixture's port only.
            InMemoryHostResolver resolver =
                    new InMemoryHostResolver()
                            .answer(
                                    "rebind.example",
                                    List.of("127.0.0.1"),
                                    List.of("169.254.169.254"));
            UrlPolicy policy =
                    policy(
                            Set.of(new HostPort("rebind.example", server.getPort())),
                            server.getPort());

            FetchOutcome outcome =
                    TestFetchers.fetcher(settings(policy), resolver, dialer)
                            .fetch(
                                    url("http://rebind.example:" + server.getPort() + "/", policy),
                                    Instant.now().plus(DEADLINE));

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Failed.class,
                            failed -> {
                                assertThat(failed.code()).isEqualTo(FailureCode.BLOCKED_ADDRESS);
                                assertThat(failed.redirects()).hasSize(1);
                            });
            assertThat(resolver.lookups("rebind.example")).isEqualTo(1);
            assertThat(dialer.dialled())
                    .containsOnly(new InetSocketAddress("127.0.0.1", server.getPort()));
            forbidden.assertNoConnectionArrived();
        }
    }

    @Test
    void aNameThatRebindsBetweenFetchesIsCheckedAgain() throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.setDispatcher(new Routes().on("/", html("<title>first</title>")));
            InMemoryHostResolver resolver =
                    new InMemoryHostResolver()
                            .answer(
                                    "rebind.example",
                                    List.of("127.0.0.1"),
                                    List.of("169.254.169.254"));
            UrlPolicy policy =
                    policy(
                            Set.of(new HostPort("rebind.example", server.getPort())),
                            server.getPort());
            OkHttpPageFetcher fetcher = TestFetchers.fetcher(settings(policy), resolver, dialer);
            String raw = "http://rebind.example:" + server.getPort() + "/";

            FetchOutcome first = fetcher.fetch(url(raw, policy), Instant.now().plus(DEADLINE));
            FetchOutcome second = fetcher.fetch(url(raw, policy), Instant.now().plus(DEADLINE));

            assertThat(first).isInstanceOf(FetchOutcome.Page.class);
            assertThat(second)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Failed.class,
                            failed ->
                                    assertThat(failed.code())
                                            .isEqualTo(FailureCode.BLOCKED_ADDRESS));
            assertThat(resolver.lookups("rebind.example")).isEqualTo(2);
            assertThat(server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void theForbiddenListenersDoSeeAConnectionThatIsMade() throws IOException {
        // The control for every case above: an exempt loopback answer is dialled, and the
        // listener notices. (It never answers, so the fetch ends at the deadline.)
        InMemoryHostResolver resolver =
                new InMemoryHostResolver().answer("allowed.example", List.of("127.0.0.1"));
        UrlPolicy policy = policy(Set.of(new HostPort("allowed.example", forbidden.port())));

        FetchOutcome outcome =
                TestFetchers.fetcher(settings(policy), resolver, dialer)
                        .fetch(
                                url("http://allowed.example:" + forbidden.port() + "/", policy),
                                Instant.now().plus(DEADLINE));

        assertThat(((FetchOutcome.Failed) outcome).code()).isEqualTo(FailureCode.TIMEOUT);
        assertThatThrownBy(forbidden::assertNoConnectionArrived)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("a connection arrived");
    }

    @Test
    void buildsMappedAnswersAsIpv6() throws UnknownHostException {
        assertThat(address("mapped:127.0.0.1")).isInstanceOf(Inet6Address.class);
        assertThat(address("mapped:127.0.0.1").getAddress())
                .containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1);
    }

    private static FetchSettings settings(UrlPolicy policy) {
        return FetchSettings.defaults().withDeadline(DEADLINE).withUrlPolicy(policy);
    }

    /**
     * The default ports plus the forbidden one (and any others given), so only addresses decide.
     */
    private UrlPolicy policy(Set<HostPort> exempt, int... extraPorts) {
        Set<Integer> ports = new HashSet<>(UrlPolicy.DEFAULT_PORTS);
        ports.add(forbidden.port());
        for (int port : extraPorts) {
            ports.add(port);
        }
        return new UrlPolicy(ports, exempt);
    }

    /** The resolver a row describes, counting its lookups. */
    private static HostResolver resolverFor(String host, String answers, AtomicInteger lookups)
            throws UnknownHostException {
        if (answers.startsWith("throws:")) {
            String message = host + ": " + answers.substring("throws:".length());
            return name -> {
                lookups.incrementAndGet();
                throw new UnknownHostException(message);
            };
        }
        return switch (answers) {
            case "empty" ->
                    name -> {
                        lookups.incrementAndGet();
                        return List.of();
                    };
            case "null" ->
                    name -> {
                        lookups.incrementAndGet();
                        return null;
                    };
            case "crash" ->
                    name -> {
                        lookups.incrementAndGet();
                        throw new IllegalStateException("resolver bug");
                    };
            case "hang" ->
                    name -> {
                        lookups.incrementAndGet();
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return List.of(InetAddress.getByName("93.184.215.14"));
                    };
            default -> {
                InMemoryHostResolver scripted =
                        new InMemoryHostResolver()
                                .answerAddresses(host, List.of(addresses(answers)));
                yield name -> {
                    lookups.incrementAndGet();
                    return scripted.resolve(name);
                };
            }
        };
    }

    private static List<InetAddress> addresses(String answers) throws UnknownHostException {
        List<InetAddress> addresses = new ArrayList<>();
        for (String answer : answers.split(",")) {
            int star = answer.indexOf('*');
            int times = star < 0 ? 1 : Integer.parseInt(answer.substring(star + 1));
            InetAddress address = address(star < 0 ? answer : answer.substring(0, star));
            for (int i = 0; i < times; i++) {
                addresses.add(address);
            }
        }
        return addresses;
    }

    private static InetAddress address(String answer) throws UnknownHostException {
        if (!answer.startsWith("mapped:")) {
            return InetAddress.getByName(answer);
        }
        byte[] ipv4 = InetAddress.getByName(answer.substring("mapped:".length())).getAddress();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(ipv4, 0, mapped, 12, 4);
        return Inet6Address.getByAddress(null, mapped, null);
    }
}
