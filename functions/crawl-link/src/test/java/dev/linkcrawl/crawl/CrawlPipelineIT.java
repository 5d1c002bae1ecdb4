package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FetchSettings;
import dev.linkcrawl.crawl.fetch.OkHttpPageFetcher;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.backend.TestBackend;
import dev.linkcrawl.testing.backend.TestOpenSearch;
import dev.linkcrawl.testing.backend.TestOpenSearchExtension;
import dev.linkcrawl.testing.backend.TestSqs;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The crawl function end to end on real services: an SQS-compatible server delivering messages, a
 * local web server serving the page, and a real OpenSearch holding the documents (embedded or on
 * LocalStack: see {@link TestBackend}).
 */
@ExtendWith(TestOpenSearchExtension.class)
class CrawlPipelineIT {

    private static final String ARTICLE =
            """
            <html lang="en"><head><title>Queues beat threads | Field Notes</title>
            <meta property="og:site_name" content="Field Notes">
            <meta name="description" content="Why every slow fetch gets its own invocation.">
            <meta name="author" content="Grace Hopper"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Queues beat threads</h1>
            <p>When one slow link held a request thread, every visitor of the site waited.</p>
            <p>A queue and a crawl function with its own deadline keep that wait away from them.</p>
            </article></body></html>
            """;

    private static final AtomicInteger INDEX_NUMBER = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MAPPING_RESOURCE = "/dev/linkcrawl/index/links-mapping.json";

    private final TestOpenSearch openSearch;
    private final CrawlMessageCodec codec = new CrawlMessageCodec();
    private TestSqs sqs;
    private HttpServer site;
    private String queueUrl;
    private String deadLetterUrl;
    private OpenSearchLinkIndex index;
    private QueueDriver driver;
    private String pageUrl;
    private final AtomicBoolean gone = new AtomicBoolean();
    private Settings settings;
    private final String indexName = "crawl-it-" + INDEX_NUMBER.incrementAndGet();

    CrawlPipelineIT(TestOpenSearch openSearch) {
        this.openSearch = openSearch;
    }

    @BeforeEach
    void start() throws IOException {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext(
                "/article",
                exchange -> {
                    byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                    if (gone.get()) {
                        exchange.sendResponseHeaders(404, -1);
                        exchange.close();
                        return;
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        site.start();
        int port = site.getAddress().getPort();
        pageUrl = "http://127.0.0.1:" + port + "/article";

        sqs = TestBackend.selected().sqs();
        deadLetterUrl = sqs.createQueue("crawl-dlq");
        String deadLetterArn = sqs.queueArn(deadLetterUrl);
        queueUrl =
                sqs.createQueue(
                        "crawl-queue",
                        Map.of(
                                "VisibilityTimeout",
                                "1",
                                "RedrivePolicy",
                                "{\"deadLetterTargetArn\":\""
                                        + deadLetterArn
                                        + "\",\"maxReceiveCount\":\"5\"}"));

        settings =
                Settings.from(
                        Map.of(
                                "OPENSEARCH_ENDPOINT",
                                openSearch.endpoint().toString(),
                                "OPENSEARCH_AUTH",
                                openSearch.authSetting(),
                                "INDEX_NAME",
                                indexName,
                                "ALLOWED_PRIVATE_HOSTS",
                                "127.0.0.1:" + port,
                                "FETCH_DEADLINE_MS",
                                "5000"));
        index = OpenSearchLinkIndex.create(settings);
        driver = new QueueDriver(sqs.client(), queueUrl, new CrawlLinkHandler(settings));
    }

    @AfterEach
    void stop() {
        if (!openSearch.isRunning()) {
            openSearch.start();
        }
        sqs.close();
        site.stop(0);
    }

    @Test
    void messageForALocalPageBecomesADocumentWithItsFields() {
        CrawlMessage message = send(pageUrl);

        driver.drain(20_000);

        LinkDocument document = index.get("alice", message.id()).orElseThrow();
        assertThat(document.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(document.title()).isEqualTo("Queues beat threads");
        assertThat(document.siteName()).isEqualTo("Field Notes");
        assertThat(document.author()).isEqualTo("Grace Hopper");
        assertThat(document.description())
                .isEqualTo("Why every slow fetch gets its own invocation.");
        assertThat(document.text())
                .contains("every visitor of the site waited")
                .doesNotContain("Home");
        assertThat(document.tags()).containsExactly("ops");
        assertThat(document.httpStatus()).isEqualTo(200);
    }

    @Test
    void sameMessageTwiceGivesOneDocument() {
        CrawlMessage message = send(pageUrl);
        sqs.client().sendMessage(s -> s.queueUrl(queueUrl).messageBody(codec.encode(message)));

        driver.drain(20_000);

        assertThat(index.get("alice", message.id())).isPresent();
        assertThat(index.search(LinkQuery.newest("alice")).hits()).hasSize(1);
    }

    @Test
    void openSearchDownMidRunIsRetriedAndIndexedOnceItIsBack() {
        assumeTrue(openSearch.canStop(), "only the embedded node can be stopped for one test");
        CrawlMessage message = send(pageUrl);
        openSearch.stop();

        assertThat(driver.deliverOne()).isTrue();
        assertThat(driver.visibleAndInFlight()).as("the message comes back").isEqualTo(1);

        openSearch.start();
        driver.drain(30_000);

        assertThat(index.get("alice", message.id())).isPresent();
        assertThat(receiveAll(deadLetterUrl)).isEmpty();
    }

    @Test
    void pageGoneOnARecrawlKeepsTheDocumentCrawledBefore() {
        CrawlMessage message = send(pageUrl);
        driver.drain(20_000);
        gone.set(true);

        sqs.client().sendMessage(s -> s.queueUrl(queueUrl).messageBody(codec.encode(message)));
        driver.drain(20_000);

        LinkDocument document = index.get("alice", message.id()).orElseThrow();
        assertThat(document.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(document.title()).isEqualTo("Queues beat threads");
        assertThat(receiveAll(deadLetterUrl)).isEmpty();
    }

    @Test
    void pageThatVanishedIsGoneAfterTwoRecrawlsWithItsTextKept() {
        CrawlMessage saved = send(pageUrl);
        driver.drain(20_000);
        gone.set(true);
        CrawlMessage recrawl =
                new CrawlMessage(
                        saved.id(),
                        saved.url(),
                        saved.owner(),
                        saved.submittedAt(),
                        CrawlSource.RECRAWL,
                        saved.tags(),
                        saved.note());

        LinkDocument afterOne = recrawlOn(recrawl, Instant.now().plus(Duration.ofDays(30)));
        LinkDocument afterTwo = recrawlOn(recrawl, Instant.now().plus(Duration.ofDays(60)));

        assertThat(afterOne.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(afterOne.goneChecks()).isEqualTo(1);
        assertThat(afterTwo.status()).isEqualTo(LinkDocument.Status.GONE);
        assertThat(afterTwo.goneSince()).isEqualTo(afterOne.goneSince());
        assertThat(afterTwo.title()).isEqualTo("Queues beat threads");
        assertThat(afterTwo.text()).contains("every visitor of the site waited");
        assertThat(afterTwo.lastFailure().code()).isEqualTo("http_status");
        assertThat(goneLinks()).containsExactly(saved.id());
    }

    /** Crawls {@code message} through the queue as the scheduled re-crawl would on {@code day}. */
    private LinkDocument recrawlOn(CrawlMessage message, Instant day) {
        Clock later = Clock.fixed(day, ZoneOffset.UTC);
        CrawlLinkHandler handler =
                new CrawlLinkHandler(
                        CrawlDelivery.withoutQueues(
                                new CrawlLink(
                                        new OkHttpPageFetcher(FetchSettings.of(settings)),
                                        new PageExtractor(),
                                        index,
                                        settings.urlPolicy(),
                                        later,
                                        settings.maxReceives()),
                                Clock.systemUTC()),
                        settings.fetchDeadline(),
                        Clock.systemUTC(),
                        CrawlMetrics.FUNCTION_LOG,
                        CrawlEvents.NONE);
        sqs.client().sendMessage(s -> s.queueUrl(queueUrl).messageBody(codec.encode(message)));
        new QueueDriver(sqs.client(), queueUrl, handler).drain(20_000);
        return index.get(message.owner(), message.id()).orElseThrow();
    }

    /** Alice's gone links, once the index has refreshed (about once a second). */
    private List<LinkId> goneLinks() {
        long until = System.nanoTime() + 5_000_000_000L;
        List<LinkId> found;
        do {
            found =
                    index
                            .search(LinkQuery.newest("alice").withStatus(LinkDocument.Status.GONE))
                            .hits()
                            .stream()
                            .map(hit -> hit.id())
                            .toList();
        } while (found.isEmpty() && System.nanoTime() < until && pause());
        return found;
    }

    private static boolean pause() {
        try {
            Thread.sleep(100);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void poisonMessageEndsInTheDeadLetterQueue() {
        sqs.client().sendMessage(s -> s.queueUrl(queueUrl).messageBody("{\"v\":1,\"url\":"));

        driver.drain(30_000);

        assertThat(receiveAll(deadLetterUrl)).containsExactly("{\"v\":1,\"url\":");
    }

    @Test
    void blockedAddressIsIndexedAsFailedWithoutAConnection() throws IOException {
        CrawlMessage message = send("http://169.254.169.254/latest/meta-data/");

        driver.drain(20_000);

        LinkDocument document = index.get("alice", message.id()).orElseThrow();
        assertThat(document.status()).isEqualTo(LinkDocument.Status.FAILED);
        assertThat(document.failure().code()).isEqualTo("blocked_address");
        assertThat(document.failure().retryable()).isFalse();
    }

    @Test
    void pageTheIndexRefusesBecomesAFailedDocumentAndNeverReachesTheDeadLetterQueue()
            throws Exception {
        // An index whose mapping refuses this page's document (an author that is no number), as
        // an index created by an older mapping might: OpenSearch answers 400 for this one page.
        ObjectNode body =
                (ObjectNode) JSON.readTree(getClass().getResourceAsStream(MAPPING_RESOURCE));
        ((ObjectNode) body.path("mappings").path("properties"))
                .putObject("author")
                .put("type", "integer");
        HttpResponse<String> created =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                openSearch.endpoint().resolve("/" + indexName))
                                        .header("Content-Type", "application/json")
                                        .PUT(HttpRequest.BodyPublishers.ofString(body.toString()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        CrawlMessage message = send(pageUrl);

        driver.drain(20_000);

        LinkDocument document = index.get("alice", message.id()).orElseThrow();
        assertThat(document.status()).isEqualTo(LinkDocument.Status.FAILED);
        assertThat(document.failure().code()).isEqualTo("index_rejected");
        assertThat(document.failure().retryable()).isFalse();
        assertThat(document.tags()).containsExactly("ops");
        assertThat(receiveAll(deadLetterUrl)).isEmpty();
    }

    private CrawlMessage send(String url) {
        CrawlMessage message =
                new CrawlMessage(
                        new LinkId(LinkId.urlHash("alice\n" + url)),
                        url,
                        "alice",
                        Instant.now(),
                        CrawlSource.API,
                        List.of("ops"),
                        null);
        sqs.client().sendMessage(s -> s.queueUrl(queueUrl).messageBody(codec.encode(message)));
        return message;
    }

    private List<String> receiveAll(String url) {
        return sqs
                .client()
                .receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1))
                .messages()
                .stream()
                .map(software.amazon.awssdk.services.sqs.model.Message::body)
                .toList();
    }
}
