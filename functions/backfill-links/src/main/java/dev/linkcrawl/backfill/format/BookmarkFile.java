package dev.linkcrawl.backfill.format;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Opens a bookmark export: finds its text encoding and its format from its first bytes (and its
 * name where the bytes leave room), then reads it as a stream.
 *
 * <p>Text is UTF-8 unless a byte order mark says UTF-16; the mark is skipped, and bytes that are
 * not valid in the encoding become U+FFFD rather than failing the import, so a Windows-1252 export
 * yields odd titles but its (ASCII) URLs still import. Formats, in order:
 *
 * <ol>
 *   <li>a zip ({@code PK\3\4}): the exports inside it, each detected as below ({@link
 *       ZipBookmarkReader});
 *   <li>a NUL byte in the first {@value #SNIFF_BYTES} bytes: binary, {@link
 *       ImportFormat#UNSUPPORTED};
 *   <li>first non-blank character {@code <}: {@link ImportFormat#POCKET_HTML} when the page is
 *       titled {@code Pocket Export} or its links have a {@code time_added}, else {@link
 *       ImportFormat#NETSCAPE_HTML};
 *   <li>{@code [} or <code>{</code>: the JSON export its first keys show ({@link JsonHead}), or
 *       {@link ImportFormat#UNSUPPORTED} naming the keys found;
 *   <li>a first line with a {@code url} column: the CSV export its header shows ({@link
 *       CsvDialect}), or any CSV; a name ending in {@code .csv}: {@link ImportFormat#CSV};
 *   <li>anything else: {@link ImportFormat#PLAIN_TEXT}.
 * </ol>
 *
 * The name never overrides the content: a Karakeep export called {@code bookmarks.txt} is read as
 * Karakeep's.
 */
public final class BookmarkFile {

    /** Bytes looked at to tell the format: 8192. */
    static final int SNIFF_BYTES = 8192;

    private static final int BUFFER_BYTES = 64 * 1024;

    /**
     * What marks Pocket's HTML export: its title, {@code <title>Pocket Export</title>}, or a link's
     * {@code time_added} attribute.
     */
    private static final Pattern POCKET_MARK =
            Pattern.compile(
                    "<title>\\s*Pocket Export\\s*</title>|\\stime_added\\s*=",
                    Pattern.CASE_INSENSITIVE);

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
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return new ZipBookmarkReader(buffered);
        }

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
            return new Unsupported(
                    new UnsupportedContent(UnsupportedContent.Kind.BINARY, List.of()));
        }
        String text = new String(head, bom, head.length - bom, charset).stripLeading();
        ImportFormat format = detect(text, name);
        return switch (format) {
            case NETSCAPE_HTML, POCKET_HTML ->
                    new NetscapeBookmarkReader(new LineCountingReader(reader), format);
            case PINBOARD_JSON ->
                    new JsonArrayBookmarkReader(reader, JsonArrayBookmarkReader.Layout.PINBOARD);
            case OMNIVORE_JSON ->
                    new JsonArrayBookmarkReader(reader, JsonArrayBookmarkReader.Layout.OMNIVORE);
            case KARAKEEP_JSON -> new KarakeepJsonBookmarkReader(reader);
            case LINKWARDEN_JSON -> new LinkwardenJsonBookmarkReader(reader);
            case FIREFOX_JSON -> new FirefoxJsonBookmarkReader(reader);
            case CSV, RAINDROP_CSV, INSTAPAPER_CSV, POCKET_CSV ->
                    new CsvBookmarkReader(
                            new LineCountingReader(reader), CsvDialect.reading(format));
            case PLAIN_TEXT -> new PlainTextBookmarkReader(new LineCountingReader(reader));
            case UNSUPPORTED -> new Unsupported(JsonHead.of(text).unsupported());
        };
    }

    /**
     * The format of a text file that starts with {@code start} (decoded, leading blanks stripped)
     * and is called {@code name}.
     */
    static ImportFormat detect(String start, String name) {
        if (start.startsWith("<")) {
            return POCKET_MARK.matcher(start).find()
                    ? ImportFormat.POCKET_HTML
                    : ImportFormat.NETSCAPE_HTML;
        }
        if (start.startsWith("[") || start.startsWith("{")) {
            return JsonHead.of(start).format();
        }
        Optional<CsvDialect> dialect = CsvDialect.of(headerNames(start));
        if (dialect.isPresent()) {
            return dialect.get().format();
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return ImportFormat.CSV;
        }
        return ImportFormat.PLAIN_TEXT;
    }

    /** The cells of the first line, read as a CSV header: split on commas, quotes removed. */
    private static List<String> headerNames(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        List<String> names = new ArrayList<>();
        for (String cell : text.substring(0, end).split(",")) {
            String name = cell.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).strip();
            }
            names.add(name);
        }
        return names;
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

    /** A file no reader understands: one problem on line 1, nothing read. */
    private static final class Unsupported implements BookmarkReader {
        private final UnsupportedContent content;
        private boolean reported;

        Unsupported(UnsupportedContent content) {
            this.content = content;
        }

        @Override
        public ImportFormat format() {
            return ImportFormat.UNSUPPORTED;
        }

        @Override
        public Optional<UnsupportedContent> unsupported() {
            return Optional.of(content);
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
