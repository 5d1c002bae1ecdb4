package dev.linkcrawl.limit;

/**
 * The owner counts could not be read or written (the store is down, slow or refused the request).
 * Callers decide whether to go on without the limit; trying again later can help.
 */
public final class QuotaUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public QuotaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public QuotaUnavailableException(String message) {
        super(message);
    }
}
