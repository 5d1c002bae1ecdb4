package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinkDocumentCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkDocumentCodec codec = new LinkDocumentCodec();

    private static LinkDocument crawled() {
        return SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT).toBuilder()
                .text("When a user saved a link, the web process fetched it inline.")
                .build();
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = LinkDocumentCodecTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void writesEveryFieldAsTheFixtureShows() throws IOException {
        JsonNode written = JSON.readTree(codec.toJson(crawled()));

        assertThat(written).isEqualTo(JSON.readTree(fixture("crawled-document.json")));
    }

    @Test
    void readsTheFixtureBackIntoTheSameDocument() throws IOException {
        assertThat(codec.fromJson(fixture("crawled-document.json"))).isEqualTo(crawled());
    }

    @Test
    void writesAFailedCrawlWithoutEmptyOrNullFields() throws IOException {
        JsonNode written =
                JSON.readTree(
                        codec.toJson(SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT)));

        assertThat(written).isEqualTo(JSON.readTree(fixture("failed-document.json")));
    }

    @Test
    void readsAFailedCrawlBack() throws IOException {
        assertThat(codec.fromJson(fixture("failed-document.json")))
                .isEqualTo(SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT));
    }

    @Test
    void writesInstantsAsIso8601Strings() {
        LinkDocument document =
                LinkDocument.builder(
                                "alice",
                                "https://example.com/",
                                LinkDocument.Status.CRAWLED,
                                Instant.ofEpochMilli(0))
                        .build();

        assertThat(codec.toJson(document)).contains("\"crawledAt\":\"1970-01-01T00:00:00Z\"");
    }

    @Test
    void writesTheStatusInLowercase() {
        assertThat(codec.toJson(crawled())).contains("\"status\":\"crawled\"");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        String json =
                """
                {"id": "00000000000000000000000000000001", "owner": "alice",
                 "url": "https://example.com/", "status": "crawled",
                 "crawledAt": "2026-11-27T10:15:30Z", "addedByANewerWriter": 1}
                """;

        assertThat(codec.fromJson(json).owner()).isEqualTo("alice");
    }

    @Test
    void refusesADocumentWithoutAnOwner() {
        String json =
                """
                {"url": "https://example.com/", "status": "crawled", "crawledAt": "2026-11-27T10:15:30Z"}
                """;

        assertThatThrownBy(() -> codec.fromJson(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner");
    }

    @Test
    void refusesAnUppercaseStatus() {
        String json =
                """
                {"owner": "alice", "url": "https://example.com/", "status": "CRAWLED",
                 "crawledAt": "2026-11-27T10:15:30Z"}
                """;

        assertThatThrownBy(() -> codec.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAFailedStatusWithoutAFailure() {
        String json =
                """
                {"owner": "alice", "url": "https://example.com/", "status": "failed",
                 "crawledAt": "2026-11-27T10:15:30Z"}
                """;

        assertThatThrownBy(() -> codec.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesText() {
        assertThatThrownBy(() -> codec.fromJson("not json"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
