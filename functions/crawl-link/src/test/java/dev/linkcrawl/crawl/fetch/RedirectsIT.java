package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Routes.html;
import static dev.linkcrawl.crawl.fetch.Routes.redirect;
import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Redirects are followed by hand, each hop checked by the URL rules and the DNS rule. */
class RedirectsIT {

    private final Routes routes = new Routes();
    private final LoopbackDialer dialer = new LoopbackDialer();
    private MockWebServer server;
    private UrlPolicy policy;
    private OkHttpPageFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = TestFetchers.startServer();
        server.setDispatcher(routes);
        policy = TestFetchers.exempting("127.0.0.1", server.getPort());
        fetcher =
                TestFetchers.fetcher(
                        TestFetchers.settings(policy), new InMemoryHostResolver(), dialer);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String at(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    private FetchOutcome fetch(String path) {
        return fetcher.fetch(url(at(path), policy), Instant.now().plus(TestFetchers.DEADLINE));
    }

    private void assertOnlyTheFixtureWasDialled() {
        assertThat(dialer.dialled())
                .isNotEmpty()
                .allSatisfy(
                        a ->
                                assertThat(a)
                                        .isEqualTo(
                                                new InetSocketAddress(
                                                        "127.0.0.1", server.getPort())));
    }

    @Test
    void expandsAThreeHopShortenerChainAndRecordsIt() {
        routes.on("/s", redirect(301, "/m"))
                .on("/m", redirect(302, at("/l")))
                .on("/l", redirect(307, "final?id=7"))
                .on("/final", html("<title>Landing</title>"));

        FetchOutcome outcome = fetch("/s");

        assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
        FetchOutcome.Page page = (FetchOutcome.Page) outcome;
        assertThat(page.redirects())
                .containsExactly(
                        new Redirect(at("/s"), 301),
                        new Redirect(at("/m"), 302),
                        new Redirect(at("/l"), 307));
        assertThat(page.finalUrl().value()).isEqualTo(at("/final?id=7"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("<title>Landing</title>");
    }

    @Test
    void refusesARedirectToTheMetadataAddressWithoutConnecting() {
        routes.on("/r", redirect(302, "http://169.254.169.254/latest/meta-data/"));

        FetchOutcome outcome = fetch("/r");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.BLOCKED_ADDRESS);
                            assertThat(failed.retryable()).isFalse();
                            assertThat(failed.redirects())
                                    .containsExactly(new Redirect(at("/r"), 302));
                        });
        assertOnlyTheFixtureWasDialled();
    }

    @Test
    void refusesARedirectToALoopbackPortThatIsNotExempt() throws IOException {
        try (ForbiddenListener forbidden = new ForbiddenListener()) {
            routes.on("/r", redirect(302, "http://127.0.0.1:" + forbidden.port() + "/admin"));

            FetchOutcome outcome = fetch("/r");

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Failed.class,
                            failed ->
                                    assertThat(failed.code())
                                            .isEqualTo(FailureCode.BLOCKED_ADDRESS));
            forbidden.assertNoConnectionArrived();
            assertOnlyTheFixtureWasDialled();
        }
    }

    @Test
    void refusesARedirectToAFileUrl() {
        routes.on("/r", redirect(302, "file:///etc/passwd"));

        FetchOutcome outcome = fetch("/r");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> assertThat(failed.code()).isEqualTo(FailureCode.BLOCKED_SCHEME));
    }

    @Test
    void refusesARedirectToAnInternalName() {
        routes.on("/r", redirect(302, "http://metadata.google.internal/"));

        FetchOutcome outcome = fetch("/r");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> assertThat(failed.code()).isEqualTo(FailureCode.BLOCKED_HOST));
        assertOnlyTheFixtureWasDialled();
    }

    @Test
    void refusesARedirectToAPortThatIsNotAllowed() {
        routes.on("/r", redirect(302, "http://example.com:6379/"));

        FetchOutcome outcome = fetch("/r");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> assertThat(failed.code()).isEqualTo(FailureCode.BLOCKED_PORT));
        assertOnlyTheFixtureWasDialled();
    }

    @Test
    void detectsARedirectLoop() {
        routes.on("/a", redirect(302, "/b")).on("/b", redirect(302, at("/a")));

        FetchOutcome outcome = fetch("/a");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.REDIRECT_LOOP);
                            assertThat(failed.redirects())
                                    .containsExactly(
                                            new Redirect(at("/a"), 302),
                                            new Redirect(at("/b"), 302));
                        });
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void detectsALoopThroughTrackingParametersThatNormaliseAway() {
        routes.on("/a", redirect(302, "/a?utm_source=loop"));

        FetchOutcome outcome = fetch("/a");

        assertThat(((FetchOutcome.Failed) outcome).code()).isEqualTo(FailureCode.REDIRECT_LOOP);
    }

    private void hops() {
        for (int i = 0; i <= 11; i++) {
            routes.on("/hop/" + i, i < 11 ? redirect(302, "/hop/" + (i + 1)) : html("<p>end</p>"));
        }
    }

    @Test
    void followsTenRedirects() {
        hops();

        FetchOutcome outcome = fetch("/hop/1");

        assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
        assertThat(outcome.redirects()).hasSize(10);
    }

    @Test
    void refusesTheEleventhRedirect() {
        hops();

        FetchOutcome outcome = fetch("/hop/0");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.TOO_MANY_REDIRECTS);
                            assertThat(failed.retryable()).isFalse();
                        });
        assertThat(server.getRequestCount()).isEqualTo(11);
    }

    @Test
    void followsAShortMetaRefreshAsAHop() {
        routes.on(
                        "/interstitial",
                        html(
                                "<html><head><meta http-equiv=\"refresh\" content=\"0; url=/final\"></head></html>"))
                .on("/final", html("<title>Final</title>"));

        FetchOutcome outcome = fetch("/interstitial");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Page.class,
                        page -> {
                            assertThat(page.finalUrl().value()).isEqualTo(at("/final"));
                            assertThat(page.redirects())
                                    .containsExactly(new Redirect(at("/interstitial"), 200));
                        });
    }

    @Test
    void keepsAPageThatRefreshesToItself() {
        routes.on(
                "/self",
                html("<meta http-equiv=refresh content='2; url=/self'><title>Self</title>"));

        FetchOutcome outcome = fetch("/self");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Page.class,
                        page -> {
                            assertThat(page.finalUrl().value()).isEqualTo(at("/self"));
                            assertThat(page.redirects()).isEmpty();
                            assertThat(page.html()).contains("<title>Self</title>");
                        });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void keepsAPageThatRefreshesBackAlongTheChain() {
        routes.on("/start", redirect(302, "/landing"))
                .on(
                        "/landing",
                        html(
                                "<meta http-equiv=refresh content='0; url=/start'><title>Landing</title>"));

        FetchOutcome outcome = fetch("/start");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Page.class,
                        page -> {
                            assertThat(page.finalUrl().value()).isEqualTo(at("/landing"));
                            assertThat(page.redirects())
                                    .containsExactly(new Redirect(at("/start"), 302));
                        });
    }

    @Test
    void keepsAPageWhoseRefreshIsSlow() {
        routes.on(
                "/news",
                html("<meta http-equiv=refresh content='300; url=/news'><title>News</title>"));

        FetchOutcome outcome = fetch("/news");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Page.class, page -> assertThat(page.redirects()).isEmpty());
    }

    @Test
    void checksAMetaRefreshTargetLikeAnyRedirect() {
        routes.on("/r", html("<meta http-equiv=refresh content='1;url=http://10.0.0.1/'>"));

        FetchOutcome outcome = fetch("/r");

        assertThat(((FetchOutcome.Failed) outcome).code()).isEqualTo(FailureCode.BLOCKED_ADDRESS);
        assertOnlyTheFixtureWasDialled();
    }

    @Test
    void failsOnARedirectWithoutLocation() {
        routes.on("/r", new MockResponse.Builder().code(302).build());

        FetchOutcome outcome = fetch("/r");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.HTTP_STATUS);
                            assertThat(failed.httpStatus()).hasValue(302);
                        });
    }

    @Test
    void sendsNoCookiesEvenWhenTheServerSetsThem() throws InterruptedException {
        routes.on(
                        "/login",
                        new MockResponse.Builder()
                                .code(302)
                                .setHeader("Location", "/home")
                                .addHeader("Set-Cookie", "session=secret; Path=/")
                                .build())
                .on("/home", html("<p>home</p>"));

        fetch("/login");

        RecordedRequest first = server.takeRequest();
        RecordedRequest second = server.takeRequest();
        assertThat(second.getUrl().encodedPath()).isEqualTo("/home");
        assertThat(second.getHeaders().get("Cookie")).isNull();
        assertThat(first.getHeaders().get("User-Agent"))
                .isEqualTo(FetchSettings.DEFAULT_USER_AGENT);
        assertThat(first.getHeaders().get("Accept-Encoding")).isEqualTo("gzip, deflate");
    }

    @Test
    void refusesTheFirstUrlWhenThisFetchersPolicyDoesNot() {
        UrlPolicy other =
                new UrlPolicy(
                        UrlPolicy.DEFAULT_PORTS,
                        Set.of(new HostPort("127.0.0.1", server.getPort())));
        OkHttpPageFetcher strict =
                TestFetchers.fetcher(
                        TestFetchers.settings(UrlPolicy.DEFAULT),
                        new InMemoryHostResolver(),
                        dialer);

        FetchOutcome outcome =
                strict.fetch(url(at("/"), other), Instant.now().plus(TestFetchers.DEADLINE));

        assertThat(((FetchOutcome.Failed) outcome).code()).isEqualTo(FailureCode.BLOCKED_ADDRESS);
        assertThat(dialer.dialled()).isEmpty();
        assertThat(server.getRequestCount()).isZero();
    }
}
