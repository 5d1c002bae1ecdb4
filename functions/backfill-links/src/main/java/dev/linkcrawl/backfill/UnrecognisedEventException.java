package dev.linkcrawl.backfill;

/** The function was invoked with an event it does not handle; retrying cannot help. */
public final class UnrecognisedEventException extends IllegalArgumentException {
    public UnrecognisedEventException(String message) {
        super(message);
    }
}
