package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportKeyTest {

    @Test
    void anUploadUnderAnOwnerFolderIsAnImportForThatOwner() {
        assertThat(ImportKey.fromEventKey("b", "imports/alice/bookmarks.html"))
                .isEqualTo(new ImportUpload("b", "imports/alice/bookmarks.html", "alice"));
    }

    @Test
    void eventKeysAreUrlDecodedWithPlusForSpace() {
        ImportUpload upload =
                (ImportUpload)
                        ImportKey.fromEventKey(
                                "b", "imports/auth0%7C5f1a%2Bx/My+Bookmarks+%282024%29.html");

        assertThat(upload.owner()).isEqualTo("auth0|5f1a+x");
        assertThat(upload.key()).isEqualTo("imports/auth0|5f1a+x/My Bookmarks (2024).html");
        assertThat(upload.fileName()).isEqualTo("My Bookmarks (2024).html");
    }

    @Test
    void theResultIsWrittenBesideTheUploadUnderItsFullName() {
        ImportUpload upload = (ImportUpload) ImportKey.of("b", "imports/alice/2024/export.csv");

        assertThat(upload.owner()).isEqualTo("alice");
        assertThat(upload.resultKey()).isEqualTo("imports/alice/2024/export.csv.result.json");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "imports/alice/bookmarks.html.result.json, RESULT_OBJECT",
        "imports/alice/x.result.json, RESULT_OBJECT",
        "other/alice/bookmarks.html, NOT_AN_IMPORT",
        "imports/bookmarks.html, NOT_AN_IMPORT",
        "imports//bookmarks.html, NOT_AN_IMPORT",
        "imports/+/bookmarks.html, NOT_AN_IMPORT",
        "imports/alice/, NOT_AN_IMPORT",
        "imports/alice/folder/, NOT_AN_IMPORT",
        "imports/al%0Aice/bookmarks.html, NOT_AN_IMPORT",
        "imports/al%ZZice/bookmarks.html, UNDECODABLE_KEY",
        "Imports/alice/bookmarks.html, NOT_AN_IMPORT"
    })
    void keysThatAreNotUploadsAreIgnoredWithAReason(String key, ImportKey.IgnoreReason reason) {
        assertThat(ImportKey.fromEventKey("b", key))
                .isInstanceOfSatisfying(
                        ImportKey.Ignored.class,
                        ignored -> assertThat(ignored.reason()).isEqualTo(reason));
    }

    @Test
    void anEncodedResultSuffixIsStillAResult() {
        assertThat(ImportKey.fromEventKey("b", "imports/alice/a+b.html%2Eresult%2Ejson"))
                .isEqualTo(
                        new ImportKey.Ignored(
                                "imports/alice/a b.html.result.json",
                                ImportKey.IgnoreReason.RESULT_OBJECT));
    }

    @Test
    void anUploadCannotBeBuiltForAnotherOwnersFolder() {
        assertThatThrownBy(() -> new ImportUpload("b", "imports/bob/x.html", "alice"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
