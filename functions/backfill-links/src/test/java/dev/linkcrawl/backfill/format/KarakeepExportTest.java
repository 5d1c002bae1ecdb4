package dev.linkcrawl.backfill.format;

import static dev.linkcrawl.backfill.format.Exports.bookmark;
import static dev.linkcrawl.backfill.format.Exports.bookmarks;
import static dev.linkcrawl.backfill.format.Exports.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KarakeepExportTest {

    private final List<ImportEntry> export = read("karakeep-export.json");

    @Test
    void readsUrlTitleTagsNoteAndCreationTimeOfEachLink() {
        ImportEntry.Bookmark rust = bookmark(export, "https://doc.rust-lang.org/");

        assertThat(rust.line()).isEqualTo(3);
        assertThat(rust.url())
                .isEqualTo("https://doc.rust-lang.org/book/ch04-01-what-is-ownership.html");
        assertThat(rust.title()).isEqualTo("Rust ownership, explained");
        assertThat(rust.tags()).containsExactly("rust", "reading");
        assertThat(rust.note()).isEqualTo("Re-read before the borrow checker talk");
        assertThat(rust.addedAt()).isEqualTo(Instant.ofEpochSecond(1717236000));
    }

    @Test
    void aNullTitleAndNoteLeaveThemEmpty() {
        ImportEntry.Bookmark cafe = bookmark(export, "https://www.example.org/caf");

        assertThat(cafe.title()).isEmpty();
        assertThat(cafe.note()).isNull();
        assertThat(cafe.tags()).isEmpty();
    }

    @Test
    void unusualCharactersInTitlesSurvive() {
        assertThat(bookmark(export, "https://cooking.example.com/").title())
                .isEqualTo("Crème brûlée — the “proper” way");
    }

    @Test
    void aTextNoteIsReportedAsNotALink() {
        assertThat(export)
                .filteredOn(ImportEntry.Malformed.class::isInstance)
                .containsExactly(new ImportEntry.Malformed(28, ParseProblem.NOT_A_LINK));
        assertThat(bookmarks(export)).hasSize(3);
    }

    @Test
    void theListsAfterTheBookmarksAreSkipped() {
        assertThat(export).hasSize(4);
    }
}
