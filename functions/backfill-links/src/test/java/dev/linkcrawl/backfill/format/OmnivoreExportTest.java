package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OmnivoreExportTest {

    private final List<ImportEntry> metadata = read("omnivore-metadata_0_to_4.json");

    @Test
    void readsUrlTitleLabelsAndSavedTime() {
        ImportEntry.Bookmark html = bookmark(metadata, "https://shkspr.mobi/");

        assertThat(html.line()).isEqualTo(2);
        assertThat(html.url())
                .isEqualTo(
                        "https://shkspr.mobi/blog/2021/01/the-unreasonable-effectiveness-of-simple-html/");
        assertThat(html.title()).isEqualTo("The Unreasonable Effectiveness of Simple HTML");
        assertThat(html.tags()).containsExactly("web", "Newsletter");
        assertThat(html.addedAt()).isEqualTo(Instant.parse("2024-02-10T08:15:30Z"));
    }

    @Test
    void thePageDescriptionIsNotTakenForANote() {
        assertThat(bookmarks(metadata)).extracting(ImportEntry.Bookmark::note).containsOnlyNulls();
    }

    @Test
    void everyItemIsReadWithItsUnusualCharacters() {
        assertThat(bookmarks(metadata)).hasSize(3);
        assertThat(bookmark(metadata, "https://rezepte.example.de/").title())
                .isEqualTo("Grüne Soße: Frankfurts Kräuterklassiker");
    }
}
