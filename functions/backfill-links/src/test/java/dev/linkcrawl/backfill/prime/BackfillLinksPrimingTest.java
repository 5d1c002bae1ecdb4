package dev.linkcrawl.backfill.prime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.backfill.format.BookmarkFile;
import dev.linkcrawl.backfill.format.ImportFormat;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackfillLinksPrimingTest {

    @Test
    void theUploadsCoverEveryFormat() throws Exception {
        Set<ImportFormat> formats = new HashSet<>();
        for (Map.Entry<String, String> upload : BackfillLinksPriming.UPLOADS.entrySet()) {
            formats.add(
                    BookmarkFile.open(
                                    new ByteArrayInputStream(
                                            upload.getValue().getBytes(StandardCharsets.UTF_8)),
                                    upload.getKey())
                            .format());
        }

        Set<ImportFormat> readable = EnumSet.allOf(ImportFormat.class);
        readable.remove(ImportFormat.UNSUPPORTED);
        assertThat(formats).isEqualTo(readable);
    }
}
