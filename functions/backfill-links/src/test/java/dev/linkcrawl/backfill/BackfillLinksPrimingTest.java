package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.linkcrawl.backfill.format.BookmarkFile;
import dev.linkcrawl.backfill.format.ImportFormat;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.prime.SnapStartPriming;
import dev.linkcrawl.testing.ConnectionTrap;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackfillLinksPrimingTest {

    @Test
    void theHandlerRegistersPrimingThatRunsWithoutTheNetwork() {
        try (ConnectionTrap trap = ConnectionTrap.open()) {
            // Every endpoint the handler knows leads to the trap, which fails if reached.
            BackfillLinksHandler handler =
                    new BackfillLinksHandler(
                            Settings.from(
                                    Map.of(
                                            "QUEUE_URL",
                                            trap.endpoint() + "/000000000000/BackfillQueue",
                                            "AWS_ENDPOINT_URL_SQS",
                                            trap.endpoint().toString(),
                                            "AWS_ENDPOINT_URL_S3",
                                            trap.endpoint().toString(),
                                            "OPENSEARCH_ENDPOINT",
                                            trap.endpoint().toString(),
                                            "OPENSEARCH_AUTH",
                                            "none")));
            SnapStartPriming priming = handler.priming().orElseThrow();

            assertThatCode(() -> priming.beforeCheckpoint(null)).doesNotThrowAnyException();
        }
    }

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

        assertThat(formats)
                .containsExactlyInAnyOrder(
                        ImportFormat.NETSCAPE_HTML,
                        ImportFormat.CSV,
                        ImportFormat.PINBOARD_JSON,
                        ImportFormat.PLAIN_TEXT);
    }
}
