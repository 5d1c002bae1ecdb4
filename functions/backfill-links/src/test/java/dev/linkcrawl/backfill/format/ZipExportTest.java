package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The zips Omnivore and Pocket mail, uploaded as they are. */
class ZipExportTest {

    @Test
    void omnivoresZipIsReadFromItsMetadataFilesAndNotFromTheSavedPages() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("metadata_0_to_4.json", fixture("omnivore-metadata_0_to_4.json"));
        files.put(
                "content/postgres-indexes-190e2b1c8a3.html",
                text("<html><body><a href=\"https://link.in.article/\">x</a></body></html>"));
        files.put("highlights/postgres-indexes-190e2b1c8a3.md", text("> a highlight\n"));
        files.put(
                "metadata_4_to_5.json",
                text("[{\"url\": \"https://e.example/\", \"slug\": \"e\", \"labels\": []}]"));

        BookmarkReader reader = BookmarkFile.open(zip(files), "export.zip");

        assertThat(reader.format()).isEqualTo(ImportFormat.OMNIVORE_JSON);
        assertThat(bookmarks(read(zip(files), "export.zip")))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly(
                        "https://shkspr.mobi/blog/2021/01/the-unreasonable-effectiveness-of-simple-html/",
                        "https://rezepte.example.de/gr%C3%BCne-so%C3%9Fe",
                        "https://blog.example.com/postgres-indexes",
                        "https://e.example/");
    }

    @Test
    void pocketsZipIsReadFromItsCsvWhateverFolderItSitsIn() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pocket/part_000000.csv", fixture("pocket-part_000000.csv"));
        files.put("pocket/annotations/part_000000.json", text("[{\"url\": \"x\"}]"));

        List<ImportEntry> entries = read(zip(files), "pocket.zip");

        assertThat(bookmarks(entries)).hasSize(3);
        assertThat(bookmarks(entries).getFirst().tags()).containsExactly("research", "reading");
    }

    @Test
    void aZipWithoutAnExportIsUnsupported() throws IOException {
        Map<String, byte[]> files = Map.of("photos/cat.jpg", new byte[] {1, 2, 3});

        BookmarkReader reader = BookmarkFile.open(zip(files), "photos.zip");

        assertThat(reader.format()).isEqualTo(ImportFormat.UNSUPPORTED);
        assertThat(reader.unsupported())
                .contains(new UnsupportedContent(UnsupportedContent.Kind.ZIP, List.of()));
        assertThat(read(zip(files), "photos.zip"))
                .containsExactly(new ImportEntry.Malformed(1, ParseProblem.UNSUPPORTED_FORMAT));
    }

    @Test
    void aZipCutShortKeepsTheEntriesBeforeTheCutAndEndsAsBrokenZip() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.txt", text("https://a.example/\n"));
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            many.append("https://b.example/").append(i * 7919L % 100_003).append('\n');
        }
        files.put("b.txt", text(many.toString()));
        byte[] whole = zip(files).readAllBytes();
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);

        List<ImportEntry> entries = read(new ByteArrayInputStream(cut), "cut.zip");

        assertThat(bookmarks(entries).getFirst().url()).isEqualTo("https://a.example/");
        assertThat(entries.getLast())
                .isInstanceOfSatisfying(
                        ImportEntry.Malformed.class,
                        malformed ->
                                assertThat(malformed.problem()).isEqualTo(ParseProblem.BROKEN_ZIP));
    }

    @Test
    void aZipHeaderWithNothingAfterItIsUnsupported() {
        assertThat(read(new ByteArrayInputStream(new byte[] {'P', 'K', 3, 4, 0}), "x.zip"))
                .containsExactly(new ImportEntry.Malformed(1, ParseProblem.UNSUPPORTED_FORMAT));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = Exports.resource(name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static InputStream zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
