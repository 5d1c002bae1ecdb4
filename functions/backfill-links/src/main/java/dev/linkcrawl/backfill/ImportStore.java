package dev.linkcrawl.backfill;

import java.io.IOException;
import java.io.InputStream;

/** Where uploaded exports are read from and their results written to. */
public interface ImportStore {

    /**
     * Opens the upload as a stream; the caller reads it as far as it needs and closes it.
     *
     * @throws ImportMissingException when the object no longer exists (retrying cannot help)
     * @throws IOException when the store could not be read (retrying may help)
     */
    InputStream open(ImportUpload upload) throws ImportMissingException, IOException;

    /**
     * Writes the import's result at {@link ImportUpload#resultKey()}, replacing any earlier one.
     *
     * @throws IOException when the store did not take it
     */
    void writeResult(ImportUpload upload, byte[] json) throws IOException;
}
