package dev.linkcrawl.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlMessageCodecTest {

    /** The id of https://example.com/ saved by user-1. */
    private static final String ID = "e07a0789ddad89e07c4bcd522987beee";

    private static final CrawlMessage MESSAGE =
            new CrawlMessage(
                    new LinkId(ID),
                    "https://example.com/",
                    "user-1",
                    Instant.parse("2026-11-27T10:00:00Z"),
                    CrawlSource.IMPORT,
                    List.of("a", "b"),
                    "a note");

    private final CrawlMessageCodec codec = new CrawlMessageCodec();

    @Test
    void writesVersionedJson() {
        assertThat(codec.encode(MESSAGE))
                .isEqualTo(
                        "{\"v\":1,\"id\":\""
                                + ID
                                + "\",\"url\":\"https://example.com/\",\"owner\":\"user-1\","
                                + "\"submittedAt\":\"2026-11-27T10:00:00Z\",\"source\":\"import\","
                                + "\"tags\":[\"a\",\"b\"],\"note\":\"a note\"}");
    }

    @Test
    void readsWhatItWrites() throws Exception {
        assertThat(codec.decode(codec.encode(MESSAGE))).isEqualTo(MESSAGE);
    }

    @Test
    void omitsAbsentNote() throws Exception {
        CrawlMessage noNote =
                new CrawlMessage(
                        MESSAGE.id(),
                        MESSAGE.url(),
                        MESSAGE.owner(),
                        MESSAGE.submittedAt(),
                        CrawlSource.API,
                        List.of(),
                        null);

        assertThat(codec.encode(noNote)).doesNotContain("note");
        assertThat(codec.decode(codec.encode(noNote))).isEqualTo(noNote);
    }

    @Test
    void refusesBodyThatIsNotJson() {
        assertThatThrownBy(() -> codec.decode("hello"))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void refusesAnotherVersion() {
        String v2 = codec.encode(MESSAGE).replace("\"v\":1", "\"v\":2");

        assertThatThrownBy(() -> codec.decode(v2)).hasMessageContaining("version");
    }

    @Test
    void refusesMissingOwner() {
        String body = codec.encode(MESSAGE).replace("\"owner\":\"user-1\",", "");

        assertThatThrownBy(() -> codec.decode(body)).hasMessageContaining("owner");
    }

    @Test
    void refusesMalformedId() {
        String body = codec.encode(MESSAGE).replace(ID, "not-an-id");

        assertThatThrownBy(() -> codec.decode(body)).hasMessageContaining("id");
    }

    @Test
    void refusesAnIdThatIsNotTheOwnersIdOfTheUrl() {
        String body = codec.encode(MESSAGE).replace("\"owner\":\"user-1\"", "\"owner\":\"user-2\"");

        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("id is not the id of this owner and url");
    }

    @Test
    void refusesAnIdOfAnotherUrl() {
        String body = codec.encode(MESSAGE).replace("https://example.com/", "https://example.org/");

        assertThatThrownBy(() -> codec.decode(body))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("id is not the id of this owner and url");
    }

    @Test
    void refusesUnknownSource() {
        String body = codec.encode(MESSAGE).replace("\"import\"", "\"email\"");

        assertThatThrownBy(() -> codec.decode(body)).hasMessageContaining("source");
    }

    @Test
    void refusesUnknownField() {
        String body = codec.encode(MESSAGE).replace("{\"v\":1,", "{\"v\":1,\"extra\":true,");

        assertThatThrownBy(() -> codec.decode(body)).hasMessageContaining("unknown field");
    }

    @Test
    void refusesDuplicateField() {
        String body = codec.encode(MESSAGE).replace("{\"v\":1,", "{\"v\":1,\"v\":1,");

        assertThatThrownBy(() -> codec.decode(body)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void refusesBadTimestamp() {
        String body = codec.encode(MESSAGE).replace("2026-11-27T10:00:00Z", "yesterday");

        assertThatThrownBy(() -> codec.decode(body)).hasMessageContaining("submittedAt");
    }
}
