package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.crawl.events.CrawlEvent;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import dev.linkcrawl.testing.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The client-page function driven by its sample event, as Lambda hands it the bytes. */
class ClientPageHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SampleEvents EVENTS = new SampleEvents("crawl-link");
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:02Z");
    private static final String BUCKET = "linkcrawl-imports-123456789012-us-east-1";
    private static final LinkId LINK = new LinkId("0b5e0d1d7c8f6a4e3b2c1d0e9f8a7b6c");
    private static final String KEY =
            "pages/user-123/" + LINK.value() + "/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html";
    private static final String PAGE =
            "<html lang=en><head><title>Slow links</title></head><body><article>"
                    + "<p>One slow link froze the whole server for every visitor that day.</p>"
                    + "</article></body></html>";

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final InMemoryClientPageObjects objects = new InMemoryClientPageObjects();
    private final List<CrawlEvent> announced = new CopyOnWriteArrayList<>();
    private final CrawlEvents events =
            (event, timeout) -> {
                announced.add(event);
                return CrawlEvents.Publication.PUBLISHED;
            };
    private final ClientPageHandler handler =
            new ClientPageHandler(
                    new ClientPage(
                            objects,
                            new PageExtractor(),
                            index,
                            Clock.fixed(NOW, ZoneOffset.UTC),
                            5_242_880),
                    events,
                    Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theSampleUploadIsReadIntoItsLinkAndAnnounced() throws Exception {
        saveLink();
        objects.put(BUCKET, KEY, PAGE.getBytes(StandardCharsets.UTF_8));

        JsonNode answer = handle(EVENTS.bytes("page-uploaded.json"));

        assertThat(answer.at("/pages/0/outcome").asText()).isEqualTo("crawled");
        assertThat(answer.at("/pages/0/id").asText()).isEqualTo(LINK.value());
        LinkDocument document = index.documents().get(LINK);
        assertThat(document.source()).isEqualTo(LinkDocument.PageSource.CLIENT);
        assertThat(document.pageSentAt()).isEqualTo(Instant.parse("2026-11-27T10:30:00Z"));
        assertThat(document.title()).isEqualTo("Slow links");
        assertThat(announced)
                .singleElement()
                .satisfies(
                        event -> {
                            assertThat(event.kind()).isEqualTo(CrawlEvent.Kind.CRAWLED);
                            assertThat(event.id()).isEqualTo(LINK);
                            assertThat(event.title()).isEqualTo("Slow links");
                        });
    }

    @Test
    void anUploadForNoLinkIsIgnoredAndNotAnnounced() throws Exception {
        objects.put(BUCKET, KEY, PAGE.getBytes(StandardCharsets.UTF_8));

        JsonNode answer = handle(EVENTS.bytes("page-uploaded.json"));

        assertThat(answer.at("/pages/0/outcome").asText()).isEqualTo("ignored");
        assertThat(answer.at("/pages/0/reason").asText()).isEqualTo("no_such_link");
        assertThat(announced).isEmpty();
    }

    @Test
    void aRecordOtherThanACreatedObjectIsIgnored() throws Exception {
        String removed =
                EVENTS.text("page-uploaded.json")
                        .replace("ObjectCreated:Put", "ObjectRemoved:Delete");

        JsonNode answer = handle(removed.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.at("/pages/0/reason").asText()).isEqualTo("not_object_created");
    }

    @Test
    void anEventThatIsNoS3NotificationFailsTheInvocation() {
        byte[] scheduled =
                "{\"source\": \"aws.events\", \"detail-type\": \"Scheduled Event\"}"
                        .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> handle(scheduled)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBucketThatCannotAnswerFailsTheInvocationForLambdasRetry() {
        saveLink();
        objects.unavailable = true;

        assertThatThrownBy(() -> handle(EVENTS.bytes("page-uploaded.json")))
                .isInstanceOf(PageStorageException.class);
    }

    private void saveLink() {
        index.put(
                LINK,
                LinkDocument.builder(
                                "user-123",
                                "https://example.com/articles/slow-links",
                                LinkDocument.Status.FAILED,
                                NOW.minusSeconds(3600))
                        .failure(new LinkDocument.Failure("bot_challenge", "Just a moment", false))
                        .needsPage(true)
                        .build());
    }

    private JsonNode handle(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return JSON.readTree(out.toByteArray());
    }
}
