package dev.linkcrawl.backfill.format;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * A zip of exports, as Omnivore and Pocket deliver theirs, read entry by entry as a stream (the zip
 * is never unpacked to disk nor held in memory). The entries read are Omnivore's {@code
 * metadata_*.json}, Pocket's {@code part_*.csv} and {@code ril_export.html} wherever they sit, and
 * any {@code .html}, {@code .htm}, {@code .csv}, {@code .json} or {@code .txt} file at the zip's
 * root; others (Omnivore's saved pages under {@code content/}, highlights, Pocket's annotations)
 * are skipped, and so is an entry whose content no reader understands. Each entry is told apart by
 * its content like a file of its own; the zip's format is that of the first entry read, and line
 * numbers count within each entry. Compressed data that is broken or cut short ends the file as
 * {@code broken_zip} (reading it again would not help); a zip with no export in it is unsupported.
 */
final class ZipBookmarkReader implements BookmarkReader {

    /** The files of a known export, wherever they sit in the zip. */
    private static final Pattern EXPORT_FILE =
            Pattern.compile("(metadata_.*\\.json|part_\\d+\\.csv|ril_export\\.html)");

    /** The files read when they sit at the zip's root. */
    private static final Pattern ROOT_FILE = Pattern.compile(".*\\.(html?|csv|json|txt)");

    private final ZipInputStream zip;
    private BookmarkReader entry;
    private final ImportFormat format;
    private boolean reportedEmpty;
    private int line = 1;

    ZipBookmarkReader(InputStream in) throws IOException {
        this.zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        BookmarkReader first;
        try {
            first = nextEntry();
        } catch (ZipException | EOFException e) {
            // Not a zip after all, or one broken before its first export: nothing to read.
            first = null;
        }
        this.entry = first;
        this.format = first == null ? ImportFormat.UNSUPPORTED : first.format();
    }

    @Override
    public ImportFormat format() {
        return format;
    }

    @Override
    public Optional<UnsupportedContent> unsupported() {
        return entry == null && format == ImportFormat.UNSUPPORTED
                ? Optional.of(new UnsupportedContent(UnsupportedContent.Kind.ZIP, List.of()))
                : Optional.empty();
    }

    @Override
    public Optional<ImportEntry> next() throws IOException {
        if (format == ImportFormat.UNSUPPORTED) {
            if (reportedEmpty) {
                return Optional.empty();
            }
            reportedEmpty = true;
            return Optional.of(new ImportEntry.Malformed(1, ParseProblem.UNSUPPORTED_FORMAT));
        }
        try {
            while (entry != null) {
                Optional<ImportEntry> next = entry.next();
                if (next.isPresent()) {
                    line = next.get().line();
                    return next;
                }
                entry = nextEntry();
            }
        } catch (ZipException | EOFException e) {
            // Broken or cut compressed data: what follows cannot be read, and reading the same
            // bytes again would not help, so this ends the file rather than failing the read.
            entry = null;
            return Optional.of(new ImportEntry.Malformed(line, ParseProblem.BROKEN_ZIP));
        }
        return Optional.empty();
    }

    /** The reader of the next entry worth reading, or null after the last one. */
    private BookmarkReader nextEntry() throws IOException {
        ZipEntry next;
        while ((next = zip.getNextEntry()) != null) {
            if (next.isDirectory() || !isExport(next.getName())) {
                continue;
            }
            BookmarkReader reader = BookmarkFile.open(new EntryStream(zip), next.getName());
            if (reader.format() != ImportFormat.UNSUPPORTED) {
                return reader;
            }
        }
        return null;
    }

    static boolean isExport(String path) {
        String name = path.toLowerCase(Locale.ROOT);
        String base = name.substring(name.lastIndexOf('/') + 1);
        return EXPORT_FILE.matcher(base).matches()
                || (name.indexOf('/') < 0 && ROOT_FILE.matcher(name).matches());
    }

    /** The current entry's bytes; closing it leaves the zip open for the next entry. */
    private static final class EntryStream extends FilterInputStream {
        EntryStream(ZipInputStream zip) {
            super(zip);
        }

        @Override
        public void close() {
            // The zip moves to its next entry by itself.
        }
    }
}
