package dev.linkcrawl.backfill.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a bookmark export: finds its text encoding and its format from its first bytes (and its
 * name where the bytes leave room), then reads it as a stream.
 *
 * <p>Text is UTF-8 unless a byte order mark says UTF-16; the mark is skipped, and bytes that are
 * not valid in the encoding become U+FFFD rather than failing the import, so a Windows-1252 export
 * yields odd titles but its (ASCII) URLs still import. Formats, in order:
 *
 * <ol>
 *   <li>a NUL byte in the first {@value #SNIFF_BYTES} bytes: binary, {@link
 *       ImportFormat#UNSUPPORTED};
 *   <li>first non-blank character {@code <}: {@link ImportFormat#NETSCAPE_HTML};
 *   <li>{@code [} or <code>{</code>: {@link ImportFormat#PINBOARD_JSON};
 *   <li>a first line with a {@code url} column, or a name ending in {@code .csv}: {@link
 *       ImportFormat#CSV};
 *   <li>anything else: {@link ImportFormat#PLAIN_TEXT}.
 * </ol>
 */
public final class BookmarkFile {

    /** Bytes looked at to tell the format: 8192. */
    static final int SNIFF_BYTES = 8192;

    private static final int BUFFER_BYTES = 64 * 1024;

    private BookmarkFile() {}

    /**
     * @param in the export's bytes; read as far as needed, not closed
     * @param name the file name (only its extension is looked at), for example {@code
     *     bookmarks.csv}
     */
    public static BookmarkReader open(InputStream in, String name) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(name, "name");
        BufferedInputStream buffered = new BufferedInputStream(in, BUFFER_BYTES);
        buffered.mark(SNIFF_BYTES);
        byte[] head = buffered.readNBytes(SNIFF_BYTES);
        buffered.reset();

        Charset charset = StandardCharsets.UTF_8;
        int bom = 0;
        if (startsWith(head, 0xEF, 0xBB, 0xBF)) {
            bom = 3;
        } else if (startsWith(head, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bom = 2;
        } else if (startsWith(head, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bom = 2;
        }
        buffered.skipNBytes(bom);
        Reader reader =
                new InputStreamReader(
                        buffered,
                        charset.newDecoder()
                                .onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE));

        if (charset.equals(StandardCharsets.UTF_8) && containsNul(head)) {
            return new Unsupported();
        }
        String text = new String(head, bom, head.length - bom, charset);
        return switch (detect(text, name)) {
            case NETSCAPE_HTML -> new NetscapeBookmarkReader(new LineCountingReader(reader));
            case PINBOARD_JSON -> new PinboardJsonBookmarkReader(reader);
            case CSV -> new CsvBookmarkReader(new LineCountingReader(reader));
            case PLAIN_TEXT -> new PlainTextBookmarkReader(new LineCountingReader(reader));
            case UNSUPPORTED -> new Unsupported();
        };
    }

    /**
     * The format of a file that starts with {@code head} (decoded text) and is called {@code name}.
     */
    static ImportFormat detect(String head, String name) {
        String start = head.stripLeading();
        if (start.startsWith("<")) {
            return ImportFormat.NETSCAPE_HTML;
        }
        if (start.startsWith("[") || start.startsWith("{")) {
            return ImportFormat.PINBOARD_JSON;
        }
        if (hasUrlColumn(start) || name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return ImportFormat.CSV;
        }
        return ImportFormat.PLAIN_TEXT;
    }

    /** Whether the first line, read as a CSV header, names a {@code url} column. */
    private static boolean hasUrlColumn(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        for (String cell : text.substring(0, end).split(",")) {
            String name = cell.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            if (name.equalsIgnoreCase("url")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsNul(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** A binary file: one problem on line 1, nothing read. */
    private static final class Unsupported implements BookmarkReader {
        private boolean reported;

        @Override
        public ImportFormat format() {
            return ImportFormat.UNSUPPORTED;
        }

        @Override
        public Optional<ImportEntry> next() {
            if (reported) {
                return Optional.empty();
            }
            reported = true;
            return Optional.of(new ImportEntry.Malformed(1, ParseProblem.UNSUPPORTED_FORMAT));
        }
    }
}
