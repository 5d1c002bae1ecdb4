package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FirefoxJsonBackupTest {

    private final List<ImportEntry> backup = read("firefox-bookmarks-2026-11-30.json");

    @Test
    void everyPlaceIsABookmarkAndFoldersAndSeparatorsAreNot() {
        assertThat(backup)
                .extracting(entry -> ((ImportEntry.Bookmark) entry).url())
                .containsExactly(
                        "https://support.mozilla.org/products/firefox",
                        "place:sort=8&maxResults=10",
                        "https://cooking.example.org/recipes/shakshuka?serves=2&spicy=1",
                        "https://doc.rust-lang.org/book/",
                        "https://news.ycombinator.com/item?id=38000000");
    }

    @Test
    void tagsComeFirstThenTheFoldersExceptFirefoxsOwnRoots() {
        assertThat(bookmark(backup, "https://cooking.example.org/").tags())
                .containsExactly("dinner", "eggs", "Recettes");
        assertThat(bookmark(backup, "https://support.mozilla.org/").tags())
                .containsExactly("Mozilla Firefox");
        assertThat(bookmark(backup, "https://news.ycombinator.com/").tags()).isEmpty();
    }

    @Test
    void titleAndAddedTimeInMicroseconds() {
        ImportEntry.Bookmark shakshuka = bookmark(backup, "https://cooking.example.org/");

        assertThat(shakshuka.title()).isEqualTo("Shakshuka — œufs & tomates");
        assertThat(shakshuka.addedAt()).isEqualTo(Instant.ofEpochSecond(1700000600));
        assertThat(shakshuka.line()).isEqualTo(9);
    }

    @Test
    void theDescriptionAnnotationIsTheNote() {
        ImportEntry.Bookmark rust = bookmark(backup, "https://doc.rust-lang.org/");

        assertThat(rust.note()).isEqualTo("Read chapters 4 & 10 again");
        assertThat(rust.tags()).containsExactly("rust");
    }

    @Test
    void folderTitlesDoNotLeakOutOfTheirFolder() {
        assertThat(bookmark(backup, "https://doc.rust-lang.org/").tags())
                .doesNotContain("Recettes");
    }

    @Test
    void aPlaceWithoutUriIsAMissingUrl() {
        List<ImportEntry> entries =
                read(
                        "{\"type\":\"text/x-moz-place-container\",\"children\":[\n"
                                + "{\"title\":\"x\",\"type\":\"text/x-moz-place\"}]}",
                        "backup.json");

        assertThat(entries).containsExactly(new ImportEntry.Malformed(2, ParseProblem.MISSING_URL));
    }

    @Test
    void aBackupCutShortKeepsTheBookmarksBeforeTheCut() {
        List<ImportEntry> entries =
                read(
                        "{\"root\":\"placesRoot\",\"children\":[\n"
                                + "{\"type\":\"text/x-moz-place\",\"uri\":\"https://a.example/\"},\n"
                                + "{\"type\":\"text/x-moz-place\",\"uri\":\"https://b.exa",
                        "backup.json");

        assertThat(bookmarks(entries))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly("https://a.example/");
        assertThat(entries.getLast())
                .isEqualTo(new ImportEntry.Malformed(3, ParseProblem.MALFORMED_JSON));
    }
}
