package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.OpenSearchAuth;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.local.lambda.InvocationLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every crawl outcome reaches the dev stack's event bus, recorded in {@code events.jsonl} and
 * printed: a page crawled, a page that fails, a re-save that keeps the page when it has vanished,
 * and a vanished page whose link was gone already.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(240)
class CrawlEventsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir static Path state;

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final InvocationLog log =
            new InvocationLog(new PrintStream(logged, true, StandardCharsets.UTF_8));
    private final Set<String> vanished = ConcurrentHashMap.newKeySet();
    private HttpServer site;
    private DevStack stack;

    @BeforeAll
    void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext(
                "/",
                exchange -> {
                    String path = exchange.getRequestURI().getPath();
                    byte[] page =
                            ("<html><head><title>Page "
                                            + path
                                            + "</title></head><body><p>The"
                                            + " page at "
                                            + path
                                            + " has words of its own.</p>"
                                            + "</body></html>")
                                    .getBytes(StandardCharsets.UTF_8);
                    if (path.startsWith("/missing") || vanished.contains(path)) {
                        exchange.sendResponseHeaders(404, -1);
                    } else {
                        exchange.getResponseHeaders().set("Content-Type", "text/html");
                        exchange.sendResponseHeaders(200, page.length);
                        exchange.getResponseBody().write(page);
                    }
                    exchange.close();
                });
        site.start();
        stack = TestStacks.start(state, hostPort(), log);
        // The first save of a fresh stack creates the links index (see LinkLifeIT).
        save("zoe", url("/first"));
        ImportCommandIT.awaitCrawled("zoe", url("/first"), stack, Duration.ofSeconds(60));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (site != null) {
            site.stop(0);
        }
    }

    @Test
    void aCrawledPageIsAnnouncedAndPrinted() throws Exception {
        save("alice", url("/crawled"));

        JsonNode event = awaitEvent("LinkCrawled", url("/crawled"));

        assertThat(event.get("source").asText()).isEqualTo("linkcrawl");
        assertThat(event.get("bus").asText()).isEqualTo("default");
        JsonNode detail = event.get("detail");
        assertThat(detail.get("id").asText())
                .isEqualTo(ImportCommandIT.linkId("alice", url("/crawled")));
        assertThat(detail.get("owner").asText()).isEqualTo("alice");
        assertThat(detail.get("status").asText()).isEqualTo("crawled");
        assertThat(detail.get("title").asText()).isEqualTo("Page /crawled");
        assertThat(logged.toString(StandardCharsets.UTF_8))
                .contains("event LinkCrawled crawled " + url("/crawled"));
    }

    @Test
    void aFailedCrawlIsAnnouncedWithItsFailure() throws Exception {
        save("alice", url("/missing"));

        JsonNode event = awaitEvent("LinkFailed", url("/missing"));

        assertThat(event.get("detail").get("status").asText()).isEqualTo("failed");
        assertThat(event.get("detail").get("failureCode").asText()).isEqualTo("http_status");
    }

    @Test
    void aPageThatVanishedIsAnnouncedAsKept() throws Exception {
        save("bob", url("/vanishing"));
        awaitEvent("LinkCrawled", url("/vanishing"));
        vanished.add("/vanishing");

        save("bob", url("/vanishing"));
        JsonNode event = awaitEvent("LinkKept", url("/vanishing"));

        assertThat(event.get("detail").get("status").asText()).isEqualTo("crawled");
        assertThat(event.get("detail").get("title").asText()).isEqualTo("Page /vanishing");
    }

    @Test
    void aGoneLinkFoundGoneAgainIsAnnouncedAsGone() throws Exception {
        save("carol", url("/dead"));
        awaitEvent("LinkCrawled", url("/dead"));
        markGoneMonthsAgo("carol", url("/dead"));
        vanished.add("/dead");

        save("carol", url("/dead"));
        JsonNode event = awaitEvent("LinkGone", url("/dead"));

        assertThat(event.get("detail").get("status").asText()).isEqualTo("gone");
        assertThat(event.get("detail").get("failureCode").asText()).isEqualTo("http_status");
    }

    /** Writes the link as two re-crawls a month apart would have left it: gone, its page kept. */
    private void markGoneMonthsAgo(String owner, String url) throws Exception {
        LinkId id = new LinkId(ImportCommandIT.linkId(owner, url));
        try (OpenSearchLinkIndex index =
                OpenSearchLinkIndex.create(
                        stack.endpoints().openSearchEndpoint(),
                        OpenSearchAuth.NONE,
                        "es",
                        "us-east-1",
                        "links")) {
            LinkDocument crawled = index.get(owner, id).orElseThrow();
            index.put(
                    id,
                    crawled.toBuilder()
                            .status(LinkDocument.Status.GONE)
                            .goneChecks(2)
                            .goneSince(Instant.now().minus(Duration.ofDays(40)))
                            .crawledAt(crawled.crawledAt().plusMillis(1))
                            .build());
        }
    }

    /** The first recorded event of {@code detailType} about {@code url}, waiting for it. */
    private JsonNode awaitEvent(String detailType, String url) throws Exception {
        return TestStacks.awaitEvent(
                state,
                detailType,
                url,
                Duration.ofSeconds(60),
                () -> logged.toString(StandardCharsets.UTF_8));
    }

    private void save(String owner, String url) throws Exception {
        LinksApi.Answer answer =
                new LinksApi(stack.endpoints().apiUrl(), hostPort()).post(owner, url);
        assertThat(answer.status()).as(logged.toString(StandardCharsets.UTF_8)).isEqualTo(202);
    }

    private String hostPort() {
        return "127.0.0.1:" + site.getAddress().getPort();
    }

    private String url(String path) {
        return "http://" + hostPort() + path;
    }
}
