package dev.linkcrawl.local;

/** A local service (SQS, OpenSearch, the API) did not start; the message names it and its port. */
public final class ServiceStartException extends RuntimeException {
    public ServiceStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
