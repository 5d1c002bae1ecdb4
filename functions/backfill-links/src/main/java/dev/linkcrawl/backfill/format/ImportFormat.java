package dev.linkcrawl.backfill.format;

import java.util.Locale;

/** The bookmark export formats an import understands. */
public enum ImportFormat {
    /** Netscape bookmark HTML: browser, Pinboard, Delicious, Linkding and Karakeep exports. */
    NETSCAPE_HTML,
    /** Pocket's HTML export ({@code ril_export.html}): lists of links with {@code time_added}. */
    POCKET_HTML,
    /** Pinboard's JSON export: an array of objects with {@code href}, {@code tags}… */
    PINBOARD_JSON,
    /** Karakeep's (formerly Hoarder's) JSON export: {@code {"bookmarks": [...]}}. */
    KARAKEEP_JSON,
    /** Linkwarden's JSON backup: the user, with {@code collections} holding {@code links}. */
    LINKWARDEN_JSON,
    /** One {@code metadata_*.json} file of Omnivore's export: an array of saved items. */
    OMNIVORE_JSON,
    /** Firefox's JSON bookmark backup: nested {@code children} of {@code text/x-moz-place}. */
    FIREFOX_JSON,
    /** Comma-separated values (RFC 4180) with a header row naming a {@code url} column. */
    CSV,
    /** Raindrop.io's CSV export: {@code id,title,note,excerpt,url,folder,tags,created,…}. */
    RAINDROP_CSV,
    /** Instapaper's CSV export: {@code URL,Title,Selection,Folder,Timestamp,Tags}. */
    INSTAPAPER_CSV,
    /** Pocket's CSV export ({@code part_000000.csv}): {@code title,url,time_added,tags,status}. */
    POCKET_CSV,
    /** One URL a line; blank lines and lines starting with {@code #} are skipped. */
    PLAIN_TEXT,
    /** Binary content, or JSON of a shape no export has: nothing is read. */
    UNSUPPORTED;

    /** The name written in import results, for example {@code netscape_html}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
