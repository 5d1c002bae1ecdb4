package dev.linkcrawl.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DocumentLimitsTest {

    private static final LinkDocument FULL =
            SampleDocuments.full("alice", SampleDocuments.CRAWLED_AT);

    private static int utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void leavesADocumentWithinEveryCapAsItIs() {
        assertThat(DocumentLimits.cap(FULL)).isSameAs(FULL);
    }

    @Test
    void capsAuthorAtTwoKibibytesOfUtf8() {
        LinkDocument document = FULL.toBuilder().author("Ada Lovelace ".repeat(3_100)).build();

        String author = DocumentLimits.cap(document).author();

        assertThat(utf8(author)).isEqualTo(2_048);
        assertThat(document.author()).startsWith(author);
    }

    @Test
    void capsTitleDescriptionAndSiteNameAtTwoKibibytes() {
        String immense = "é".repeat(20_000);
        LinkDocument capped =
                DocumentLimits.cap(
                        FULL.toBuilder()
                                .title(immense)
                                .description(immense)
                                .siteName(immense)
                                .build());

        assertThat(List.of(capped.title(), capped.description(), capped.siteName()))
                .allSatisfy(value -> assertThat(utf8(value)).isEqualTo(2_048));
    }

    @Test
    void cutsBeforeACodePointThatWouldPassTheCap() {
        // "é" is 2 bytes: 1 + 2 × 1,023 = 2,047 bytes fit, the next "é" would make 2,049.
        String value = "a" + "é".repeat(2_000);

        assertThat(DocumentLimits.cut(value, 2_048)).isEqualTo("a" + "é".repeat(1_023));
    }

    @Test
    void neverCutsInsideASurrogatePair() {
        // U+1F600 is two UTF-16 units and 4 UTF-8 bytes: 2 + 4 × 511 = 2,046, one more is 2,050.
        String value = "ab" + "\uD83D\uDE00".repeat(1_000);

        String cut = DocumentLimits.cut(value, 2_048);

        assertThat(cut).isEqualTo("ab" + "\uD83D\uDE00".repeat(511));
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
    }

    @Test
    void capsMainTextAtOneMebibyteAndSaysItWasCut() {
        LinkDocument capped =
                DocumentLimits.cap(FULL.toBuilder().text("\"quoted\" ".repeat(500_000)).build());

        assertThat(utf8(capped.text())).isEqualTo(1_048_576);
        assertThat(capped.textTruncated()).isTrue();
    }

    @Test
    void leavesTextTruncatedAloneWhenTheTextFits() {
        LinkDocument document = FULL.toBuilder().textTruncated(false).build();

        assertThat(DocumentLimits.cap(document).textTruncated()).isFalse();
    }

    @Test
    void dropsAPageUrlLongerThanTwoKibibytesRatherThanCutIt() {
        String long_ = "https://www.example.com/" + "a".repeat(2_048);
        LinkDocument capped =
                DocumentLimits.cap(
                        FULL.toBuilder()
                                .image(long_)
                                .favicon(long_)
                                .canonicalUrl(long_)
                                .finalUrl(long_)
                                .build());

        assertThat(capped.image()).isNull();
        assertThat(capped.favicon()).isNull();
        assertThat(capped.canonicalUrl()).isNull();
        assertThat(capped.finalUrl()).isNull();
    }

    @Test
    void keepsAUrlOfExactlyTwoKibibytes() {
        String url = "https://www.example.com/";
        url += "a".repeat(2_048 - url.length());

        assertThat(DocumentLimits.cap(FULL.toBuilder().image(url).build()).image()).isEqualTo(url);
    }

    @Test
    void keepsTheFirstSixtyFourKeywordsEachCutAtTwoHundredFiftySixBytes() {
        List<String> keywords =
                IntStream.range(0, 1_000).mapToObj(i -> "k" + i + "x".repeat(1_000)).toList();

        List<String> capped =
                DocumentLimits.cap(FULL.toBuilder().keywords(keywords).build()).keywords();

        assertThat(capped).hasSize(64);
        assertThat(capped.getFirst()).startsWith("k0").hasSize(256);
        assertThat(capped.getLast()).startsWith("k63");
    }

    @Test
    void keepsTheFirstSixteenFeedsThatAreShortEnough() {
        List<String> feeds =
                IntStream.range(0, 100)
                        .mapToObj(
                                i ->
                                        "https://example.com/feed"
                                                + i
                                                + (i == 0 ? "x".repeat(3_000) : ""))
                        .toList();

        List<String> capped = DocumentLimits.cap(FULL.toBuilder().feeds(feeds).build()).feeds();

        assertThat(capped).hasSize(16).first().isEqualTo("https://example.com/feed1");
    }

    @Test
    void keepsThirtyTwoRedirectHops() {
        List<LinkDocument.Redirect> hops =
                Collections.nCopies(50, new LinkDocument.Redirect("https://example.com/", 301));

        assertThat(DocumentLimits.cap(FULL.toBuilder().redirects(hops).build()).redirects())
                .hasSize(32);
    }

    @Test
    void capsLanguageAndContentTypeAtTwoHundredFiftySixBytes() {
        LinkDocument capped =
                DocumentLimits.cap(
                        FULL.toBuilder()
                                .lang("en".repeat(10_000))
                                .contentType("t".repeat(40_000))
                                .build());

        assertThat(utf8(capped.lang())).isEqualTo(256);
        assertThat(utf8(capped.contentType())).isEqualTo(256);
    }

    @Test
    void capsAFailureDetailAtTwoKibibytes() {
        LinkDocument failed = SampleDocuments.failed("alice", SampleDocuments.CRAWLED_AT);
        LinkDocument document =
                failed.toBuilder()
                        .failure(new LinkDocument.Failure("http_status", "x".repeat(10_000), false))
                        .build();

        LinkDocument.Failure failure = DocumentLimits.cap(document).failure();

        assertThat(failure.detail()).hasSize(2_048);
        assertThat(failure.code()).isEqualTo("http_status");
    }

    @Test
    void leavesWhatTheUserGaveAlone() {
        LinkDocument document = FULL.toBuilder().note("n".repeat(4_096)).build();

        LinkDocument capped = DocumentLimits.cap(document);

        assertThat(capped.note()).isEqualTo(document.note());
        assertThat(capped.tags()).isEqualTo(document.tags());
        assertThat(capped.url()).isEqualTo(document.url());
    }
}
