package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookmarkFileTest {

    @ParameterizedTest
    @CsvSource({
        "firefox-bookmarks.html, NETSCAPE_HTML",
        "chrome-bookmarks.html, NETSCAPE_HTML",
        "pinboard-bookmarks.html, NETSCAPE_HTML",
        "delicious-bookmarks.html, NETSCAPE_HTML",
        "windows-1252-bookmarks.html, NETSCAPE_HTML",
        "pinboard.json, PINBOARD_JSON",
        "bookmarks.csv, CSV",
        "utf16-bookmarks.csv, CSV",
        "urls.txt, PLAIN_TEXT",
        "bom-urls.txt, PLAIN_TEXT",
        "karakeep-export.json, KARAKEEP_JSON",
        "linkwarden-backup.json, LINKWARDEN_JSON",
        "omnivore-metadata_0_to_4.json, OMNIVORE_JSON",
        "firefox-bookmarks-2026-11-30.json, FIREFOX_JSON",
        "raindrop-export.csv, RAINDROP_CSV",
        "instapaper-export.csv, INSTAPAPER_CSV",
        "pocket-part_000000.csv, POCKET_CSV",
        "pocket-ril_export.html, POCKET_HTML"
    })
    void detectsTheFormatOfEachFixture(String fixture, ImportFormat format) {
        assertThat(Exports.formatOf(Exports.resource(fixture), fixture)).isEqualTo(format);
    }

    @ParameterizedTest
    @CsvSource({
        "karakeep-export.json, KARAKEEP_JSON",
        "linkwarden-backup.json, LINKWARDEN_JSON",
        "omnivore-metadata_0_to_4.json, OMNIVORE_JSON",
        "firefox-bookmarks-2026-11-30.json, FIREFOX_JSON",
        "raindrop-export.csv, RAINDROP_CSV",
        "instapaper-export.csv, INSTAPAPER_CSV",
        "pocket-part_000000.csv, POCKET_CSV",
        "pocket-ril_export.html, POCKET_HTML"
    })
    void eachAppsExportIsRecognisedByItsContentWhateverItIsCalled(
            String fixture, ImportFormat format) {
        for (String name : List.of("export.txt", "export", "bookmarks.html", "data.csv")) {
            assertThat(Exports.formatOf(Exports.resource(fixture), name))
                    .as("%s uploaded as %s", fixture, name)
                    .isEqualTo(format);
        }
    }

    @Test
    void aRenamedExportIsReadInFull() {
        assertThat(bookmarks(read(Exports.resource("linkwarden-backup.json"), "backup")))
                .hasSize(3);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite|RAINDROP_CSV",
                "URL,Title,Selection,Folder,Timestamp,Tags|INSTAPAPER_CSV",
                "URL,Title,Selection,Folder,Timestamp|INSTAPAPER_CSV",
                "title,url,time_added,tags,status|POCKET_CSV",
                "folder,url,title,note,tags,created|RAINDROP_CSV",
                "url,title,tags,note|CSV",
                "\"Title\",\"URL\"|CSV"
            })
    void csvExportsAreToldApartByTheirHeader(String header, ImportFormat format) {
        assertThat(format(header + "\nhttps://a.example/\n", "export")).isEqualTo(format);
    }

    @Test
    void aJsonArrayWhoseFirstObjectIsLargerThanTheSniffedBytesIsReadAsPinboard() {
        assertThat(
                        Exports.formatOf(
                                Exports.generated(
                                        "[{\"meta\":\"", 'm', 100_000, "\",\"href\":\"x\"}]"),
                                "huge.json"))
                .isEqualTo(ImportFormat.PINBOARD_JSON);
    }

    @Test
    void aLargeFirstObjectWithAUrlButNoHrefIsAnotherAppsAndUnsupported() throws Exception {
        BookmarkReader reader =
                BookmarkFile.open(
                        Exports.generated(
                                "[{\"id\": 1, \"url\": \"https://a.example/\", \"content\": \"",
                                'c',
                                100_000,
                                "\"}]"),
                        "entries.json");

        assertThat(reader.format()).isEqualTo(ImportFormat.UNSUPPORTED);
        assertThat(reader.unsupported())
                .contains(
                        new UnsupportedContent(
                                UnsupportedContent.Kind.JSON_ARRAY,
                                List.of("id", "url", "content")));
    }

    @Test
    void anUnknownJsonObjectIsUnsupportedAndNamesItsKeys() throws Exception {
        BookmarkReader reader = open("{\"posts\": [], \"user\": {\"name\": \"a\"}}", "x.json");

        assertThat(reader.format()).isEqualTo(ImportFormat.UNSUPPORTED);
        assertThat(reader.unsupported())
                .contains(
                        new UnsupportedContent(
                                UnsupportedContent.Kind.JSON_OBJECT, List.of("posts", "user")));
        assertThat(reader.next())
                .contains(new ImportEntry.Malformed(1, ParseProblem.UNSUPPORTED_FORMAT));
        assertThat(reader.next()).isEmpty();
    }

    @Test
    void anArrayOfUnknownObjectsIsUnsupportedAndNamesTheirKeys() throws Exception {
        BookmarkReader reader = open("[{\"link\": \"https://a.example/\", \"n\": 1}]", "x.json");

        assertThat(reader.unsupported())
                .contains(
                        new UnsupportedContent(
                                UnsupportedContent.Kind.JSON_ARRAY, List.of("link", "n")));
    }

    @Test
    void aBinaryFileSaysItLooksBinary() throws Exception {
        BookmarkReader reader =
                BookmarkFile.open(
                        new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 0x08, 0x00}),
                        "a.gz");

        assertThat(reader.unsupported())
                .contains(new UnsupportedContent(UnsupportedContent.Kind.BINARY, List.of()));
    }

    @Test
    void aReadableFileSaysNothingUnsupported() throws Exception {
        assertThat(open("https://a.example/\n", "x.txt").unsupported()).isEmpty();
    }

    @Test
    void theContentDecidesOverTheName() {
        assertThat(Exports.formatOf(Exports.resource("firefox-bookmarks.html"), "export.txt"))
                .isEqualTo(ImportFormat.NETSCAPE_HTML);
    }

    @Test
    void aUrlHeaderMakesCsvWhateverTheName() {
        assertThat(format("Title,URL\nA,https://a.example/\n", "export.txt"))
                .isEqualTo(ImportFormat.CSV);
    }

    @Test
    void aCsvNameWithoutUrlHeaderIsStillCsv() {
        assertThat(format("https://a.example/\n", "export.csv")).isEqualTo(ImportFormat.CSV);
    }

    @Test
    void urlsWithCommasAreNotMistakenForCsv() {
        assertThat(format("https://a.example/?q=a,b\n", "list")).isEqualTo(ImportFormat.PLAIN_TEXT);
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() {
        assertThat(bookmarks(read("bom-urls.txt")))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly("https://example.com/with-bom", "https://example.com/second");
    }

    @Test
    void aUtf16ByteOrderMarkSwitchesTheDecoding() {
        assertThat(bookmarks(read("utf16-bookmarks.csv")))
                .singleElement()
                .extracting(ImportEntry.Bookmark::url)
                .isEqualTo("https://example.com/utf16");
    }

    @Test
    void windows1252TextBecomesReplacementCharactersButAsciiUrlsSurvive() {
        List<ImportEntry> entries = read("windows-1252-bookmarks.html");

        ImportEntry.Bookmark menu = bookmark(entries, "https://www.example.fr/menu");
        assertThat(menu.title()).isEqualTo("Menu du jour \ufffd \ufffdt\ufffd");
        assertThat(menu.tags()).containsExactly("Caf\ufffds");
        assertThat(bookmark(entries, "https://www.example.fr/caf").url())
                .isEqualTo("https://www.example.fr/caf\ufffds/paris");
    }

    @Test
    void invalidUtf8InsideALineIsReplacedNotFatal() {
        byte[] broken =
                "https://a.example/?\nhttps://b.example/\n".getBytes(StandardCharsets.US_ASCII);
        broken[18] = (byte) 0xFF;

        assertThat(bookmarks(read(new ByteArrayInputStream(broken), "x.txt")))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly("https://a.example/\ufffd", "https://b.example/");
    }

    @Test
    void aBinaryFileIsUnsupported() {
        byte[] gzip = {0x1f, (byte) 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03};

        assertThat(read(new ByteArrayInputStream(gzip), "bookmarks.html"))
                .containsExactly(new ImportEntry.Malformed(1, ParseProblem.UNSUPPORTED_FORMAT));
    }

    @Test
    void anEmptyFileHasNoEntries() {
        assertThat(read(new ByteArrayInputStream(new byte[0]), "empty.html")).isEmpty();
    }

    private static BookmarkReader open(String text, String name) throws java.io.IOException {
        return BookmarkFile.open(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }

    private static ImportFormat format(String text, String name) {
        return Exports.formatOf(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }
}
