package dev.linkcrawl.crawl.delivery;

/** A queue did not take a change; trying again later can help. */
public final class QueueUnreachableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QueueUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
