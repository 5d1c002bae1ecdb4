package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.TEN_MB;
import static dev.linkcrawl.backfill.format.Exports.generated;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlainTextBookmarkReaderTest {

    @Test
    void readsOneUrlALineSkippingBlankLinesAndComments() {
        assertThat(read("urls.txt"))
                .extracting(ImportEntry::line, entry -> ((ImportEntry.Bookmark) entry).url())
                .containsExactly(
                        tuple(2, "https://example.com/first"),
                        tuple(4, "https://example.com/indented?utm_source=twitter"),
                        tuple(6, "not a url at all"),
                        tuple(7, "http://localhost:8080/admin"),
                        tuple(8, "https://example.com/first"));
    }

    @Test
    void aPlainUrlHasNoTitleTagsOrNote() {
        ImportEntry.Bookmark first = (ImportEntry.Bookmark) read("urls.txt").getFirst();

        assertThat(first.title()).isEmpty();
        assertThat(first.tags()).isEmpty();
        assertThat(first.note()).isNull();
        assertThat(first.addedAt()).isNull();
    }

    @Test
    void readsTheLastLineWithoutALineBreak() {
        assertThat(read("https://a.example/\nhttps://b.example/", "x.txt"))
                .extracting(ImportEntry::line)
                .containsExactly(1, 2);
    }

    @Test
    void countsCrLfAndLoneCrAsOneLineEach() {
        assertThat(read("https://a.example/\r\n\rhttps://b.example/\rhttps://c.example/", "x.txt"))
                .extracting(ImportEntry::line)
                .containsExactly(1, 3, 4);
    }

    @Test
    void aTenMegabyteLineIsTooLongAndTheNextLineStillReads() {
        List<ImportEntry> entries =
                read(
                        generated(
                                "https://a.example/\nhttps://huge.example/",
                                'x',
                                TEN_MB,
                                "\nhttps://after.example/\n"),
                        "huge.txt");

        assertThat(entries).hasSize(3);
        assertThat(entries.get(1))
                .isEqualTo(new ImportEntry.Malformed(2, ParseProblem.LINE_TOO_LONG));
        assertThat(entries.get(2))
                .extracting(ImportEntry::line, entry -> ((ImportEntry.Bookmark) entry).url())
                .containsExactly(3, "https://after.example/");
    }

    @Test
    void aLineJustUnderTheLimitIsStillRead() {
        String padded =
                "https://a.example/" + " ".repeat(PlainTextBookmarkReader.MAX_LINE_CHARS - 18);

        assertThat(read(padded, "x.txt")).singleElement().isInstanceOf(ImportEntry.Bookmark.class);
    }
}
