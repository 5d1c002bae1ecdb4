package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.TEN_MB;
import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.generated;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvBookmarkReaderTest {

    private final List<ImportEntry> csv = read("bookmarks.csv");

    @Test
    void readsEveryRecordWithTheLineItStartsOn() {
        assertThat(csv).extracting(ImportEntry::line).containsExactly(2, 3, 4, 8, 9, 10);
    }

    @Test
    void aQuotedFieldHoldsCommasAndDoubledQuotes() {
        ImportEntry.Bookmark search = bookmark(csv, "https://example.com/search");

        assertThat(search.url()).isEqualTo("https://example.com/search?q=a,b");
        assertThat(search.title()).isEqualTo("Title, with a comma");
        assertThat(search.note()).isEqualTo("He said \"hi\"");
    }

    @Test
    void aQuotedFieldHoldsLineBreaks() {
        ImportEntry.Bookmark multi = bookmark(csv, "https://example.com/multi");

        assertThat(multi.title()).isEqualTo("A title\r\non two lines");
        assertThat(multi.note()).isEqualTo("line one\nline two");
    }

    @Test
    void tagsSplitOnCommasPipesAndSemicolons() {
        assertThat(bookmark(csv, "https://example.com/search").tags())
                .containsExactly("x", "y", "z", "w");
        assertThat(bookmark(csv, "https://example.com/a").tags()).containsExactly("reading");
    }

    @Test
    void anEmptyUrlCellIsAMissingUrl() {
        assertThat(csv.get(3)).isEqualTo(new ImportEntry.Malformed(8, ParseProblem.MISSING_URL));
    }

    @Test
    void anUnquotedLastRecordWithoutLineBreakIsRead() {
        assertThat(csv.getLast())
                .extracting(entry -> ((ImportEntry.Bookmark) entry).url())
                .isEqualTo("https://example.com/last");
    }

    @Test
    void headerNamesMatchWithoutCaseQuotesOrSpaces() {
        List<ImportEntry> entries =
                read("\"Title\" , \" URL \",Tags\nA title,https://a.example/,one|two\n", "x.csv");

        assertThat(entries)
                .singleElement()
                .extracting(
                        entry -> ((ImportEntry.Bookmark) entry).url(),
                        entry -> ((ImportEntry.Bookmark) entry).tags())
                .containsExactly("https://a.example/", List.of("one", "two"));
    }

    @Test
    void aHeaderWithoutUrlColumnIsReportedOnceAndEndsTheFile() {
        List<ImportEntry> entries = read("link,title\nhttps://a.example/,A\n", "x.csv");

        assertThat(entries)
                .containsExactly(new ImportEntry.Malformed(1, ParseProblem.NO_URL_COLUMN));
    }

    @Test
    void blankLinesBetweenRecordsAreSkipped() {
        assertThat(read("url\n\n   \nhttps://a.example/\n\n", "x.csv"))
                .extracting(ImportEntry::line)
                .containsExactly(4);
    }

    @Test
    void aRecordShorterThanTheHeaderHasAMissingUrl() {
        assertThat(read("title,url\nonly a title\n", "x.csv"))
                .containsExactly(new ImportEntry.Malformed(2, ParseProblem.MISSING_URL));
    }

    @Test
    void aStrayQuoteInsideAnUnquotedFieldIsKept() {
        assertThat(read("url,title\nhttps://a.example/,5\" floppy\n", "x.csv"))
                .singleElement()
                .extracting(entry -> ((ImportEntry.Bookmark) entry).title())
                .isEqualTo("5\" floppy");
    }

    @Test
    void spacesBeforeAnOpeningQuoteAreDropped() {
        assertThat(read("url,title\nhttps://a.example/,  \"A title, with a comma\"\n", "x.csv"))
                .singleElement()
                .extracting(entry -> ((ImportEntry.Bookmark) entry).title())
                .isEqualTo("A title, with a comma");
    }

    @Test
    void charactersAfterAClosingQuoteAreAppended() {
        assertThat(read("url,title\nhttps://a.example/,\"5\" floppy\n", "x.csv"))
                .singleElement()
                .extracting(entry -> ((ImportEntry.Bookmark) entry).title())
                .isEqualTo("5 floppy");
    }

    @Test
    void anUnterminatedQuoteEndsTheFileAtTheLineItOpens() {
        List<ImportEntry> entries =
                read("url,title\nhttps://a.example/,\"open\nhttps://b.example/,B\n", "x.csv");

        assertThat(entries)
                .extracting(ImportEntry::line, entry -> entry.getClass().getSimpleName())
                .containsExactly(tuple(2, "Malformed"));
        assertThat(entries.getFirst())
                .isEqualTo(new ImportEntry.Malformed(2, ParseProblem.UNTERMINATED_QUOTE));
    }

    @Test
    void aTenMegabyteRecordIsTooLongAndTheNextRecordStillReads() {
        List<ImportEntry> entries =
                read(
                        generated(
                                "url,title\nhttps://a.example/,",
                                'x',
                                TEN_MB,
                                "\nhttps://b.example/,B\n"),
                        "huge.csv");

        assertThat(entries)
                .containsExactly(
                        new ImportEntry.Malformed(2, ParseProblem.RECORD_TOO_LONG), entries.get(1));
        assertThat(entries.get(1))
                .extracting(ImportEntry::line, entry -> ((ImportEntry.Bookmark) entry).url())
                .containsExactly(3, "https://b.example/");
    }

    @Test
    void aTenMegabyteQuotedFieldOfCommasIsTooLongAndTheNextRecordStillReads() {
        List<ImportEntry> entries =
                read(
                        generated(
                                "url,title\nhttps://a.example/,\"",
                                ',',
                                TEN_MB,
                                "\"\nhttps://b.example/,B\n"),
                        "huge.csv");

        assertThat(entries)
                .containsExactly(
                        new ImportEntry.Malformed(2, ParseProblem.RECORD_TOO_LONG), entries.get(1));
        assertThat(entries.get(1))
                .extracting(ImportEntry::line, entry -> ((ImportEntry.Bookmark) entry).url())
                .containsExactly(3, "https://b.example/");
    }
}
