package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InstapaperExportTest {

    private final List<ImportEntry> export = read("instapaper-export.csv");

    @Test
    void readsUrlTitleSelectionAsNoteAndTimestamp() {
        ImportEntry.Bookmark longRead = bookmark(export, "https://www.newyorker.com/");

        assertThat(longRead.title()).isEqualTo("The Long Read");
        assertThat(longRead.note()).isEqualTo("A sentence worth keeping, with a comma.");
        assertThat(longRead.addedAt()).isEqualTo(Instant.ofEpochSecond(1704100000));
    }

    @Test
    void tagsAreAJsonArray() {
        assertThat(bookmark(export, "https://www.newyorker.com/").tags())
                .containsExactly("longform", "magazines");
        assertThat(bookmark(export, "https://docs.example.com/").tags()).containsExactly("docs");
    }

    @Test
    void aUserFolderIsATagAndInstapapersOwnFoldersAreNot() {
        assertThat(bookmark(export, "https://blog.example.com/").tags())
                .containsExactly("Machine learning");
        assertThat(bookmark(export, "https://www.example.org/archived").tags()).isEmpty();
    }

    @Test
    void everyRowIsReadWithItsUnusualCharacters() {
        assertThat(bookmarks(export)).hasSize(4);
        assertThat(bookmark(export, "https://blog.example.com/").url())
                .isEqualTo("https://blog.example.com/naïve-bayes");
    }

    @Test
    void tagsCellsOfEveryExportShape() {
        assertThat(CsvBookmarkReader.tags("[\"a, b\",\"c\"]")).containsExactly("a, b", "c");
        assertThat(CsvBookmarkReader.tags("[]")).isEmpty();
        assertThat(CsvBookmarkReader.tags("a|b")).containsExactly("a", "b");
    }
}
