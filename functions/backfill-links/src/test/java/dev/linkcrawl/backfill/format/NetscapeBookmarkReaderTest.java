package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.TEN_MB;
import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.generated;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetscapeBookmarkReaderTest {

    private final List<ImportEntry> firefox = read("firefox-bookmarks.html");
    private final List<ImportEntry> chrome = read("chrome-bookmarks.html");

    @Test
    void readsEveryAnchorOfAFirefoxExportWithItsLine() {
        assertThat(firefox)
                .extracting(ImportEntry::line, entry -> ((ImportEntry.Bookmark) entry).url())
                .containsExactly(
                        tuple(12, "place:parent=menu________&maxResults=10&sort=14"),
                        tuple(15, "https://support.mozilla.org/products/firefox"),
                        tuple(16, "https://www.mozilla.org/en-US/firefox/central/"),
                        tuple(
                                21,
                                "https://doc.rust-lang.org/book/?utm_source=newsletter&utm_medium=email"),
                        tuple(25, "https://cooking.example.org/recipes/shakshuka?serves=2&spicy=1"),
                        tuple(26, "javascript:void(document.body.style.background='red')"),
                        tuple(31, "http://192.168.1.1/"),
                        tuple(32, "https://news.ycombinator.com/item?id=38000000"));
    }

    @Test
    void keepsTitleAddDateTagsAndTheNoteThatFollows() {
        ImportEntry.Bookmark rust = bookmark(firefox, "https://doc.rust-lang.org/");

        assertThat(rust.title()).isEqualTo("The Rust Programming Language");
        assertThat(rust.addedAt()).isEqualTo(Instant.ofEpochSecond(1695000000));
        assertThat(rust.tags()).containsExactly("rust", "books");
        assertThat(rust.note()).isEqualTo("Read chapters 4 & 10 again");
    }

    @Test
    void decodesCharacterReferencesInTitles() {
        assertThat(bookmark(firefox, "https://cooking.example.org/").title())
                .isEqualTo("Shakshuka \u2013 Tom's \"best\" version");
    }

    @Test
    void folderNamesFollowTheExportTagsOutermostFirst() {
        assertThat(bookmark(firefox, "https://cooking.example.org/").tags())
                .containsExactly("dinner", "Recipes");
        assertThat(bookmark(chrome, "https://docs.aws.amazon.com/").tags())
                .containsExactly("Work", "Docs");
    }

    @Test
    void leavingAFolderDropsItsName() {
        assertThat(bookmark(chrome, "https://github.com/linkcrawl/linkcrawl/issues").tags())
                .containsExactly("Work");
        assertThat(bookmark(chrome, "https://www.bbc.co.uk/").tags()).isEmpty();
    }

    @Test
    void browserRootFoldersAreNotTags() {
        assertThat(bookmark(firefox, "https://news.ycombinator.com/").tags())
                .containsExactly("hn", "reading");
        assertThat(bookmark(chrome, "https://mail.example.com/").tags()).isEmpty();
    }

    @Test
    void aFolderDescriptionIsNobodysNote() {
        assertThat(bookmark(firefox, "https://www.mozilla.org/").note()).isNull();
    }

    @Test
    void readsAPinboardExportWithMultiLineNotes() {
        List<ImportEntry> pinboard = read("pinboard-bookmarks.html");

        assertThat(pinboard).extracting(ImportEntry::line).containsExactly(5, 8, 9);
        ImportEntry.Bookmark latency = bookmark(pinboard, "https://danluu.com/");
        assertThat(latency.tags()).containsExactly("performance", "hardware");
        assertThat(latency.note())
                .isEqualTo(
                        "Old machines were faster to respond.\nMeasured with a high-speed camera.");
        assertThat(bookmark(pinboard, "https://jvns.ca/").tags())
                .containsExactly("http", "sse", "javascript");
        assertThat(bookmark(pinboard, "https://www.example.com/paper.pdf").tags()).isEmpty();
    }

    @Test
    void readsADeliciousExportAndReportsTheAnchorWithoutHref() {
        List<ImportEntry> delicious = read("delicious-bookmarks.html");

        assertThat(delicious).hasSize(4);
        assertThat(delicious.get(2))
                .isEqualTo(new ImportEntry.Malformed(11, ParseProblem.MISSING_URL));
        ImportEntry.Bookmark css = bookmark(delicious, "http://www.alistapart.com/");
        assertThat(css.title())
                .isEqualTo(
                        "A List Apart: Articles: Practical CSS Layout Tips, Tricks, & Techniques");
        assertThat(css.tags()).containsExactly("css", "webdesign", "tutorial");
        assertThat(css.note()).isEqualTo("Floats, margins and the box model explained.");
        assertThat(css.addedAt()).isEqualTo(Instant.ofEpochSecond(1150000000));
    }

    @Test
    void anAnchorLeftOpenEndsAtTheNextEntry() {
        List<ImportEntry> entries =
                read(
                        "<DL><DT><A HREF=\"https://a.example/\">first\n"
                                + "<DT><A HREF=\"https://b.example/\">second</A>\n",
                        "x.html");

        assertThat(bookmarks(entries))
                .extracting(ImportEntry.Bookmark::url, ImportEntry.Bookmark::title)
                .containsExactly(
                        tuple("https://a.example/", "first"),
                        tuple("https://b.example/", "second"));
    }

    @Test
    void readsAWholeExportWrittenOnOneLine() {
        List<ImportEntry> entries =
                read(
                        "<DL><p><DT><A HREF='https://a.example/' TAGS=x>A</A><DD>note a"
                                + "<DT><A HREF=https://b.example/>B</A></DL>",
                        "one-line.html");

        assertThat(bookmarks(entries))
                .extracting(
                        ImportEntry::line, ImportEntry.Bookmark::url, ImportEntry.Bookmark::note)
                .containsExactly(
                        tuple(1, "https://a.example/", "note a"),
                        tuple(1, "https://b.example/", null));
    }

    @Test
    void countsLinesEndedByLoneCarriageReturns() {
        List<ImportEntry> entries =
                read(
                        "<DL>\r<DT><A HREF=\"https://a.example/\">A</A>\r\n\r<DT><A>B</A>\r",
                        "x.html");

        assertThat(entries).extracting(ImportEntry::line).containsExactly(2, 4);
    }

    @Test
    void aTenMegabyteHrefIsCutLongerThanAnyUrlAndTheNextEntryStillReads() {
        List<ImportEntry> entries =
                read(
                        generated(
                                "<DT><A HREF=\"https://a.example/",
                                'a',
                                TEN_MB,
                                "\">huge</A>\n<DT><A HREF=\"https://b.example/\">next</A>\n"),
                        "huge.html");

        assertThat(bookmarks(entries)).hasSize(2);
        assertThat(bookmarks(entries).get(0).url())
                .hasSize(HtmlTokenizer.MAX_ATTRIBUTE_CHARS)
                .hasSizeGreaterThan(dev.linkcrawl.url.LinkUrl.MAX_LENGTH);
        assertThat(bookmarks(entries).get(1))
                .extracting(ImportEntry::line, ImportEntry.Bookmark::url)
                .containsExactly(2, "https://b.example/");
    }

    @Test
    void aTenMegabyteIconIsReadPastWithoutBeingKept() {
        List<ImportEntry> entries =
                read(
                        generated(
                                "<DT><A HREF=\"https://a.example/\" ICON=\"data:image/png;base64,",
                                'Q',
                                TEN_MB,
                                "\" TAGS=\"kept\">Title</A>\n"),
                        "icon.html");

        assertThat(bookmarks(entries))
                .extracting(ImportEntry.Bookmark::url, ImportEntry.Bookmark::tags)
                .containsExactly(tuple("https://a.example/", List.of("kept")));
    }

    @Test
    void aTenMegabyteTitleIsCut() {
        List<ImportEntry> entries =
                read(
                        generated("<DT><A HREF=\"https://a.example/\">", 't', TEN_MB, "</A>"),
                        "title.html");

        assertThat(bookmarks(entries).getFirst().title())
                .hasSize(ImportEntry.Bookmark.MAX_TITLE_CHARS);
    }

    @Test
    void anUnclosedCommentHidesTheRestOfTheFile() {
        List<ImportEntry> entries =
                read(
                        "<DT><A HREF=\"https://a.example/\">A</A>\n<!-- never closed\n"
                                + "<DT><A HREF=\"https://b.example/\">B</A>\n",
                        "x.html");

        assertThat(bookmarks(entries))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly("https://a.example/");
    }

    @Test
    void deepFoldersKeepTheOutermostNames() {
        StringBuilder html = new StringBuilder();
        int depth = NetscapeBookmarkReader.MAX_FOLDER_DEPTH + 10;
        for (int i = 0; i < depth; i++) {
            html.append("<DT><H3>f").append(i).append("</H3><DL><p>\n");
        }
        html.append("<DT><A HREF=\"https://deep.example/\">deep</A>\n");
        html.append("</DL><p>\n".repeat(depth));
        html.append("<DT><A HREF=\"https://top.example/\">top</A>\n");

        List<ImportEntry.Bookmark> read = bookmarks(read(html.toString(), "deep.html"));

        assertThat(read.get(0).tags())
                .hasSize(ImportEntry.Bookmark.MAX_TAGS)
                .startsWith("f0", "f1");
        assertThat(read.get(1).tags()).isEmpty();
    }
}
