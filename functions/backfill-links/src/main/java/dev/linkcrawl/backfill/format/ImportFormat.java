package dev.linkcrawl.backfill.format;

import java.util.Locale;

/** The bookmark export formats an import understands. */
public enum ImportFormat {
    /** Netscape bookmark HTML: browser, Pinboard and Delicious exports. */
    NETSCAPE_HTML,
    /** Pinboard's JSON export: an array of objects with {@code href}, {@code tags}… */
    PINBOARD_JSON,
    /** Comma-separated values (RFC 4180) with a header row naming a {@code url} column. */
    CSV,
    /** One URL a line; blank lines and lines starting with {@code #} are skipped. */
    PLAIN_TEXT,
    /** Binary content (a zip, gzip or UTF-16 without BOM…): nothing is read. */
    UNSUPPORTED;

    /** The name written in import results, for example {@code netscape_html}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
