package dev.linkcrawl.backfill.format;

import java.io.IOException;
import java.util.Optional;

/**
 * Reads the entries of one export in order, a few at a time: memory stays constant whatever the
 * size of the file. Obtain one from {@link BookmarkFile#open}.
 */
public interface BookmarkReader {

    /** The format the file was read as. */
    ImportFormat format();

    /**
     * What the file looks like when no reader understands it ({@link ImportFormat#UNSUPPORTED}).
     */
    default Optional<UnsupportedContent> unsupported() {
        return Optional.empty();
    }

    /**
     * The next entry, or empty at the end of the file (or after a problem that {@linkplain
     * ParseProblem#endsFile() ends it}).
     *
     * @throws IOException when the underlying stream fails (the object could not be read)
     */
    Optional<ImportEntry> next() throws IOException;
}
