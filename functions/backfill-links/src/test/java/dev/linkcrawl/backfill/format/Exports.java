package dev.linkcrawl.backfill.format;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads test exports: fixtures beside the tests, literal text, or generated streams. */
final class Exports {

    static InputStream resource(String name) {
        InputStream in = Exports.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        return in;
    }

    /** Every entry of the fixture {@code name}. */
    static List<ImportEntry> read(String name) {
        try (InputStream in = resource(name)) {
            return read(in, name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every entry of {@code text} read as a file called {@code name}. */
    static List<ImportEntry> read(String text, String name) {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), name);
    }

    static List<ImportEntry> read(InputStream in, String name) {
        try {
            BookmarkReader reader = BookmarkFile.open(in, name);
            List<ImportEntry> entries = new ArrayList<>();
            Optional<ImportEntry> next;
            while ((next = reader.next()).isPresent()) {
                entries.add(next.get());
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImportFormat formatOf(InputStream in, String name) {
        try {
            return BookmarkFile.open(in, name).format();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ImportEntry.Bookmark> bookmarks(List<ImportEntry> entries) {
        return entries.stream()
                .filter(ImportEntry.Bookmark.class::isInstance)
                .map(ImportEntry.Bookmark.class::cast)
                .toList();
    }

    static ImportEntry.Bookmark bookmark(List<ImportEntry> entries, String urlStart) {
        return bookmarks(entries).stream()
                .filter(bookmark -> bookmark.url().startsWith(urlStart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no bookmark for " + urlStart));
    }

    /**
     * {@code prefix}, then {@code count} copies of {@code fill}, then {@code suffix}, produced as
     * they are read: a 10 MB line without 10 MB in the test's memory.
     */
    static InputStream generated(String prefix, char fill, long count, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                long total = head.length + count + tail.length;
                if (position >= total) {
                    return -1;
                }
                long at = position++;
                if (at < head.length) {
                    return head[(int) at] & 0xFF;
                }
                if (at < head.length + count) {
                    return fill;
                }
                return tail[(int) (at - head.length - count)] & 0xFF;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                int n = 0;
                while (n < length) {
                    int b = read();
                    if (b == -1) {
                        return n == 0 ? -1 : n;
                    }
                    buffer[offset + n++] = (byte) b;
                }
                return n;
            }
        };
    }

    /** Ten megabytes: the size of the hostile lines the tests feed. */
    static final long TEN_MB = 10L * 1024 * 1024;

    private Exports() {}
}
