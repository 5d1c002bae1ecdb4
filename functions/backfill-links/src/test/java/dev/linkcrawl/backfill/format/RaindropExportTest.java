package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RaindropExportTest {

    private final List<ImportEntry> export = read("raindrop-export.csv");

    @Test
    void readsUrlTitleNoteTagsThenFolderAndCreationTime() {
        ImportEntry.Bookmark book = bookmark(export, "https://dataintensive.net/");

        assertThat(book.line()).isEqualTo(2);
        assertThat(book.title()).isEqualTo("Designing Data-Intensive Applications");
        assertThat(book.note()).isEqualTo("Chapter 5, replication: read twice");
        assertThat(book.tags()).containsExactly("databases", "distributed", "Books");
        assertThat(book.addedAt()).isEqualTo(Instant.parse("2023-04-20T10:31:11Z"));
    }

    @Test
    void theExcerptIsThePagesNotTheNote() {
        assertThat(bookmark(export, "https://www.example.fr/").note()).isNull();
    }

    @Test
    void unsortedIsRaindropsOwnFolderNotATag() {
        ImportEntry.Bookmark accents = bookmark(export, "https://www.example.fr/");

        assertThat(accents.tags()).isEmpty();
        assertThat(accents.title()).isEqualTo("Ça marche ! Les accents en CSV");
    }

    @Test
    void quotedTitlesNotesOverSeveralLinesAndANestedFolder() {
        ImportEntry.Bookmark quoted = bookmark(export, "https://news.example.com/");

        assertThat(quoted.title()).isEqualTo("A \"quoted\" title");
        assertThat(quoted.note()).isEqualTo("Line one\nline two");
        assertThat(quoted.tags()).containsExactly("later", "Reading list", "Tech");
        assertThat(quoted.addedAt()).isEqualTo(Instant.parse("2023-06-11T21:15:42.123Z"));
        assertThat(bookmarks(export)).hasSize(3);
    }
}
