package dev.linkcrawl.crawl.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.link.LinkId;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PutEvents as the SDK sends it, to a loopback bus that answers as the test says. */
class EventBridgeCrawlEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CrawlEvent EVENT =
            new CrawlEvent(
                    CrawlEvent.Kind.CRAWLED,
                    new LinkId("a29512f3167f1eff9211ba4ac2c5aead"),
                    "alice",
                    "crawled",
                    "https://example.com/slow",
                    "Slow links",
                    null);

    private final List<String> targets = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean stall;
    private HttpServer bus;

    @BeforeEach
    void start() throws IOException {
        // The default credentials chain signs; a test run has no credentials of its own.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        bus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        bus.createContext(
                "/",
                exchange -> {
                    targets.add(exchange.getRequestHeaders().getFirst("X-Amz-Target"));
                    bodies.add(JSON.readTree(exchange.getRequestBody()));
                    if (stall) {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    byte[] body =
                            "{\"FailedEntryCount\":0,\"Entries\":[{\"EventId\":\"1\"}]}"
                                    .getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                    exchange.sendResponseHeaders(status.get(), body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
        bus.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        bus.start();
    }

    @AfterEach
    void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        release.countDown();
        bus.stop(0);
    }

    @Test
    void putsTheEventOnTheNamedBus() {
        CrawlEvents.Publication published =
                events("links-events").publish(EVENT, Duration.ofSeconds(2));

        assertThat(published).isEqualTo(CrawlEvents.Publication.PUBLISHED);
        assertThat(targets).containsExactly("AWSEvents.PutEvents");
        JsonNode entry = bodies.getFirst().get("Entries").get(0);
        assertThat(entry.get("Source").asText()).isEqualTo("linkcrawl");
        assertThat(entry.get("DetailType").asText()).isEqualTo("LinkCrawled");
        assertThat(entry.get("EventBusName").asText()).isEqualTo("links-events");
        assertThat(entry.get("Detail").asText()).isEqualTo(EVENT.detailJson());
    }

    @Test
    void aBusThatFailsIsAFailureNeverAnException() {
        status.set(500);

        assertThat(events("default").publish(EVENT, Duration.ofSeconds(2)))
                .isEqualTo(CrawlEvents.Publication.FAILED);
        assertThat(targets).as("no retries").hasSize(1);
    }

    @Test
    void aBusThatDoesNotAnswerIsGivenUpAfterTheTimeout() {
        EventBridgeCrawlEvents events = events("default");
        // The first event builds the client, which takes its own time on a busy machine.
        events.publish(EVENT, Duration.ofSeconds(5));
        stall = true;
        long started = System.nanoTime();

        CrawlEvents.Publication published = events.publish(EVENT, Duration.ofMillis(300));

        assertThat(published).isEqualTo(CrawlEvents.Publication.FAILED);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void noTimeLeftIsAFailureWithoutACall() {
        assertThat(events("default").publish(EVENT, Duration.ZERO))
                .isEqualTo(CrawlEvents.Publication.FAILED);
        assertThat(targets).isEmpty();
    }

    private EventBridgeCrawlEvents events(String bus) {
        return EventBridgeCrawlEvents.create(
                Settings.from(
                        Map.of(
                                "EVENT_BUS_NAME",
                                bus,
                                "AWS_ENDPOINT_URL_EVENTBRIDGE",
                                "http://127.0.0.1:" + this.bus.getAddress().getPort())),
                Duration.ofSeconds(1));
    }
}
