package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress line as a terminal receives it: redrawn in place, then blanked. */
class ImportProgressBarTest {

    private static final Instant BEGAN = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir Path folder;

    private final ByteArrayOutputStream drawn = new ByteArrayOutputStream();

    private ImportProgressBar bar(Optional<PrintStream> terminal) throws IOException {
        Path file = Files.writeString(folder.resolve("links.txt"), "https://a.example/\n");
        return ImportProgressBar.forFile(
                terminal, file, BEGAN, Clock.fixed(BEGAN.plusMillis(1500), ZoneOffset.UTC));
    }

    private Optional<PrintStream> terminal() {
        return Optional.of(new PrintStream(drawn, true, StandardCharsets.UTF_8));
    }

    private String drawn() {
        return drawn.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theTotalIsEstimatedFromTheFile() throws IOException {
        bar(terminal()).draw(OptionalLong.of(0), "running");

        assertThat(drawn())
                .isEqualTo("\r[....................]  0 of ~1 links queued  1.5 s  running");
    }

    @Test
    void aShorterLineIsPaddedOverTheLongerOneBeforeIt() throws IOException {
        ImportProgressBar bar = bar(terminal());
        bar.draw(OptionalLong.empty(), "waiting for BackfillLinksFunction");
        drawn.reset();

        bar.draw(OptionalLong.empty(), "running");

        assertThat(drawn()).endsWith("running" + " ".repeat(26));
    }

    @Test
    void clearingBlanksTheLineAndReturnsToItsStart() throws IOException {
        ImportProgressBar bar = bar(terminal());
        bar.draw(OptionalLong.empty(), "running");
        int length = drawn().length() - 1;
        drawn.reset();

        bar.clear();

        assertThat(drawn()).isEqualTo("\r" + " ".repeat(length) + "\r");
    }

    @Test
    void withoutATerminalItIsNotShown() throws IOException {
        assertThat(bar(Optional.empty()).isShown()).isFalse();
    }
}
