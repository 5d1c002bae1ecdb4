package dev.linkcrawl.backfill.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.testing.ApiDescription;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The import result's {@code format} and {@code unsupported} are what docs/openapi.json says. */
class ImportFormatDescribedTest {

    private final ApiDescription api = ApiDescription.load();

    @Test
    void everyFormatAnImportCanReportIsDescribedAndNoOther() {
        assertThat(api.propertyEnumValues("Import", "format"))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(ImportFormat.values()).map(ImportFormat::wireName).toList());
    }

    @Test
    void everyKindOfUnsupportedContentIsDescribed() {
        assertThat(api.propertyEnumValues("Import", "unsupported/properties/looksLike"))
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(UnsupportedContent.Kind.values())
                                .map(UnsupportedContent.Kind::wireName)
                                .toList());
    }
}
