package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.TEN_MB;
import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.generated;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PinboardJsonBookmarkReaderTest {

    private final List<ImportEntry> pinboard = read("pinboard.json");

    @Test
    void readsHrefTitleNoteTimeAndSpaceSeparatedTags() {
        ImportEntry.Bookmark latency = bookmark(pinboard, "https://danluu.com/");

        assertThat(latency.line()).isEqualTo(1);
        assertThat(latency.url()).isEqualTo("https://danluu.com/latency-pc/");
        assertThat(latency.title()).isEqualTo("Computer latency: 1977-2017");
        assertThat(latency.note()).isEqualTo("Old machines were faster to respond.");
        assertThat(latency.addedAt()).isEqualTo(Instant.parse("2014-05-29T19:03:59Z"));
        assertThat(latency.tags()).containsExactly("performance", "hardware");
    }

    @Test
    void repeatedSpacesBetweenTagsAndAnEmptyNoteLeaveNothingBehind() {
        ImportEntry.Bookmark sse = bookmark(pinboard, "https://jvns.ca/");

        assertThat(sse.tags()).containsExactly("http", "sse", "javascript");
        assertThat(sse.note()).isNull();
    }

    @Test
    void tagsMayBeAnArrayAndNestedFieldsAreSkipped() {
        ImportEntry.Bookmark cafe = bookmark(pinboard, "https://www.example.com/caf");

        assertThat(cafe.line()).isEqualTo(6);
        assertThat(cafe.title()).isEqualTo("Caf\u00e9 \u2014 menu");
        assertThat(cafe.tags()).containsExactly("coffee", "paris");
        assertThat(cafe.addedAt()).isNull();
    }

    @Test
    void reportsMissingHrefAndNonObjectsWithTheirLines() {
        assertThat(pinboard)
                .filteredOn(ImportEntry.Malformed.class::isInstance)
                .containsExactly(
                        new ImportEntry.Malformed(4, ParseProblem.MISSING_URL),
                        new ImportEntry.Malformed(5, ParseProblem.NOT_AN_OBJECT));
        assertThat(pinboard).hasSize(6);
    }

    @Test
    void anArrayWhoseFirstElementIsNoObjectIsStillReadAsPinboard() {
        assertThat(read("[1, {\"href\": \"https://a.example/\"}]", "x.json"))
                .first()
                .isEqualTo(new ImportEntry.Malformed(1, ParseProblem.NOT_AN_OBJECT));
    }

    @Test
    void brokenJsonKeepsTheEntriesBeforeTheBreak() {
        List<ImportEntry> entries =
                read(
                        "[{\"href\":\"https://a.example/\"},\n{\"href\": \"https://b.example/\" oops}]",
                        "x.json");

        assertThat(bookmarks(entries))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly("https://a.example/");
        assertThat(entries.getLast())
                .isEqualTo(new ImportEntry.Malformed(2, ParseProblem.MALFORMED_JSON));
    }

    @Test
    void aFileCutInsideAnObjectIsMalformed() {
        assertThat(read("[{\"href\":\"https://a.example/\"", "x.json"))
                .containsExactly(new ImportEntry.Malformed(1, ParseProblem.MALFORMED_JSON));
    }

    @Test
    void aTenMegabyteValueInAnUnreadFieldIsSkipped() {
        List<ImportEntry> entries =
                read(
                        generated(
                                "[{\"meta\":\"",
                                'm',
                                TEN_MB,
                                "\",\"href\":\"https://a.example/\"}]"),
                        "huge.json");

        assertThat(bookmarks(entries))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly("https://a.example/");
    }

    @Test
    void aTenMegabyteHrefEndsTheFileAsValueTooLong() {
        List<ImportEntry> entries =
                read(
                        generated(
                                "[{\"href\":\"https://a.example/\"},\n{\"href\":\"https://b.example/",
                                'b',
                                TEN_MB,
                                "\"},\n{\"href\":\"https://c.example/\"}]"),
                        "huge.json");

        assertThat(entries)
                .hasSize(2)
                .last()
                .isEqualTo(new ImportEntry.Malformed(2, ParseProblem.VALUE_TOO_LONG));
    }
}
