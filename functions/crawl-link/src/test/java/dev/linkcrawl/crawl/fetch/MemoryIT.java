package dev.linkcrawl.crawl.fetch;

import static dev.linkcrawl.crawl.fetch.Urls.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.url.UrlPolicy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A body far larger than the heap (this IT runs with {@code -Xmx128m}) is cut at the cap, and what
 * the fetch keeps afterwards is under twice the cap. Retained heap is measured with the
 * MemoryMXBean after full collections, before and after the fetch, while the outcome is still held;
 * the figures are printed.
 */
class MemoryIT {

    private static final long GIB = 1024L * 1024 * 1024;
    private static final long CAP = FetchSettings.DEFAULT_MAX_BODY_BYTES;
    private static final String HEAD =
            "<!DOCTYPE html><html><head><title>big</title></head><body><p>";

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
                        TestFetchers.settings(policy)
                                .withDeadline(java.time.Duration.ofSeconds(10)),
                        new InMemoryHostResolver(),
                        dialer);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static long heapAfterGc() throws InterruptedException {
        System.gc();
        Thread.sleep(50);
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private FetchOutcome fetchMeasured(String label) throws InterruptedException {
        long before = heapAfterGc();
        long start = System.nanoTime();
        FetchOutcome outcome =
                fetcher.fetch(
                        url("http://127.0.0.1:" + server.getPort() + "/big", policy),
                        Instant.now().plusSeconds(10));
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        long growth = heapAfterGc() - before;
        System.out.printf(
                "%s: fetched in %d ms, retained heap growth %.2f MiB (cap %.2f MiB, limit %.2f MiB)%n",
                label, tookMs, growth / 1048576.0, CAP / 1048576.0, 2 * CAP / 1048576.0);
        assertThat(growth).isLessThan(2 * CAP);
        Reference.reachabilityFence(outcome);
        return outcome;
    }

    @Test
    void cutsAOneGibibyteStreamAtTheCap() throws InterruptedException {
        server.enqueue(
                new MockResponse.Builder()
                        .setHeader("Content-Type", "text/html; charset=utf-8")
                        .body(new GeneratedBody(HEAD, GIB, (byte) 'a'))
                        .build());

        FetchOutcome outcome = fetchMeasured("1 GiB stream");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Page.class,
                        page -> {
                            assertThat(page.truncated()).isTrue();
                            assertThat(page.bytes()).isEqualTo(CAP);
                            assertThat(page.html()).hasSize((int) CAP).startsWith(HEAD);
                        });
    }

    @Test
    void cutsAGzipBombAtTheCapAfterDecompression() throws IOException, InterruptedException {
        byte[] bomb = gzipBomb();
        System.out.printf("gzip bomb: %d bytes compressed, %d bytes inflated%n", bomb.length, GIB);
        assertThat(bomb.length).isLessThan(1_200_000);
        server.enqueue(
                new MockResponse.Builder()
                        .setHeader("Content-Type", "text/html")
                        .setHeader("Content-Encoding", "gzip")
                        .body(new Buffer().write(bomb))
                        .build());

        FetchOutcome outcome = fetchMeasured("gzip bomb");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.Page.class,
                        page -> {
                            assertThat(page.truncated()).isTrue();
                            assertThat(page.bytes()).isEqualTo(CAP);
                            assertThat(page.html()).startsWith(HEAD);
                        });
    }

    @Test
    void countsAOneGibibyteBinaryStreamOnlyUpToTheCap() throws InterruptedException {
        server.enqueue(
                new MockResponse.Builder()
                        .setHeader("Content-Type", "application/octet-stream")
                        .body(new GeneratedBody("", GIB, (byte) 0))
                        .build());

        FetchOutcome outcome = fetchMeasured("1 GiB binary");

        assertThat(outcome)
                .isInstanceOfSatisfying(
                        FetchOutcome.NotHtml.class,
                        described -> {
                            assertThat(described.truncated()).isTrue();
                            assertThat(described.bytes()).isEqualTo(CAP);
                        });
    }

    /** An HTML head and then 1 GiB of one letter, gzipped at the default level: about 1 MiB. */
    private static byte[] gzipBomb() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1_100_000);
        byte[] block = new byte[1024 * 1024];
        Arrays.fill(block, (byte) 'a');
        byte[] head = HEAD.getBytes(StandardCharsets.US_ASCII);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
            gzip.write(head);
            gzip.write(block, 0, block.length - head.length);
            for (int i = 1; i < 1024; i++) {
                gzip.write(block);
            }
        }
        return out.toByteArray();
    }
}
