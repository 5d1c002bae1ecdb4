package dev.linkcrawl.backfill.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Comma-separated values as RFC 4180 writes them: a header row, fields optionally in double quotes
 * (a quoted field may hold commas, line breaks and {@code ""} for a quote), CRLF, LF or CR line
 * ends. The header must name a {@code url} column; which other columns are read depends on the
 * {@link CsvDialect} (Raindrop, Instapaper and Pocket exports, or any CSV). Tags are split on
 * {@code ,}, {@code |} or {@code ;}, or read as a JSON array of strings when the cell is one
 * (Instapaper); the folder (each level of a nested one), unless it is one of the app's own, gives
 * tags after them; the added time is epoch seconds or ISO-8601. Header names are matched without
 * regard to case or surrounding spaces.
 *
 * <p>Other columns are read past without being kept and each kept cell is cut at {@value
 * #MAX_CELL_CHARS} characters, so memory stays bounded whatever a record holds; a record longer
 * than {@value #MAX_RECORD_CHARS} characters is reported and skipped. Blank lines are skipped.
 * Being lenient where exports are sloppy: spaces before an opening quote are dropped, a quote
 * inside an unquoted field is kept as a character, and characters after a closing quote are
 * appended to the field.
 *
 * <p>Not Jackson's streaming CSV parser (jackson-dataformat-csv 2.23), tried in its place: it
 * bounds a field only through {@code StreamReadConstraints.maxStringLength}, whose exception leaves
 * it inside the field, so the rest of a long quoted field is read as records of its own (a 10 MB
 * field of commas ends in "Missing closing quote" on the next record) where this reader skips to
 * the next record; it fails on characters after a closing quote; and it sees an opening quote after
 * spaces only with {@code TRIM_SPACES}, which also trims every unquoted title and note.
 */
final class CsvBookmarkReader implements BookmarkReader {

    /** The longest record read: 262144 characters; a longer one is reported and skipped. */
    static final int MAX_RECORD_CHARS = 256 * 1024;

    /** Characters kept of one cell: 8192, more than any URL accepted (2048). */
    static final int MAX_CELL_CHARS = 8192;

    /** Header columns looked at: 256. */
    static final int MAX_HEADER_COLUMNS = 256;

    private static final JsonFactory JSON = new JsonFactory();

    private enum RecordEnd {
        RECORD,
        TOO_LONG,
        UNTERMINATED_QUOTE,
        END_OF_INPUT
    }

    private enum CellState {
        START,
        UNQUOTED,
        QUOTED,
        AFTER_QUOTE
    }

    private final LineCountingReader source;
    private final CsvDialect dialect;

    /** The kept cells of the current record, by {@link CsvDialect} role. */
    private final StringBuilder[] cells = new StringBuilder[CsvDialect.COLUMNS];

    /** For each {@link CsvDialect} role, its column in the records, or -1. */
    private final int[] positions = new int[CsvDialect.COLUMNS];

    private final List<StringBuilder> headerCells = new ArrayList<>();
    private boolean readingHeader = true;
    private boolean finished;
    private int columnsInRecord;
    private boolean recordHasText;

    CsvBookmarkReader(LineCountingReader source, CsvDialect dialect) {
        this.source = source;
        this.dialect = dialect;
        for (int i = 0; i < cells.length; i++) {
            cells[i] = new StringBuilder();
        }
        Arrays.fill(positions, -1);
    }

    @Override
    public ImportFormat format() {
        return dialect.format();
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        while (!finished) {
            int line = skipLineBreaks();
            RecordEnd end = readRecord();
            switch (end) {
                case END_OF_INPUT -> finished = true;
                case UNTERMINATED_QUOTE -> {
                    finished = true;
                    return malformed(line, ParseProblem.UNTERMINATED_QUOTE);
                }
                case TOO_LONG -> {
                    if (readingHeader) {
                        finished = true;
                        return malformed(line, ParseProblem.NO_URL_COLUMN);
                    }
                    return malformed(line, ParseProblem.RECORD_TOO_LONG);
                }
                case RECORD -> {
                    if (isBlank()) {
                        continue;
                    }
                    if (readingHeader) {
                        readingHeader = false;
                        if (!findColumns()) {
                            finished = true;
                            return malformed(line, ParseProblem.NO_URL_COLUMN);
                        }
                        continue;
                    }
                    return Optional.of(bookmark(line));
                }
            }
        }
        return Optional.empty();
    }

    private ImportEntry bookmark(int line) {
        String url = cells[CsvDialect.URL].toString().strip();
        if (url.isEmpty()) {
            return new ImportEntry.Malformed(line, ParseProblem.MISSING_URL);
        }
        List<String> tags = new ArrayList<>(tags(cells[CsvDialect.TAGS].toString()));
        tags.addAll(dialect.folderTags(cells[CsvDialect.FOLDER].toString()));
        String added = cells[CsvDialect.ADDED].toString().strip();
        Instant addedAt = ExportTimestamps.fromEpoch(added);
        return new ImportEntry.Bookmark(
                line,
                url,
                cells[CsvDialect.TITLE].toString(),
                tags,
                cells[CsvDialect.NOTE].isEmpty() ? null : cells[CsvDialect.NOTE].toString(),
                addedAt != null ? addedAt : ExportTimestamps.fromIso(added));
    }

    /** A tags cell: a JSON array of strings ({@code ["a","b"]}), or names split on , | or ;. */
    static List<String> tags(String cell) {
        String text = cell.strip();
        if (!text.startsWith("[")) {
            return Arrays.asList(text.split("[,|;]"));
        }
        List<String> tags = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            parser.nextToken();
            JsonToken token;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
                if (token == JsonToken.VALUE_STRING) {
                    tags.add(parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // Not JSON after all: the tags read so far stand.
        }
        return tags;
    }

    private static Optional<ImportEntry> malformed(int line, ParseProblem problem) {
        return Optional.of(new ImportEntry.Malformed(line, problem));
    }

    /** A line holding nothing but spaces is a blank line, not a record. */
    private boolean isBlank() {
        return columnsInRecord == 1 && !recordHasText;
    }

    private boolean findColumns() {
        for (int i = 0; i < headerCells.size(); i++) {
            int wanted = dialect.role(headerCells.get(i).toString());
            if (wanted >= 0 && positions[wanted] < 0) {
                positions[wanted] = i;
            }
        }
        headerCells.clear();
        return positions[CsvDialect.URL] >= 0;
    }

    /** Skips line breaks between records; returns the line the next record starts on. */
    private int skipLineBreaks() throws IOException {
        int c = source.peek();
        while (c == '\n' || c == '\r') {
            source.read();
            c = source.peek();
        }
        return source.line();
    }

    private RecordEnd readRecord() throws IOException {
        for (StringBuilder cell : cells) {
            cell.setLength(0);
        }
        headerCells.clear();
        if (source.peek() == -1) {
            return RecordEnd.END_OF_INPUT;
        }
        int column = 0;
        long length = 0;
        recordHasText = false;
        CellState state = CellState.START;
        StringBuilder cell = cellFor(column);
        while (true) {
            int c = source.read();
            if (c == -1) {
                columnsInRecord = column + 1;
                return state == CellState.QUOTED ? RecordEnd.UNTERMINATED_QUOTE : ended(length);
            }
            length++;
            if (c == '"' || !Character.isWhitespace(c)) {
                recordHasText = true;
            }
            if (state == CellState.QUOTED) {
                if (c == '"') {
                    state = CellState.AFTER_QUOTE;
                } else {
                    keep(cell, c);
                }
                continue;
            }
            if (c == '"' && state == CellState.AFTER_QUOTE) {
                keep(cell, '"');
                state = CellState.QUOTED;
                continue;
            }
            if (c == '"' && state == CellState.START) {
                // Spaces before an opening quote (", "a"") are not part of the field.
                if (cell != null) {
                    cell.setLength(0);
                }
                state = CellState.QUOTED;
                continue;
            }
            if (c == ',') {
                column++;
                cell = cellFor(column);
                state = CellState.START;
                continue;
            }
            if (c == '\n' || c == '\r') {
                if (c == '\r' && source.peek() == '\n') {
                    source.read();
                }
                columnsInRecord = column + 1;
                return ended(length);
            }
            keep(cell, c);
            if (state != CellState.START || (c != ' ' && c != '\t')) {
                state = CellState.UNQUOTED;
            }
        }
    }

    private static RecordEnd ended(long length) {
        return length > MAX_RECORD_CHARS ? RecordEnd.TOO_LONG : RecordEnd.RECORD;
    }

    /** Where the cell in {@code column} goes, or null when it is not kept. */
    private StringBuilder cellFor(int column) {
        if (readingHeader) {
            if (column >= MAX_HEADER_COLUMNS) {
                return null;
            }
            while (headerCells.size() <= column) {
                headerCells.add(new StringBuilder());
            }
            return headerCells.get(column);
        }
        for (int wanted = 0; wanted < positions.length; wanted++) {
            if (positions[wanted] == column) {
                return cells[wanted];
            }
        }
        return null;
    }

    private static void keep(StringBuilder cell, int c) {
        if (cell != null && cell.length() < MAX_CELL_CHARS) {
            cell.append((char) c);
        }
    }
}
