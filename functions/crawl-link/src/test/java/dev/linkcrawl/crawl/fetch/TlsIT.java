package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Routes.html;
import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TLS verifies the certificate and the host name as usual, with the checked address pinned. */
class TlsIT {

    private static final HeldCertificate ROOT =
            new HeldCertificate.Builder()
                    .certificateAuthority(0)
                    .commonName("linkcrawl test root")
                    .build();

    private final LoopbackDialer dialer = new LoopbackDialer();
    private final InMemoryHostResolver resolver =
            new InMemoryHostResolver().answer("fixture.example", List.of("127.0.0.1"));
    private MockWebServer server;
    private UrlPolicy policy;

    @BeforeEach
    void start() throws IOException {
        server = TestFetchers.startServer();
        server.setDispatcher(new Routes().on("/", html("<title>secure</title>")));
        policy =
                new UrlPolicy(
                        UrlPolicy.DEFAULT_PORTS,
                        Set.of(new HostPort("fixture.example", server.getPort())));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void serveCertificateFor(String name) {
        HeldCertificate certificate =
                new HeldCertificate.Builder()
                        .addSubjectAlternativeName(name)
                        .signedBy(ROOT)
                        .build();
        server.useHttps(
                new HandshakeCertificates.Builder()
                        .heldCertificate(certificate)
                        .build()
                        .sslSocketFactory());
    }

    private FetchOutcome fetch(OkHttpClient base) {
        return new OkHttpPageFetcher(TestFetchers.settings(policy), resolver, base, dialer)
                .fetch(
                        url("https://fixture.example:" + server.getPort() + "/", policy),
                        Instant.now().plus(TestFetchers.DEADLINE));
    }

    private static OkHttpClient trustingTheTestRoot() {
        HandshakeCertificates trust =
                new HandshakeCertificates.Builder()
                        .addTrustedCertificate(ROOT.certificate())
                        .build();
        return new OkHttpClient.Builder()
                .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                .build();
    }

    @Test
    void fetchesOverTlsWithTheHostNameAsServerName() throws InterruptedException {
        serveCertificateFor("fixture.example");

        FetchOutcome outcome = fetch(trustingTheTestRoot());

        assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
        assertThat(server.takeRequest().getHandshakeServerNames())
                .containsExactly("fixture.example");
    }

    @Test
    void refusesACertificateForAnotherName() {
        serveCertificateFor("other.example");

        FetchOutcome outcome = fetch(trustingTheTestRoot());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.TLS);
                            assertThat(failed.retryable()).isFalse();
                        });
    }

    @Test
    void refusesACertificateFromAnUntrustedIssuer() {
        serveCertificateFor("fixture.example");

        FetchOutcome outcome = fetch(new OkHttpClient());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> assertThat(failed.code()).isEqualTo(FailureCode.TLS));
    }
}
