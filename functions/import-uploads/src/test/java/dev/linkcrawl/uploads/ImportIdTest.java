package dev.linkcrawl.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportIdTest {

    @Test
    void aNewIdIs128RandomBitsInHexWithTheFileExtension() {
        ImportId first = ImportId.next(Optional.of("Bookmarks.HTML"));
        ImportId second = ImportId.next(Optional.of("Bookmarks.HTML"));

        assertThat(first.value()).matches("[0-9a-f]{32}\\.html");
        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest
    @CsvSource({
        "bookmarks.htm, html",
        "pinboard.json, json",
        "export.csv, csv",
        "urls.txt, txt",
        "no-extension, txt",
        "'', txt"
    })
    void theExtensionHintsAtTheFormatAndIsTxtOtherwise(String fileName, String extension) {
        assertThat(ImportId.extension(Optional.of(fileName))).isEqualTo(extension);
    }

    @Test
    void theUploadIsInTheOwnersFolderAndTheResultBesideIt() {
        ImportId id = new ImportId("5f0c2a81d4b7e39a06c1f84b2d7e9a13.csv");

        assertThat(id.uploadKey("alice"))
                .isEqualTo("imports/alice/5f0c2a81d4b7e39a06c1f84b2d7e9a13.csv");
        assertThat(id.resultKey("alice"))
                .isEqualTo("imports/alice/5f0c2a81d4b7e39a06c1f84b2d7e9a13.csv.result.json");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "../bob/5f0c2a81d4b7e39a06c1f84b2d7e9a13.html",
                "5f0c2a81d4b7e39a06c1f84b2d7e9a13.html.result.json",
                "5F0C2A81D4B7E39A06C1F84B2D7E9A13.html",
                "5f0c2a81d4b7e39a06c1f84b2d7e9a13.exe",
                "5f0c2a81.html"
            })
    void anythingElseNamesNoImport(String raw) {
        assertThat(ImportId.parse(raw)).isEmpty();
    }
}
