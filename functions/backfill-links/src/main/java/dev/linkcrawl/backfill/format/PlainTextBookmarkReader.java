package dev.linkcrawl.backfill.format;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One URL a line. Surrounding whitespace is ignored; blank lines and lines starting with {@code #}
 * are skipped; a line longer than {@value #MAX_LINE_CHARS} characters is reported, never held.
 */
final class PlainTextBookmarkReader implements BookmarkReader {

    /**
     * The longest line read: 8192 characters, four times the longest URL accepted, so indentation
     * or trailing spaces never turn a valid URL into a refused line.
     */
    static final int MAX_LINE_CHARS = 8192;

    private final LineCountingReader source;
    private final StringBuilder line = new StringBuilder();

    PlainTextBookmarkReader(LineCountingReader source) {
        this.source = source;
    }

    @Override
    public ImportFormat format() {
        return ImportFormat.PLAIN_TEXT;
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        while (true) {
            line.setLength(0);
            int number = source.line();
            switch (source.readLine(line, MAX_LINE_CHARS)) {
                case END_OF_INPUT -> {
                    return Optional.empty();
                }
                case TOO_LONG -> {
                    return Optional.of(
                            new ImportEntry.Malformed(number, ParseProblem.LINE_TOO_LONG));
                }
                case LINE -> {
                    String url = line.toString().strip();
                    if (!url.isEmpty() && !url.startsWith("#")) {
                        return Optional.of(
                                new ImportEntry.Bookmark(number, url, "", List.of(), null, null));
                    }
                }
            }
        }
    }
}
