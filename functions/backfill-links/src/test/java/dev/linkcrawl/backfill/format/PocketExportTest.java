package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PocketExportTest {

    private final List<ImportEntry> csv = read("pocket-part_000000.csv");
    private final List<ImportEntry> html = read("pocket-ril_export.html");

    @Test
    void csvRowsGiveUrlTitleTimeAddedAndPipeSeparatedTags() {
        ImportEntry.Bookmark paper = bookmark(csv, "https://web.stanford.edu/");

        assertThat(paper.title()).isEqualTo("How to read a paper");
        assertThat(paper.tags()).containsExactly("research", "reading");
        assertThat(paper.addedAt()).isEqualTo(Instant.ofEpochSecond(1651234567));
        assertThat(paper.note()).isNull();
    }

    @Test
    void csvKeepsQuotedTitlesWithAccentsAndArchivedItems() {
        assertThat(bookmarks(csv)).hasSize(3);
        assertThat(bookmark(csv, "https://travel.example.pt/").title())
                .isEqualTo("Cafés of Lisbon, ranked");
    }

    @Test
    void htmlListsGiveUrlTitleTagsAndTimeAdded() {
        ImportEntry.Bookmark hello = bookmark(html, "https://jvns.ca/");

        assertThat(hello.line()).isEqualTo(11);
        assertThat(hello.title()).isEqualTo("Behind \"Hello World\" on Linux");
        assertThat(hello.tags()).containsExactly("linux", "systems");
        assertThat(hello.addedAt()).isEqualTo(Instant.ofEpochSecond(1691050000));
    }

    @Test
    void htmlHeadingsAreNoFoldersAndArchivedLinksAreRead() {
        assertThat(bookmarks(html))
                .extracting(ImportEntry.Bookmark::url)
                .containsExactly(
                        "https://jvns.ca/blog/2023/08/03/behind--hello-world/",
                        "https://www.example.jp/%E6%9D%B1%E4%BA%AC",
                        "https://example.com/essay?a=1&b=2");
        assertThat(bookmark(html, "https://www.example.jp/").tags()).isEmpty();
        assertThat(bookmark(html, "https://example.com/essay").tags()).containsExactly("essays");
        assertThat(bookmark(html, "https://www.example.jp/").title())
                .isEqualTo("東京 — a weekend guide");
    }
}
