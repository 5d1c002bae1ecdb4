package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.UrlPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the fetcher makes of statuses, content types, charsets and content codings. */
class ResponsesIT {

    private static final String FRENCH = "crème brûlée à l'hôtel";
    private static final String JAPANESE = "これは日本語で書かれたテストページです";

    private final LoopbackDialer dialer = new LoopbackDialer();
    private MockWebServer server;
    private UrlPolicy policy;
    private OkHttpPageFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = TestFetchers.startServer();
        policy = TestFetchers.exempting("127.0.0.1", server.getPort());
        fetcher =
                TestFetchers.fetcher(
                        TestFetchers.settings(policy), new InMemoryHostResolver(), dialer);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchOutcome fetch(String path) {
        return fetcher.fetch(
                url("http://127.0.0.1:" + server.getPort() + path, policy),
                Instant.now().plus(TestFetchers.DEADLINE));
    }

    private FetchOutcome serve(MockResponse response) {
        server.enqueue(response);
        return fetch("/");
    }

    private static MockResponse.Builder ok(String contentType, byte[] body) {
        MockResponse.Builder builder = new MockResponse.Builder().body(new Buffer().write(body));
        return contentType == null ? builder : builder.setHeader("Content-Type", contentType);
    }

    private static FetchOutcome.Page page(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Page.class);
        return (FetchOutcome.Page) outcome;
    }

    private static FetchOutcome.Failed failed(FetchOutcome outcome) {
        assertThat(outcome).isInstanceOf(FetchOutcome.Failed.class);
        return (FetchOutcome.Failed) outcome;
    }

    @Test
    void fetchesAPlainPage() {
        FetchOutcome.Page page =
                page(
                        serve(
                                ok(
                                                "text/html; charset=utf-8",
                                                "<title>Hi</title>"
                                                        .getBytes(StandardCharsets.UTF_8))
                                        .build()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.bytes()).isEqualTo(17);
        assertThat(page.truncated()).isFalse();
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(page.html()).isEqualTo("<title>Hi</title>");
        assertThat(page.redirects()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 403, 451})
    void clientErrorsAreFinal(int status) {
        FetchOutcome.Failed failed =
                failed(serve(new MockResponse.Builder().code(status).body("gone").build()));

        assertThat(failed.code()).isEqualTo(FailureCode.HTTP_STATUS);
        assertThat(failed.httpStatus()).hasValue(status);
        assertThat(failed.retryable()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503, 500, 408})
    void throttlingAndServerErrorsAreRetryable(int status) {
        FetchOutcome.Failed failed = failed(serve(new MockResponse.Builder().code(status).build()));

        assertThat(failed.code()).isEqualTo(FailureCode.HTTP_STATUS);
        assertThat(failed.httpStatus()).hasValue(status);
        assertThat(failed.retryable()).isTrue();
    }

    @Test
    void describesAPngLabelledHtmlWithoutParsingIt() {
        byte[] png = {
            (byte) 0x89,
            'P',
            'N',
            'G',
            0x0d,
            0x0a,
            0x1a,
            0x0a,
            0,
            0,
            0,
            0x0d,
            'I',
            'H',
            'D',
            'R',
            0,
            0,
            0,
            1
        };

        FetchOutcome outcome = serve(ok("text/html", png).build());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.NotHtml.class,
                        described -> {
                            assertThat(described.contentType()).isEqualTo("image/png");
                            assertThat(described.bytes()).isEqualTo(png.length);
                            assertThat(described.truncated()).isFalse();
                        });
    }

    @Test
    void describesAPdfWithItsFileName() {
        byte[] pdf = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.US_ASCII);

        FetchOutcome outcome =
                serve(
                        ok("application/pdf", pdf)
                                .setHeader(
                                        "Content-Disposition",
                                        "attachment; filename=\"report.pdf\"")
                                .build());

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.NotHtml.class,
                        described -> {
                            assertThat(described.contentType()).isEqualTo("application/pdf");
                            assertThat(described.fileName()).contains("report.pdf");
                            assertThat(described.status()).isEqualTo(200);
                        });
    }

    @Test
    void parsesAnUnlabelledBodyThatOpensWithHtml() {
        FetchOutcome.Page page =
                page(
                        serve(
                                ok(
                                                null,
                                                "<!DOCTYPE html><p>x</p>"
                                                        .getBytes(StandardCharsets.US_ASCII))
                                        .build()));

        assertThat(page.contentType()).isEqualTo("text/html");
    }

    @Test
    void readsALatin1PageByItsHeader() {
        FetchOutcome.Page page =
                page(
                        serve(
                                ok(
                                                "text/html; charset=iso-8859-1",
                                                Fixtures.bytes("latin1-plain.html"))
                                        .build()));

        assertThat(page.charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(page.html()).contains(FRENCH);
    }

    @Test
    void readsALatin1PageWithoutACharsetHeader() {
        FetchOutcome.Page page =
                page(serve(ok("text/html", Fixtures.bytes("latin1-meta.html")).build()));

        assertThat(page.charset()).isEqualTo(Charset.forName("windows-1252"));
        assertThat(page.html()).contains(FRENCH);
    }

    @Test
    void readsAShiftJisPageByItsHeader() {
        FetchOutcome.Page page =
                page(
                        serve(
                                ok(
                                                "text/html; charset=Shift_JIS",
                                                Fixtures.bytes("shift_jis-plain.html"))
                                        .build()));

        assertThat(page.html()).contains(JAPANESE);
    }

    @Test
    void readsAShiftJisPageWithoutACharsetHeader() {
        FetchOutcome.Page meta =
                page(serve(ok("text/html", Fixtures.bytes("shift_jis-meta.html")).build()));
        FetchOutcome.Page detected =
                page(serve(ok("text/html", Fixtures.bytes("shift_jis-plain.html")).build()));

        assertThat(meta.html()).contains(JAPANESE);
        assertThat(detected.charset()).isEqualTo(Charset.forName("windows-31j"));
        assertThat(detected.html()).contains(JAPANESE);
    }

    @Test
    void decodesAGzippedPage() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
            gzip.write(Fixtures.bytes("shift_jis-meta.html"));
        }

        FetchOutcome.Page page =
                page(
                        serve(
                                ok("text/html", gzipped.toByteArray())
                                        .setHeader("Content-Encoding", "gzip")
                                        .build()));

        assertThat(page.html()).contains(JAPANESE);
        assertThat(page.bytes()).isEqualTo(Fixtures.bytes("shift_jis-meta.html").length);
    }

    @Test
    void decodesADeflatedPage() throws IOException {
        ByteArrayOutputStream deflated = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(deflated)) {
            deflate.write("<title>deflated</title>".getBytes(StandardCharsets.US_ASCII));
        }

        FetchOutcome.Page page =
                page(
                        serve(
                                ok("text/html", deflated.toByteArray())
                                        .setHeader("Content-Encoding", "deflate")
                                        .build()));

        assertThat(page.html()).isEqualTo("<title>deflated</title>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"br", "zstd", "compress", "gzip, gzip", "deflate, gzip"})
    void refusesUnknownAndStackedEncodings(String encoding) {
        FetchOutcome.Failed failed =
                failed(
                        serve(
                                ok("text/html", new byte[] {1, 2, 3})
                                        .setHeader("Content-Encoding", encoding)
                                        .build()));

        assertThat(failed.code()).isEqualTo(FailureCode.UNSUPPORTED_ENCODING);
        assertThat(failed.retryable()).isFalse();
    }

    @Test
    void reportsACorruptGzipBodyAsAProtocolError() {
        FetchOutcome.Failed failed =
                failed(
                        serve(
                                ok(
                                                "text/html",
                                                "not gzip at all"
                                                        .getBytes(StandardCharsets.US_ASCII))
                                        .setHeader("Content-Encoding", "gzip")
                                        .build()));

        assertThat(failed.code()).isEqualTo(FailureCode.PROTOCOL);
    }

    @Test
    void capsTheBodyAndMarksItTruncated() {
        OkHttpPageFetcher small =
                TestFetchers.fetcher(
                        TestFetchers.settings(policy).withMaxBodyBytes(1_000),
                        new InMemoryHostResolver(),
                        dialer);
        server.enqueue(
                ok("text/html", ("<p>" + "y".repeat(5_000)).getBytes(StandardCharsets.US_ASCII))
                        .build());

        FetchOutcome.Page page =
                page(
                        small.fetch(
                                url("http://127.0.0.1:" + server.getPort() + "/", policy),
                                Instant.now().plus(TestFetchers.DEADLINE)));

        assertThat(page.truncated()).isTrue();
        assertThat(page.bytes()).isEqualTo(1_000);
        assertThat(page.html()).hasSize(1_000);
    }
}
