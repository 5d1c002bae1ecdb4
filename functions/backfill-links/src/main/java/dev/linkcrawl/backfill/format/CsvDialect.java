package dev.linkcrawl.backfill.format;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The CSV exports told apart by their header row: which column holds what, and which folder names
 * are the app's own places rather than the user's folders. Header names are matched without regard
 * to case.
 */
enum CsvDialect {
    /** Any CSV with a {@code url} column; {@code title}, {@code tags} and {@code note} are read. */
    GENERIC(ImportFormat.CSV, "url", "title", "tags", "note", null, null, Set.of(), false),
    /**
     * Raindrop.io: {@code id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite};
     * {@code note} is the user's note ({@code excerpt} is the page's), {@code created} ISO-8601 or
     * epoch seconds, a nested folder written {@code Parent/Child} (each level becomes a tag, as in
     * the Netscape HTML export), {@code Unsorted} Raindrop's own place.
     */
    RAINDROP(
            ImportFormat.RAINDROP_CSV,
            "url",
            "title",
            "tags",
            "note",
            "folder",
            "created",
            Set.of("unsorted"),
            true),
    /**
     * Instapaper: {@code URL,Title,Selection,Folder,Timestamp,Tags}; {@code Selection} is the text
     * the user selected when saving, {@code Timestamp} epoch seconds, {@code Tags} a JSON array.
     * {@code Unread}, {@code Archive} and {@code Starred} are Instapaper's own folders.
     */
    INSTAPAPER(
            ImportFormat.INSTAPAPER_CSV,
            "url",
            "title",
            "tags",
            "selection",
            "folder",
            "timestamp",
            Set.of("unread", "archive", "starred"),
            false),
    /**
     * Pocket's CSV export ({@code part_000000.csv}): {@code title,url,time_added,tags,status};
     * {@code tags} separated by {@code |}, {@code time_added} epoch seconds.
     */
    POCKET(
            ImportFormat.POCKET_CSV,
            "url",
            "title",
            "tags",
            null,
            null,
            "time_added",
            Set.of(),
            false);

    static final int URL = 0;
    static final int TITLE = 1;
    static final int TAGS = 2;
    static final int NOTE = 3;
    static final int FOLDER = 4;
    static final int ADDED = 5;

    /** How many columns a dialect may read. */
    static final int COLUMNS = 6;

    private final ImportFormat format;
    private final List<String> columns;
    private final Set<String> ownFolders;
    private final boolean nestedFolders;

    CsvDialect(
            ImportFormat format,
            String url,
            String title,
            String tags,
            String note,
            String folder,
            String added,
            Set<String> ownFolders,
            boolean nestedFolders) {
        this.format = format;
        this.columns = Arrays.asList(url, title, tags, note, folder, added);
        this.ownFolders = ownFolders;
        this.nestedFolders = nestedFolders;
    }

    ImportFormat format() {
        return format;
    }

    /** The role ({@link #URL}, {@link #TITLE}…) of a column called {@code name}, or -1. */
    int role(String name) {
        return columns.indexOf(name.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The tags a folder cell gives: its name, or the name of each level of a nested one, outermost
     * first; none for the app's own places.
     */
    List<String> folderTags(String folder) {
        String name = folder.strip();
        if (name.isEmpty() || ownFolders.contains(name.toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        return nestedFolders ? Arrays.asList(name.split("/")) : List.of(name);
    }

    /** The dialect read as {@code format}, one of the CSV formats. */
    static CsvDialect reading(ImportFormat format) {
        for (CsvDialect dialect : values()) {
            if (dialect.format == format) {
                return dialect;
            }
        }
        throw new IllegalArgumentException("not a CSV format: " + format);
    }

    /**
     * The dialect of a header row ({@code names} as written, unquoted), or empty when it names no
     * {@code url} column.
     */
    static Optional<CsvDialect> of(List<String> names) {
        Set<String> header =
                Set.copyOf(
                        names.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList());
        if (!header.contains("url")) {
            return Optional.empty();
        }
        if (header.contains("selection") && header.contains("folder")) {
            return Optional.of(INSTAPAPER);
        }
        // Raindrop's export has an excerpt; the CSV its import documents has only a folder.
        if (header.contains("excerpt") || header.contains("folder")) {
            return Optional.of(RAINDROP);
        }
        if (header.contains("time_added")) {
            return Optional.of(POCKET);
        }
        return Optional.of(GENERIC);
    }
}
