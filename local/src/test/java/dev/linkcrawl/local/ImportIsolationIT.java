package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.local.lambda.InvocationLog;
import dev.linkcrawl.local.s3.NotificationLog;
import dev.linkcrawl.local.sqs.LocalSqs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * DESIGN's promise, shown on the dev stack: "a 10,000-link import never delays a link a user saves
 * by hand". 2,000 links are imported through the import path (upload, S3 event, backfill function,
 * BackfillQueue, whose crawls the template caps at 2 at once), each on a page that takes 1.5 s;
 * then one link is saved through the API, on a fast page, and must be crawled within 5 s while
 * hundreds of imported links still wait. Everything is on loopback; the figures are written to
 * {@code local/target/import-isolation.txt}.
 */
class ImportIsolationIT {

    /**
     * Where the figures go ({@code local/target/import-isolation.txt}): an OpenSearch node that ran
     * earlier in this JVM has taken System.out over.
     */
    private static final Path REPORT = Path.of("target", "import-isolation.txt");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final int IMPORTED = 2000;
    private static final Duration SLOW_PAGE = Duration.ofMillis(1500);
    private static final Duration API_CRAWL_LIMIT = Duration.ofSeconds(5);

    @TempDir Path state;
    @TempDir Path files;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8));

    @Test
    @Timeout(150)
    void linkSavedThroughTheApiIsCrawledWithinSecondsWhileAnImportOfThousandsWaits()
            throws Exception {
        try (LoopbackSite site = new LoopbackSite(SLOW_PAGE);
                DevStack stack =
                        DevStack.start(
                                new DevStack.Options(
                                        Path.of("../template.yaml"),
                                        state,
                                        0,
                                        0,
                                        0,
                                        0,
                                        Map.of(),
                                        Map.of("ALLOWED_PRIVATE_HOSTS", site.hostPort())),
                                log,
                                Clock.systemUTC());
                SqsClient sqs = LocalSqs.client(stack.endpoints().sqsEndpoint())) {
            Path export =
                    Files.writeString(
                            files.resolve("thousands.txt"),
                            IntStream.range(0, IMPORTED)
                                    .mapToObj(i -> site.url("/slow/" + i))
                                    .collect(Collectors.joining("\n", "", "\n")));

            long importStarted = System.nanoTime();
            ImportCommandIT.Result imported = importFile(export);
            Duration importTook = Duration.ofNanos(System.nanoTime() - importStarted);

            assertThat(imported.exitCode()).as(imported.err()).isZero();
            JsonNode result = JSON.readTree(imported.out().lines().toList().getLast());
            assertThat(result.get("accepted").asInt()).isEqualTo(IMPORTED);

            long submitted = System.nanoTime();
            HttpResponse<String> saved =
                    HTTP.send(
                            HttpRequest.newBuilder(stack.endpoints().apiUrl().resolve("/links"))
                                    .timeout(Duration.ofSeconds(10))
                                    .header("Authorization", "Bearer alice")
                                    .header("Content-Type", "application/json")
                                    .POST(
                                            HttpRequest.BodyPublishers.ofString(
                                                    "{\"url\":\"" + site.url("/fast") + "\"}"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(202);
            JsonNode link =
                    ImportCommandIT.awaitCrawled(
                            "alice", site.url("/fast"), stack, API_CRAWL_LIMIT);
            Duration apiLatency = Duration.ofNanos(System.nanoTime() - submitted);
            long backfillDepth = depth(sqs, stack.endpoints().queues().get("BackfillQueue").url());

            assertThat(link.get("title").asText()).isEqualTo("Page /fast");
            assertThat(apiLatency).isLessThanOrEqualTo(API_CRAWL_LIMIT);
            assertThat(backfillDepth).as("imported links still waiting").isGreaterThan(300);
            // At most BackfillMaxConcurrency (4) crawls fetch at once, 2 of one owner's past their
            // first second (BackfillMaxPerOwner); a fetch stopped for its owner's share stays open
            // on the server until the page is written, so the server may count a few more.
            assertThat(site.slowConcurrencyMax())
                    .as("imported pages requested at once, as the server counts them")
                    .isBetween(1, 8);

            long handlerMs =
                    NotificationLog.read(state).stream()
                            .filter(entry -> entry.state() == NotificationLog.State.COMPLETED)
                            .filter(
                                    entry ->
                                            entry.delivery()
                                                    .key()
                                                    .equals(result.get("key").asText()))
                            .mapToLong(entry -> entry.line().path("durationMs").asLong())
                            .findFirst()
                            .orElseThrow();
            String figures =
                    String.format(
                            "ImportIsolationIT: import of %d links: command %.1f s, backfill function"
                                    + " %.1f s (%.0f links/s onto BackfillQueue); API link crawled in %d"
                                    + " ms with %d imported links still queued; at most %d imported"
                                    + " pages crawled at once%n",
                            IMPORTED,
                            importTook.toMillis() / 1000.0,
                            handlerMs / 1000.0,
                            IMPORTED / Math.max(0.001, handlerMs / 1000.0),
                            apiLatency.toMillis(),
                            backfillDepth,
                            site.slowConcurrencyMax());
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, figures);
        }
    }

    private ImportCommandIT.Result importFile(Path file) {
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
                            "alice",
                            "--timeout",
                            "90",
                            file.toString());
            return new ImportCommandIT.Result(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("linkcrawl.home");
            System.clearProperty("linkcrawl.state");
        }
    }

    private static long depth(SqsClient sqs, String queueUrl) {
        Map<QueueAttributeName, String> attributes =
                sqs.getQueueAttributes(
                                get ->
                                        get.queueUrl(queueUrl)
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
        return attributes.values().stream().mapToLong(Long::parseLong).sum();
    }
}
