package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Routes.html;
import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.testing.FixtureBytes;
import dev.linkcrawl.testing.FixtureTable;
import dev.linkcrawl.url.HostPort;
import dev.linkcrawl.url.UrlPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile responses. The raw ones are rows of {@code hostile-responses.tsv} (malformed status
 * lines, early ends, chunked errors, header floods, content codings, lying content types, bad
 * charsets), each written byte for byte by a loopback server and checked for its exact outcome.
 * Below the table: servers that trickle or fall silent (cut at the deadline), bodies and bombs
 * larger than the heap (cut at the cap), pages built to break a parser (through fetch and {@link
 * PageExtractor}), and TLS failures.
 */
class HostileResponseIT {

    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final Duration LONG_DEADLINE = Duration.ofSeconds(3);
    private static final long TOLERANCE_MS = 500;
    private static final long CAP = FetchSettings.DEFAULT_MAX_BODY_BYTES;

    private final LoopbackDialer dialer = new LoopbackDialer();

    /** One row, its cells named. */
    record Case(FixtureTable.Row row) {
        byte[] response() {
            return FixtureBytes.decode(row.cell(1));
        }

        List<String> expected() {
            return List.of(row.cell(2).split(" "));
        }

        List<String> checks() {
            return row.cell(3).equals("-") ? List.of() : List.of(row.cell(3).split("\\|"));
        }

        @Override
        public String toString() {
            return row.name();
        }
    }

    static List<Case> cases() {
        return FixtureTable.read(HostileResponseIT.class, "hostile-responses.tsv", 4).stream()
                .map(Case::new)
                .toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersARawResponseExactly(Case c) throws IOException {
        byte[] response = c.response();
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            OutputStream out = socket.getOutputStream();
                            out.write(response);
                            out.flush();
                            socket.shutdownOutput();
                            drain(socket);
                        })) {
            FetchOutcome outcome = fetchTimed(server.port(), DEADLINE);

            List<String> expected = c.expected();
            switch (expected.getFirst()) {
                case "FAILED" ->
                        assertThat(outcome)
                                .isInstanceOfSatisfying(
                                        FetchOutcome.Failed.class,
                                        failed -> {
                                            assertThat(failed.code())
                                                    .isEqualTo(
                                                            FailureCode.valueOf(expected.get(1)));
                                            assertThat(failed.retryable())
                                                    .isEqualTo(
                                                            Boolean.parseBoolean(expected.get(2)));
                                        });
                case "PAGE" ->
                        assertThat(outcome)
                                .isInstanceOfSatisfying(
                                        FetchOutcome.Page.class,
                                        page -> {
                                            assertThat(page.contentType())
                                                    .isEqualTo(expected.get(1));
                                            assertThat(page.charset().name())
                                                    .isEqualTo(expected.get(2));
                                        });
                case "NOTHTML" ->
                        assertThat(outcome)
                                .isInstanceOfSatisfying(
                                        FetchOutcome.NotHtml.class,
                                        other ->
                                                assertThat(other.contentType())
                                                        .isEqualTo(expected.get(1)));
                default -> throw new IllegalArgumentException("expected " + expected);
            }
            for (String check : c.checks()) {
                assertCheck(outcome, check);
            }
            assertThat(server.connections()).as("connections (no silent retry)").isEqualTo(1);
        }
    }

    private static void assertCheck(FetchOutcome outcome, String check) {
        String name = check.substring(0, check.indexOf('='));
        String value = check.substring(check.indexOf('=') + 1);
        switch (name) {
            case "status" -> {
                int status =
                        switch (outcome) {
                            case FetchOutcome.Failed failed -> failed.httpStatus().orElse(-1);
                            case FetchOutcome.Page page -> page.status();
                            case FetchOutcome.NotHtml other -> other.status();
                        };
                assertThat(status).isEqualTo(Integer.parseInt(value));
            }
            case "bytes" ->
                    assertThat(((FetchOutcome.Page) outcome).bytes())
                            .isEqualTo(Long.parseLong(value));
            case "contains" ->
                    assertThat(((FetchOutcome.Page) outcome).html())
                            .contains(FixtureBytes.text(value));
            case "lacks" ->
                    assertThat(((FetchOutcome.Page) outcome).html())
                            .doesNotContain(FixtureBytes.text(value));
            default -> throw new IllegalArgumentException("check " + check);
        }
    }

    // --- servers that trickle or fall silent: cut at the deadline, never at a read timeout -------

    @Test
    void cutsABodyTrickledOneByteASecond() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            RawServer.write(
                                    socket, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n");
                            for (int i = 0; i < 60; i++) {
                                RawServer.write(socket, "x");
                                Thread.sleep(1_000);
                            }
                        })) {
            assertTimedOut(fetchTimed(server.port(), DEADLINE));
        }
    }

    @Test
    void cutsHeadersTrickledOneByteASecond() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            for (char c : "HTTP/1.1 200 OK\r\nX-Slow: ".toCharArray()) {
                                RawServer.write(socket, String.valueOf(c));
                                Thread.sleep(1_000);
                            }
                        })) {
            assertTimedOut(fetchTimed(server.port(), DEADLINE));
        }
    }

    @Test
    void cutsASilenceAfterTheHeaders() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            RawServer.write(
                                    socket,
                                    "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                            + "Content-Length: 100\r\n\r\n<p>");
                            Thread.sleep(60_000);
                        })) {
            assertTimedOut(fetchTimed(server.port(), DEADLINE));
        }
    }

    @Test
    void cutsASilenceBeforeTheHeaders() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.readRequestHead(socket);
                            Thread.sleep(60_000);
                        })) {
            assertTimedOut(fetchTimed(server.port(), DEADLINE));
        }
    }

    @Test
    void cutsAServerThatNeverReadsTheRequest() throws IOException {
        try (RawServer server = new RawServer(socket -> Thread.sleep(60_000))) {
            assertTimedOut(fetchTimed(server.port(), DEADLINE));
        }
    }

    // --- bodies larger than the heap (this IT runs with -Xmx128m): cut at the cap ----------------

    @Test
    void cutsAOneGibibyteBodyAtTheCap() throws IOException {
        assertCutAtTheCap(
                new MockResponse.Builder()
                        .setHeader("Content-Type", "text/html")
                        .body(new GeneratedBody("<html><body><p>", 1L << 30, (byte) 'a'))
                        .build());
    }

    @Test
    void cutsAGzipBombAtTheCap() throws IOException {
        assertCutAtTheCap(
                new MockResponse.Builder()
                        .setHeader("Content-Type", "text/html")
                        .setHeader("Content-Encoding", "gzip")
                        .body(new Buffer().write(bomb(GZIPOutputStream::new)))
                        .build());
    }

    @Test
    void cutsADeflateBombAtTheCap() throws IOException {
        assertCutAtTheCap(
                new MockResponse.Builder()
                        .setHeader("Content-Type", "text/html")
                        .setHeader("Content-Encoding", "deflate")
                        .body(new Buffer().write(bomb(DeflaterOutputStream::new)))
                        .build());
    }

    private void assertCutAtTheCap(MockResponse response) throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.enqueue(response);

            FetchOutcome outcome = fetchTimed(server.getPort(), LONG_DEADLINE);

            assertThat(outcome)
                    .isInstanceOfSatisfying(
                            FetchOutcome.Page.class,
                            page -> {
                                assertThat(page.truncated()).isTrue();
                                assertThat(page.bytes()).isEqualTo(CAP);
                                assertThat(page.html()).startsWith("<html><body><p>aaa");
                            });
        }
    }

    /** An HTML opening, then 256 MiB of one letter, compressed by {@code coder} (~250 KiB). */
    private static byte[] bomb(Coder coder) throws IOException {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'a');
        try (OutputStream out = coder.wrap(compressed)) {
            out.write("<html><body><p>".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            for (int i = 0; i < 256; i++) {
                out.write(block);
            }
        }
        assertThat(compressed.size()).isLessThan(1024 * 1024);
        return compressed.toByteArray();
    }

    @FunctionalInterface
    private interface Coder {
        OutputStream wrap(OutputStream out) throws IOException;
    }

    // --- pages built to break a parser: fetched and extracted within the deadline ----------------

    @Test
    void fetchesAndExtractsAPageOf200000Links() throws IOException {
        StringBuilder page = new StringBuilder("<html><head><title>links</title></head><body>");
        for (int i = 0; i < 200_000; i++) {
            page.append("<a href=/").append(i).append(">x</a>");
        }
        page.append("<p>the end of the pwned list</p></body></html>");

        ExtractedPage extracted = fetchAndExtract(page.toString());

        assertThat(extracted.title()).isEqualTo("links");
    }

    @Test
    void fetchesAndExtractsBlocksNested100000Deep() throws IOException {
        ExtractedPage extracted =
                fetchAndExtract(
                        "<html><body>"
                                + "<div>".repeat(100_000)
                                + "pwned"
                                + "</div>".repeat(100_000));

        assertThat(extracted.text()).contains("pwned");
    }

    @Test
    void fetchesAndExtractsUnclosedFormattingNested100000Deep() throws IOException {
        ExtractedPage extracted =
                fetchAndExtract("<html><body>" + "<b><i>".repeat(50_000) + "pwned");

        assertThat(extracted.text()).contains("pwned");
    }

    @Test
    void fetchesAndExtractsTablesNested30000Deep() throws IOException {
        ExtractedPage extracted =
                fetchAndExtract("<html><body>" + "<table><tr><td>".repeat(30_000) + "pwned");

        assertThat(extracted.text()).contains("pwned");
    }

    /**
     * Fetches {@code html} within the (test) deadline, then extracts it within the time the crawl
     * function keeps for extraction and indexing: its 30 s timeout less the default fetch deadline,
     * so 15 s. Extraction measures 1 to 4 s here on a loaded two-core machine with a 128 MiB heap;
     * a parser that went quadratic or recursed would take minutes or throw.
     */
    private ExtractedPage fetchAndExtract(String html) throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.setDispatcher(new Routes().on("/", html(html)));

            FetchOutcome outcome = fetchTimed(server.getPort(), LONG_DEADLINE);
            assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
            FetchOutcome.Page page = (FetchOutcome.Page) outcome;
            assertThat(page.truncated()).isFalse();
            long start = System.nanoTime();
            ExtractedPage extracted =
                    new PageExtractor().extract(page.html(), page.finalUrl().value());
            long extractMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            System.out.printf(
                    "%,d bytes: fetched in %d ms (deadline %d ms), extracted in %d ms (limit %d"
                            + " ms)%n",
                    page.bytes(),
                    page.fetchMs(),
                    LONG_DEADLINE.toMillis(),
                    extractMs,
                    FetchSettings.DEFAULT_DEADLINE.toMillis());
            assertThat(extractMs).isLessThan(FetchSettings.DEFAULT_DEADLINE.toMillis());
            return extracted;
        }
    }

    // --- TLS: every certificate problem is a TLS failure, never retried --------------------------

    private static final HeldCertificate ROOT =
            new HeldCertificate.Builder()
                    .certificateAuthority(0)
                    .commonName("hostile root")
                    .build();
    private static final HeldCertificate OTHER_ROOT =
            new HeldCertificate.Builder()
                    .certificateAuthority(0)
                    .commonName("unknown root")
                    .build();

    /** A certificate the fixture may serve for {@code fixture.example}. */
    enum Certificate {
        SELF_SIGNED(b -> b.addSubjectAlternativeName("fixture.example")),
        EXPIRED(
                b ->
                        b.addSubjectAlternativeName("fixture.example")
                                .signedBy(ROOT)
                                .validityInterval(
                                        System.currentTimeMillis() - 2 * 86_400_000L,
                                        System.currentTimeMillis() - 86_400_000L)),
        NOT_YET_VALID(
                b ->
                        b.addSubjectAlternativeName("fixture.example")
                                .signedBy(ROOT)
                                .validityInterval(
                                        System.currentTimeMillis() + 86_400_000L,
                                        System.currentTimeMillis() + 2 * 86_400_000L)),
        ANOTHER_NAME(b -> b.addSubjectAlternativeName("other.example").signedBy(ROOT)),
        UNTRUSTED_ISSUER(b -> b.addSubjectAlternativeName("fixture.example").signedBy(OTHER_ROOT)),
        LOOPBACK_ADDRESS_ONLY(b -> b.addSubjectAlternativeName("127.0.0.1").signedBy(ROOT));

        private final Consumer<HeldCertificate.Builder> shape;

        Certificate(Consumer<HeldCertificate.Builder> shape) {
            this.shape = shape;
        }

        HeldCertificate build() {
            HeldCertificate.Builder builder = new HeldCertificate.Builder();
            shape.accept(builder);
            return builder.build();
        }
    }

    @ParameterizedTest
    @EnumSource(Certificate.class)
    void refusesABadCertificateAsTls(Certificate certificate) throws IOException {
        try (MockWebServer server = TestFetchers.startServer()) {
            server.useHttps(
                    new HandshakeCertificates.Builder()
                            .heldCertificate(certificate.build())
                            .build()
                            .sslSocketFactory());
            server.setDispatcher(new Routes().on("/", html("<p>pwned</p>")));

            FetchOutcome.Failed failed = fetchOverTls(server.getPort());

            assertThat(failed.code()).isEqualTo(FailureCode.TLS);
            assertThat(failed.retryable()).isFalse();
            assertThat(server.getRequestCount()).isZero();
        }
    }

    @Test
    void refusesAPlainHttpServerBehindAnHttpsUrlAsTls() throws IOException {
        try (RawServer server =
                new RawServer(
                        socket -> {
                            RawServer.write(
                                    socket,
                                    "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                            drain(socket);
                        })) {
            FetchOutcome.Failed failed = fetchOverTls(server.port());

            assertThat(failed.code()).isEqualTo(FailureCode.TLS);
            assertThat(failed.retryable()).isFalse();
        }
    }

    @Test
    void cutsASilentTlsHandshakeAtTheDeadline() throws IOException {
        try (RawServer server = new RawServer(socket -> Thread.sleep(60_000))) {
            long start = System.nanoTime();

            FetchOutcome.Failed failed = fetchOverTls(server.port());

            assertThat(failed.code()).isEqualTo(FailureCode.TIMEOUT);
            assertThat(failed.retryable()).isTrue();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .isLessThan(DEADLINE.toMillis() + TOLERANCE_MS);
        }
    }

    /**
     * {@code https://fixture.example:port/}, resolving to loopback, trusting only {@link #ROOT}.
     */
    private FetchOutcome.Failed fetchOverTls(int port) {
        HandshakeCertificates trust =
                new HandshakeCertificates.Builder()
                        .addTrustedCertificate(ROOT.certificate())
                        .build();
        OkHttpClient base =
                new OkHttpClient.Builder()
                        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
                        .build();
        UrlPolicy policy =
                new UrlPolicy(
                        UrlPolicy.DEFAULT_PORTS, Set.of(new HostPort("fixture.example", port)));
        InMemoryHostResolver resolver =
                new InMemoryHostResolver().answer("fixture.example", List.of("127.0.0.1"));
        FetchOutcome outcome =
                new OkHttpPageFetcher(
                                FetchSettings.defaults()
                                        .withDeadline(DEADLINE)
                                        .withUrlPolicy(policy),
                                resolver,
                                base,
                                dialer)
                        .fetch(
                                url("https://fixture.example:" + port + "/", policy),
                                Instant.now().plus(DEADLINE));
        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        return (FetchOutcome.Failed) outcome;
    }

    // --- helpers
    // ------------------------------------------------------------------------------------

    /** Fetches {@code http://127.0.0.1:port/} and checks it ended by the deadline. */
    private FetchOutcome fetchTimed(int port, Duration deadline) {
        UrlPolicy policy = TestFetchers.exempting("127.0.0.1", port);
        long start = System.nanoTime();
        FetchOutcome outcome =
                TestFetchers.fetcher(
                                FetchSettings.defaults()
                                        .withDeadline(deadline)
                                        .withUrlPolicy(policy),
                                new InMemoryHostResolver(),
                                dialer)
                        .fetch(
                                url("http://127.0.0.1:" + port + "/", policy),
                                Instant.now().plus(deadline));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .isLessThan(deadline.toMillis() + TOLERANCE_MS);
        return outcome;
    }

    private static void assertTimedOut(FetchOutcome outcome) {
        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Failed.class,
                        failed -> {
                            assertThat(failed.code()).isEqualTo(FailureCode.TIMEOUT);
                            assertThat(failed.retryable()).isTrue();
                            assertThat(failed.fetchMs())
                                    .isGreaterThanOrEqualTo(DEADLINE.toMillis() - 50);
                        });
    }

    /** Waits until the client closes the connection (or a few seconds pass). */
    private static void drain(Socket socket) throws IOException {
        socket.setSoTimeout((int) LONG_DEADLINE.toMillis());
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[8192];
        try {
            while (in.read(sink) >= 0) {
                // discard
            }
        } catch (IOException closedOrTimedOut) {
            // either way the case is over
        }
    }
}
