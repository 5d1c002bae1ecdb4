package dev.linkcrawl.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@link ImportProgress} line, redrawn in place on a terminal while {@code ./linkcrawl import}
 * waits; without a terminal it draws nothing.
 */
final class ImportProgressBar {

    private final Optional<PrintStream> terminal;
    private final OptionalLong estimate;
    private final Instant began;
    private final Clock clock;
    private int lastLength;

    private ImportProgressBar(
            Optional<PrintStream> terminal, OptionalLong estimate, Instant began, Clock clock) {
        this.terminal = terminal;
        this.estimate = estimate;
        this.began = began;
        this.clock = clock;
    }

    /**
     * A bar for importing {@code file}, its total estimated from the file, its time counted from
     * {@code began}.
     */
    static ImportProgressBar forFile(
            Optional<PrintStream> terminal, Path file, Instant began, Clock clock)
            throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            long links = ImportProgress.estimateLinks(in);
            return new ImportProgressBar(
                    terminal,
                    links > 0 ? OptionalLong.of(links) : OptionalLong.empty(),
                    began,
                    clock);
        }
    }

    /** Whether it draws at all. */
    boolean isShown() {
        return terminal.isPresent();
    }

    /** Redraws the line over the last one, padding over what is left of a longer one. */
    void draw(OptionalLong queued, String status) {
        if (terminal.isEmpty()) {
            return;
        }
        String line =
                ImportProgress.line(
                        queued, estimate, Duration.between(began, clock.instant()), status);
        int pad = Math.max(0, lastLength - line.length());
        terminal.get().print("\r" + line + " ".repeat(pad));
        terminal.get().flush();
        lastLength = line.length();
    }

    /** Blanks the line, so that what is printed next starts on a clean one. */
    void clear() {
        if (terminal.isPresent() && lastLength > 0) {
            terminal.get().print("\r" + " ".repeat(lastLength) + "\r");
            terminal.get().flush();
            lastLength = 0;
        }
    }
}
