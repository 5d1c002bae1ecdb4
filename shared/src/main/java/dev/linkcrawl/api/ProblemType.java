package dev.linkcrawl.api;

/**
 * The kinds of error the API answers with, each a stable RFC 9457 problem {@code type} URI, its
 * HTTP status and its title. Clients match on the type (or on a field error's {@code code}), never
 * on the human text.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "The request body is not valid"),
    INVALID_URL(400, "invalid-url", "The URL is not valid"),
    INVALID_PARAMETER(400, "invalid-parameter", "A path or query parameter is not valid"),
    UNAUTHENTICATED(401, "unauthenticated", "No caller identity"),
    NOT_FOUND(404, "not-found", "Not found"),
    IMPORT_REFUSED(403, "import-refused", "This caller cannot own imports"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    UPLOAD_TOO_LARGE(413, "upload-too-large", "The upload is larger than allowed"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "The request body must be JSON"),
    URL_REFUSED(422, "url-refused", "The URL is refused"),
    LIMIT_REACHED(429, "limit-reached", "A per-owner limit is reached"),
    QUEUE_UNAVAILABLE(503, "queue-unavailable", "The crawl queue is unavailable"),
    INDEX_UNAVAILABLE(503, "index-unavailable", "The search index is unavailable"),
    STORAGE_UNAVAILABLE(503, "storage-unavailable", "The import bucket is unavailable");

    /** Where the problem types are documented. */
    public static final String BASE_URI = "https://linkcrawl.dev/problems/";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    public String title() {
        return title;
    }
}
