package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import dev.linkcrawl.testing.ManualClock;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.url.UrlPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackfillLinksHandlerTest {

    private static final SampleEvents EVENTS = new SampleEvents("backfill-links");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");
    private static final String UPLOAD = "imports/alice/bookmarks.html";
    private static final String RESULT = "imports/alice/bookmarks.html.result.json";

    private final InMemoryImportStore store = new InMemoryImportStore();
    private final InMemoryBackfillQueue queue = new InMemoryBackfillQueue();
    private final ManualClock clock = new ManualClock(NOW);
    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final BackfillLinksHandler handler =
            new BackfillLinksHandler(
                    new BackfillJobs(
                            new ImportBookmarks(
                                    store,
                                    queue,
                                    UrlPolicy.DEFAULT,
                                    clock,
                                    Backoff.DEFAULT,
                                    new RecordingSleeper(),
                                    ImportLimits.DEFAULT),
                            Optional.of(
                                    new RecrawlLinks(
                                            index,
                                            queue,
                                            clock,
                                            Duration.ofDays(30),
                                            10_000,
                                            Backoff.DEFAULT,
                                            new RecordingSleeper()))),
                    clock);

    /** Every sample users pass to {@code sam local invoke} has a row here and a test below. */
    private static final Map<String, String> EXPECTED =
            Map.of(
                    "import-netscape.json", "imported",
                    "import-result-ignored.json", "ignored result_object",
                    "recrawl.json", "recrawl done");

    @Test
    void everySampleEventHasAnExpectedOutcome() {
        assertThat(EVENTS.names()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void theNetscapeUploadIsImportedAndItsResultWritten() throws Exception {
        store.putResource(UPLOAD, "/dev/linkcrawl/backfill/format/firefox-bookmarks.html");

        JsonNode answer = invoke("import-netscape.json");

        assertThat(EXPECTED.get("import-netscape.json")).isEqualTo("imported");
        JsonNode item = answer.get("imports").get(0);
        assertThat(item.get("outcome").asText()).isEqualTo("imported");
        assertThat(item.get("key").asText()).isEqualTo(UPLOAD);
        assertThat(item.get("result").asText()).isEqualTo(RESULT);
        assertThat(item.get("accepted").asInt()).isEqualTo(5);
        assertThat(item.get("invalid").asInt()).isEqualTo(3);
        assertThat(item.get("complete").asBoolean()).isTrue();
        assertThat(store.result(RESULT).get("accepted").asInt()).isEqualTo(5);
        assertThat(queue.stored).extracting(CrawlMessage::owner).hasSize(5).containsOnly("alice");
    }

    @Test
    void theResultObjectIsIgnoredSoItNeverTriggersAnotherImport() throws Exception {
        JsonNode answer = invoke("import-result-ignored.json");

        assertThat(EXPECTED.get("import-result-ignored.json")).isEqualTo("ignored result_object");
        assertThat(answer.get("imports").get(0))
                .isEqualTo(
                        JSON.readTree(
                                """
                                {"key": "imports/alice/bookmarks.html.result.json",
                                 "outcome": "ignored", "reason": "result_object"}
                                """));
        assertThat(store.opened).isZero();
        assertThat(store.results).isEmpty();
        assertThat(queue.calls).isEmpty();
    }

    @Test
    void theScheduleQueuesTheStaleLinksAndSaysHowMany() throws Exception {
        index.put(
                new LinkId("%032x".formatted(1)),
                LinkDocument.builder(
                                "alice",
                                "https://example.com/old",
                                LinkDocument.Status.CRAWLED,
                                NOW.minus(Duration.ofDays(45)))
                        .build());

        JsonNode answer = invoke("recrawl.json");

        assertThat(EXPECTED.get("recrawl.json")).isEqualTo("recrawl done");
        assertThat(answer.get("recrawl").asText()).isEqualTo("done");
        assertThat(answer.get("selected").asInt()).isEqualTo(1);
        assertThat(answer.get("enqueued").asInt()).isEqualTo(1);
        assertThat(answer.get("scheduledAt").asText()).isEqualTo("2026-11-28T00:00:00Z");
        assertThat(queue.stored)
                .extracting(m -> m.url())
                .containsExactly("https://example.com/old");
    }

    @Test
    void withoutAnIndexTheScheduleSaysTheRecrawlIsNotAvailable() throws Exception {
        BackfillLinksHandler withoutIndex =
                new BackfillLinksHandler(
                        new BackfillJobs(
                                new ImportBookmarks(store, queue, UrlPolicy.DEFAULT, clock),
                                Optional.empty()),
                        clock);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        withoutIndex.handleRequest(
                new ByteArrayInputStream(EVENTS.bytes("recrawl.json")), out, null);

        JsonNode answer = JSON.readTree(out.toByteArray());
        assertThat(answer.get("recrawl").asText()).isEqualTo("not_available");
        assertThat(answer.get("detail").asText()).contains("OPENSEARCH_ENDPOINT");
        assertThat(queue.calls).isEmpty();
    }

    @Test
    void anUploadAlreadyDeletedIsReportedMissing() throws Exception {
        JsonNode answer = invoke("import-netscape.json");

        assertThat(answer.get("imports").get(0).get("outcome").asText()).isEqualTo("missing");
        assertThat(store.results).isEmpty();
    }

    @Test
    void aQueueOutageFailsTheInvocationAfterWritingTheResultSoLambdaRetries() {
        store.putResource(UPLOAD, "/dev/linkcrawl/backfill/format/firefox-bookmarks.html");
        queue.down();

        assertThatThrownBy(() -> invoke("import-netscape.json"))
                .isInstanceOfSatisfying(
                        ImportIncompleteException.class,
                        e -> assertThat(e.keys()).containsExactly(UPLOAD));
        assertThat(store.result(RESULT).get("stopped").get("reason").asText())
                .isEqualTo("queue_unavailable");
    }

    @Test
    void anEventOfNeitherShapeFailsTheInvocation() {
        assertThatThrownBy(() -> invoke("{\"detail-type\": \"Object Created\"}".getBytes()))
                .isInstanceOf(UnrecognisedEventException.class);
        assertThatThrownBy(() -> invoke("not json".getBytes()))
                .isInstanceOf(UnrecognisedEventException.class);
    }

    private JsonNode invoke(String sample) throws IOException {
        return invoke(EVENTS.bytes(sample));
    }

    private JsonNode invoke(byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, null);
        return JSON.readTree(out.toString(StandardCharsets.UTF_8));
    }
}
