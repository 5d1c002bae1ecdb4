package dev.linkcrawl.backfill;

/** The uploaded object is gone (deleted before the import ran); retrying cannot help. */
public final class ImportMissingException extends Exception {
    public ImportMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
