package dev.linkcrawl.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notification log's lines, as {@code tail -f} shows them and as they are read back. */
class NotificationLogTest {

    private static final NotificationLog.Delivery DELIVERY =
            new NotificationLog.Delivery(
                    "BackfillLinksFunction",
                    "ImportUpload",
                    "imports-bucket",
                    "imports/alice/a.txt",
                    "etag");

    @TempDir Path folder;

    private NotificationLog log() throws IOException {
        return NotificationLog.create(
                folder, Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void eachStateIsWrittenAsItsLowerCaseName() throws IOException {
        NotificationLog log = log();
        log.started(DELIVERY, 1);
        log.completed(DELIVERY, 1, Map.of("imports", List.of()), Duration.ofMillis(5));
        log.failed(DELIVERY, 2, "boom", Duration.ofMillis(5), Optional.empty());
        log.undeliverable(DELIVERY, "not built");

        assertThat(Files.readAllLines(NotificationLog.file(folder)))
                .extracting(line -> line.replaceAll(".*\"state\":\"([a-z]+)\".*", "$1"))
                .containsExactly("started", "completed", "failed", "undeliverable");
    }

    @Test
    void linesAreReadBackWithTheirStates() throws IOException {
        NotificationLog log = log();
        log.started(DELIVERY, 1);
        log.completed(DELIVERY, 1, null, Duration.ofMillis(5));
        log.failed(DELIVERY, 2, "boom", Duration.ofMillis(5), Optional.empty());
        log.undeliverable(DELIVERY, "not built");

        assertThat(NotificationLog.read(folder))
                .extracting(NotificationLog.Entry::state)
                .containsExactly(
                        NotificationLog.State.STARTED,
                        NotificationLog.State.COMPLETED,
                        NotificationLog.State.FAILED,
                        NotificationLog.State.UNDELIVERABLE);
    }

    @Test
    void aFailureIsFinalOnlyWhenLambdaDoesNotRetry() throws IOException {
        NotificationLog log = log();
        log.failed(
                DELIVERY,
                1,
                "boom",
                Duration.ZERO,
                Optional.of(Instant.parse("2026-11-27T10:01:00Z")));
        log.failed(DELIVERY, 2, "boom", Duration.ZERO, Optional.empty());

        assertThat(NotificationLog.read(folder))
                .extracting(NotificationLog.Entry::isFinal)
                .containsExactly(false, true);
    }

    @Test
    void aLineInAnUnknownStateIsLeftOut() throws IOException {
        log().started(DELIVERY, 1);
        Files.writeString(
                NotificationLog.file(folder),
                "{\"function\":\"F\",\"key\":\"k\",\"state\":\"paused\"}\n",
                StandardOpenOption.APPEND);

        assertThat(NotificationLog.read(folder))
                .extracting(NotificationLog.Entry::state)
                .containsExactly(NotificationLog.State.STARTED);
    }
}
