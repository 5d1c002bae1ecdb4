package dev.linkcrawl.link;

/**
 * A queue message that cannot be read as a crawl message. Retrying cannot help: the message goes to
 * the dead-letter queue where an operator can see it.
 */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String reason) {
        super(reason);
    }

    public MalformedMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
