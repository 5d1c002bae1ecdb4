package dev.linkcrawl.crawl;

/** The import bucket did not answer, or refused the function's request for a sent page. */
final class PageStorageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    PageStorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
