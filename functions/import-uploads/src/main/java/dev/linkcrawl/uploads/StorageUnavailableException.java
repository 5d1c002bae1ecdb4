package dev.linkcrawl.uploads;

/** The import bucket did not answer, or refused this function's request. */
public final class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
