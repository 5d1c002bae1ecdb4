package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.lambda.AsyncInvoker;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.s3.LocalS3;
import dev.linkcrawl.local.s3.NotificationLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code ./linkcrawl import} against the whole dev stack, every service on loopback: {@code POST
 * /imports} hands out a presigned upload into the caller's folder, the upload raises the S3 event,
 * the backfill function queues the valid links on BackfillQueue and writes its result beside the
 * upload (which raises an event it ignores), the crawl function crawls them from BackfillQueue, and
 * the command ends with the result as its last line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class ImportCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir static Path state;
    @TempDir static Path files;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8));
    private LoopbackSite site;
    private DevStack stack;

    @BeforeAll
    void start() throws Exception {
        site = new LoopbackSite(Duration.ZERO);
        stack = DevStack.start(options(site), log, Clock.systemUTC(), NO_RETRIES);
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (site != null) {
            site.close();
        }
    }

    @Test
    void importedLinksAreQueuedOnTheBackfillQueueCrawledAndTheResultPrintedLast() throws Exception {
        {
            Path export =
                    Files.writeString(
                            files.resolve("my bookmarks.txt"),
                            String.join(
                                    "\n",
                                    site.url("/a"),
                                    site.url("/b"),
                                    site.url("/a"),
                                    "ftp://example.com/file",
                                    "http://127.0.0.1:9/not-exempt",
                                    site.url("/c"),
                                    ""));

            Result imported = importFile("alice", export);

            assertThat(imported.exitCode()).as(imported.err()).isZero();
            List<String> lines = imported.out().lines().toList();
            JsonNode result = JSON.readTree(lines.getLast());
            String key = result.get("key").asText();
            assertThat(key).matches("imports/alice/[0-9a-f]{32}\\.txt");
            assertThat(result.get("state").asText()).isEqualTo("finished");
            assertThat(importStatus("alice", result.get("id").asText()).statusCode())
                    .isEqualTo(200);
            assertThat(importStatus("mallory", result.get("id").asText()).statusCode())
                    .as("another user's import")
                    .isEqualTo(404);
            assertThat(result.get("complete").asBoolean()).isTrue();
            assertThat(result.get("accepted").asInt()).isEqualTo(3);
            assertThat(result.get("duplicates").asInt()).isEqualTo(1);
            assertThat(result.get("invalid").asInt()).isEqualTo(2);
            assertThat(result.get("errors"))
                    .extracting(error -> error.get("line").asInt())
                    .containsExactly(4, 5);
            try (S3Client s3 = LocalS3.client(stack.endpoints().s3Endpoint())) {
                JsonNode stored =
                        JSON.readTree(
                                s3.getObjectAsBytes(
                                                get ->
                                                        get.bucket(
                                                                        "linkcrawl-imports-000000000000-us-east-1")
                                                                .key(key + ".result.json"))
                                        .asByteArray());
                assertThat(stored.get("accepted")).isEqualTo(result.get("accepted"));
                assertThat(stored.get("finishedAt")).isEqualTo(result.get("finishedAt"));
            }

            for (String path : List.of("/a", "/b", "/c")) {
                // The stack's first crawl also creates the links index: on a busy two-core
                // machine the first of these links took over 30 s.
                JsonNode link =
                        awaitCrawled("alice", site.url(path), stack, Duration.ofSeconds(90));
                assertThat(link.get("title").asText()).isEqualTo("Page " + path);
            }
            // A crawl's line is written when its invocation returns, after the document (and
            // the crawl's event) are out: it may come a little after the document reads back.
            long lineDeadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!logged.toString(StandardCharsets.UTF_8).contains("SQS BackfillQueue")
                    && System.nanoTime() < lineDeadline) {
                Thread.sleep(100);
            }
            assertThat(logged.toString(StandardCharsets.UTF_8))
                    .as("crawled from BackfillQueue, not CrawlQueue")
                    .contains("SQS BackfillQueue")
                    .doesNotContain("SQS CrawlQueue");
            assertThat(NotificationLog.read(state))
                    .filteredOn(entry -> entry.state() == NotificationLog.State.COMPLETED)
                    .filteredOn(entry -> entry.delivery().key().contains("/alice/"))
                    .extracting(
                            entry ->
                                    entry.delivery().key()
                                            + " "
                                            + entry.output()
                                                    .orElseThrow()
                                                    .at("/imports/0/outcome")
                                                    .asText())
                    // The result object's own notification runs while the import's invocation
                    // is still finishing, so the two complete in either order.
                    // The import writes its result twice (begun, then finished), and a watch that
                    // looks every 250 ms may see one or both writes: each is ignored.
                    .contains(key + " imported", key + ".result.json ignored")
                    .allMatch(
                            line ->
                                    line.equals(key + " imported")
                                            || line.equals(key + ".result.json ignored"));
        }
    }

    @Test
    void fileThatIsNoBookmarkExportEndsWithTheResultAndExitCodeOne() throws Exception {
        {
            Path binary =
                    Files.write(
                            files.resolve("photo.png"),
                            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});

            Result imported = importFile("bob", binary);

            assertThat(imported.out()).as(imported.err()).isNotBlank();
            JsonNode result = JSON.readTree(imported.out().lines().toList().getLast());
            assertThat(result.get("complete").asBoolean()).isFalse();
            assertThat(imported.exitCode()).isEqualTo(ImportCommand.EXIT_FAILED);
            assertThat(imported.err()).contains("stopped early");
        }
    }

    /** Retries would only slow a failing case down; the behaviour is AsyncInvoker's (tested). */
    private static final AsyncInvoker.RetryPolicy NO_RETRIES =
            new AsyncInvoker.RetryPolicy(List.of());

    private DevStack.Options options(LoopbackSite site) {
        return new DevStack.Options(
                Path.of("../template.yaml"),
                state,
                0,
                0,
                0,
                0,
                Map.of(),
                Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort()));
    }

    private HttpResponse<String> importStatus(String user, String id) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(stack.endpoints().apiUrl().resolve("/imports/" + id))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + user)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The indexed link once it is crawled (GET /links/{id} through the API). */
    static JsonNode awaitCrawled(String owner, String url, DevStack stack, Duration limit)
            throws Exception {
        String id = linkId(owner, url);
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            HttpResponse<String> response =
                    HTTP.send(
                            HttpRequest.newBuilder(
                                            stack.endpoints().apiUrl().resolve("/links/" + id))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Authorization", "Bearer " + owner)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode link = JSON.readTree(response.body());
                if ("crawled".equals(link.path("status").asText())) {
                    return link;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        url + " was not crawled within " + limit + ": " + response.body());
            }
            Thread.sleep(100);
        }
    }

    /** DESIGN's link id: SHA-256 of owner, a line break and the normalised URL; 16 bytes, hex. */
    static String linkId(String owner, String normalisedUrl) throws Exception {
        byte[] digest =
                MessageDigest.getInstance("SHA-256")
                        .digest((owner + "\n" + normalisedUrl).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 16);
    }

    record Result(int exitCode, String out, String err) {}

    Result importFile(String user, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("linkcrawl.home", "..");
        System.setProperty("linkcrawl.state", state.toString());
        try {
            int code =
                    Main.execute(
                            new Console(
                                    new PrintStream(out, true, StandardCharsets.UTF_8),
                                    new PrintStream(err, true, StandardCharsets.UTF_8)),
                            "import",
                            "--user",
                            user,
                            "--timeout",
                            "60",
                            file.toString());
            return new Result(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("linkcrawl.home");
            System.clearProperty("linkcrawl.state");
        }
    }
}
