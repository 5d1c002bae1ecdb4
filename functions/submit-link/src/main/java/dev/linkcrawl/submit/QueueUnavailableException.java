package dev.linkcrawl.submit;

/** The queue did not store the message; the caller may try again later. */
public final class QueueUnavailableException extends Exception {
    public QueueUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
