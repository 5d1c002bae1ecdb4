package dev.linkcrawl.backfill.format;

/**
 * Why an entry of an export could not be read as a bookmark. Problems that {@link #endsFile()} stop
 * the reading: what follows cannot be found reliably.
 */
public enum ParseProblem {
    /** A text line longer than {@link PlainTextBookmarkReader#MAX_LINE_CHARS} characters. */
    LINE_TOO_LONG("line_too_long", false),
    /** A CSV record longer than {@link CsvBookmarkReader#MAX_RECORD_CHARS} characters. */
    RECORD_TOO_LONG("record_too_long", false),
    /** An entry with no URL: {@code <A>} without {@code HREF}, an empty {@code url} cell… */
    MISSING_URL("missing_url", false),
    /**
     * A URL holding U+FFFD: bytes that were not valid UTF-8 (a Windows-1252 {@code é}…), so the
     * address as decoded is not the one the user saved.
     */
    UNDECODABLE_URL("undecodable_url", false),
    /**
     * An entry the export holds that is no link: a text note or a file saved without a URL
     * (Karakeep, Linkwarden).
     */
    NOT_A_LINK("not_a_link", false),
    /** A JSON array element that is not an object. */
    NOT_AN_OBJECT("not_an_object", false),
    /** The JSON document is not an array of bookmarks. */
    NOT_AN_ARRAY("not_an_array", true),
    /** The JSON is broken; nothing after this point can be read. */
    MALFORMED_JSON("malformed_json", true),
    /** A JSON string longer than {@link JsonExport#MAX_STRING_CHARS}. */
    VALUE_TOO_LONG("value_too_long", true),
    /** A quoted CSV field that runs to the end of the file. */
    UNTERMINATED_QUOTE("unterminated_quote", true),
    /** The CSV header names no {@code url} column. */
    NO_URL_COLUMN("no_url_column", true),
    /** A zip whose compressed data is broken or cut short; the entries before the break stand. */
    BROKEN_ZIP("broken_zip", true),
    /** The file is binary, or JSON of a shape no supported export has. */
    UNSUPPORTED_FORMAT("unsupported_format", true);

    private final String code;
    private final boolean endsFile;

    ParseProblem(String code, boolean endsFile) {
        this.code = code;
        this.endsFile = endsFile;
    }

    /** The stable snake_case code written in import results. */
    public String code() {
        return code;
    }

    /** Whether reading stops here. */
    public boolean endsFile() {
        return endsFile;
    }
}
