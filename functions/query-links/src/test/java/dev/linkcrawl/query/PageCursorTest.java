package dev.linkcrawl.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.index.LinkDocument.Status;
import dev.linkcrawl.index.PageType;
import dev.linkcrawl.index.SortKey;
import dev.linkcrawl.link.LinkId;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageCursorTest {

    private static final LinkId ID = new LinkId("a29512f3167f1eff9211ba4ac2c5aead");
    private static final String LISTING =
            PageCursor.fingerprint(Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    private static final String SEARCH =
            PageCursor.fingerprint(
                    Optional.of("slow links"), List.of(), Optional.empty(), Optional.empty());

    private static String base64(String json) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InvalidCursorException.Reason refusal(String cursor, String fingerprint) {
        try {
            PageCursor.decode(cursor, fingerprint);
        } catch (InvalidCursorException e) {
            return e.reason();
        }
        throw new AssertionError("the cursor was accepted");
    }

    @Test
    void readsBackANewestFirstPosition() throws InvalidCursorException {
        SortKey key = new SortKey.Newest(1_795_775_400_123L, ID);

        assertThat(PageCursor.decode(PageCursor.encode(key, LISTING), LISTING)).isEqualTo(key);
    }

    @Test
    void readsBackARelevancePositionWithTheExactScore() throws InvalidCursorException {
        SortKey key = new SortKey.Relevance(Math.nextUp(7.123456f), ID);

        assertThat(PageCursor.decode(PageCursor.encode(key, SEARCH), SEARCH)).isEqualTo(key);
    }

    @Test
    void writesUrlSafeTextWithoutPadding() {
        String cursor = PageCursor.encode(new SortKey.Relevance(0.1f, ID), SEARCH);

        assertThat(cursor)
                .matches("[A-Za-z0-9_-]+")
                .hasSizeLessThanOrEqualTo(PageCursor.MAX_LENGTH);
    }

    @Test
    void writesVersionedJsonWithTheSortValuesAndTheFingerprint() {
        String cursor = PageCursor.encode(new SortKey.Newest(42L, ID), LISTING);

        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"v\":1,\"o\":\"n\",\"k\":[42,\""
                                + ID
                                + "\"],\"q\":\""
                                + LISTING
                                + "\"}");
    }

    @Test
    void refusesACursorOfAnotherQuery() {
        String cursor = PageCursor.encode(new SortKey.Relevance(1f, ID), SEARCH);
        String other =
                PageCursor.fingerprint(
                        Optional.of("fast links"), List.of(), Optional.empty(), Optional.empty());

        assertThat(refusal(cursor, other)).isEqualTo(InvalidCursorException.Reason.OTHER_QUERY);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"garbage!", "bm90LWEtY3Vyc29y", "e30", "W10", "eyJ2IjoxfQ", "%%%", "a b"})
    void refusesTextThatIsNotACursor(String cursor) {
        assertThat(refusal(cursor, LISTING)).isEqualTo(InvalidCursorException.Reason.MALFORMED);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // wrong version, order, sort values, id, fingerprint, extra or duplicate fields
                "{\"v\":2,\"o\":\"n\",\"k\":[1,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"x\",\"k\":[1,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[1.5,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[-1,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[99999999999999999999,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[\"1\",\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[1],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[1,\"%1$s\",3],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[1,\"ABC\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"r\",\"k\":[1e99,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"r\",\"k\":[-0.5,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[1,\"%1$s\"],\"q\":\"short\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[1,\"%1$s\"],\"q\":\"%2$s\",\"x\":0}",
                "{\"v\":1,\"v\":1,\"o\":\"n\",\"k\":[1,\"%1$s\"],\"q\":\"%2$s\"}",
                "{\"v\":1,\"o\":\"n\",\"k\":[1,\"%1$s\"],\"q\":\"%2$s\"} trailing"
            })
    void refusesJsonThatIsNotAWellFormedCursor(String template) {
        String cursor = base64(template.formatted(ID, LISTING));

        assertThat(refusal(cursor, LISTING)).isEqualTo(InvalidCursorException.Reason.MALFORMED);
    }

    @Test
    void refusesACursorLongerThanAnyItWrites() {
        String padded =
                base64(
                        "{\"v\":1,\"o\":\"n\",\"k\":[1,\"%s\"],\"q\":\"%s\"}".formatted(ID, LISTING)
                                + " ".repeat(200));

        assertThat(refusal(padded, LISTING)).isEqualTo(InvalidCursorException.Reason.MALFORMED);
    }

    @Test
    void fingerprintsTagsAsASetIgnoringCase() {
        assertThat(
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of("Web", "reading"),
                                Optional.empty(),
                                Optional.empty()))
                .isEqualTo(
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of("reading", "web"),
                                Optional.empty(),
                                Optional.empty()));
    }

    @Test
    void fingerprintsTextTagsStatusAndTypeApart() {
        List<String> fingerprints =
                List.of(
                        LISTING,
                        SEARCH,
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of("web"),
                                Optional.empty(),
                                Optional.empty()),
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of(),
                                Optional.of(Status.FAILED),
                                Optional.empty()),
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of(),
                                Optional.of(Status.CRAWLED),
                                Optional.empty()),
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                Optional.of(PageType.FORUM)),
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of(),
                                Optional.empty(),
                                Optional.of(PageType.PRODUCT)),
                        // A tag that looks like text must not collide with the text.
                        PageCursor.fingerprint(
                                Optional.empty(),
                                List.of("slow links"),
                                Optional.empty(),
                                Optional.empty()));

        assertThat(fingerprints).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{16}"));
    }

    @Test
    void refusesToWriteWithoutAFingerprint() {
        assertThatThrownBy(() -> PageCursor.encode(new SortKey.Newest(1L, ID), "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
