package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkwardenExportTest {

    private final List<ImportEntry> backup = read("linkwarden-backup.json");

    @Test
    void readsEachLinkOfEachCollection() {
        assertThat(bookmarks(backup))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly(
                        "https://antonz.org/sqlite-is-not-a-toy-database/",
                        "https://cuisine.example.fr/tarte-tatin?étape=1",
                        "https://bread.example.com/sourdough/starter");
    }

    @Test
    void theLinkNameIsTheTitleAndItsDescriptionTheNote() {
        ImportEntry.Bookmark sqlite = bookmark(backup, "https://antonz.org/");

        assertThat(sqlite.title()).isEqualTo("SQLite is not a toy database");
        assertThat(sqlite.note()).isEqualTo("Good arguments for small apps");
        assertThat(sqlite.addedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
    }

    @Test
    void tagNamesComeFirstThenTheCollectionName() {
        assertThat(bookmark(backup, "https://cuisine.example.fr/").tags())
                .containsExactly("dessert", "pommes", "Recettes");
        assertThat(bookmark(backup, "https://bread.example.com/").tags())
                .containsExactly("Recettes");
    }

    @Test
    void theDefaultCollectionIsNoTag() {
        assertThat(bookmark(backup, "https://antonz.org/").tags()).containsExactly("databases");
    }

    @Test
    void anEmptyDescriptionIsNoNote() {
        assertThat(bookmark(backup, "https://cuisine.example.fr/").note()).isNull();
    }

    @Test
    void anUploadedFileWithoutUrlIsReportedAsNotALink() {
        assertThat(backup)
                .filteredOn(ImportEntry.Malformed.class::isInstance)
                .singleElement()
                .extracting(entry -> ((ImportEntry.Malformed) entry).problem())
                .isEqualTo(ParseProblem.NOT_A_LINK);
    }

    @Test
    void aTenMegabyteTextContentIsSkippedUnread() {
        List<ImportEntry> entries =
                read(
                        Exports.generated(
                                "{\"collections\":[{\"name\":\"C\",\"links\":[{\"textContent\":\"",
                                't',
                                Exports.TEN_MB,
                                "\",\"url\":\"https://a.example/\"}]}]}"),
                        "backup.json");

        assertThat(bookmarks(entries))
                .singleElement()
                .satisfies(
                        link -> {
                            assertThat(link.url()).isEqualTo("https://a.example/");
                            assertThat(link.tags()).containsExactly("C");
                        });
    }

    @Test
    void pinnedLinksAreNotReadTwice() {
        assertThat(backup).hasSize(4);
    }
}
