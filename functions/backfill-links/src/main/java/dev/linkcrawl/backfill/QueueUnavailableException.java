package dev.linkcrawl.backfill;

/** The queue did not answer a send; a later attempt may succeed. */
public final class QueueUnavailableException extends Exception {
    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
