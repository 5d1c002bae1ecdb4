package dev.linkcrawl.crawl.fetch;

/**
 * Why a fetch failed: one code per cause, shared by every layer that records a failure (the
 * fetcher, the crawl use case, the index document's {@code failure.code}).
 *
 * <p>Each code says whether trying again later can help. {@link #HTTP_STATUS} is the one code whose
 * answer depends on data: see {@link #isRetryable(int)}.
 */
public enum FailureCode {
    /** An address DNS returned (or an IP literal) is in a blocked range. */
    BLOCKED_ADDRESS(false),
    /** The host is a local or internal name ({@code localhost}, {@code *.internal}, ...). */
    BLOCKED_HOST(false),
    /** A redirect pointed to a scheme other than http or https. */
    BLOCKED_SCHEME(false),
    /** The URL names a port the crawler may not connect to. */
    BLOCKED_PORT(false),
    /** The URL (or a redirect's {@code Location}) is not a usable absolute URL. */
    INVALID_URL(false),
    /** The name does not exist or has no A/AAAA record. */
    DNS_NXDOMAIN(false),
    /** DNS did not answer before the deadline. */
    DNS_TIMEOUT(true),
    /** DNS answered with a temporary failure (SERVFAIL-like). */
    DNS_FAILURE(true),
    /** No connection could be made (refused, unreachable, connect timeout). */
    CONNECT_FAILED(true),
    /** The connection was reset or closed before the response was complete. */
    CONNECTION_RESET(true),
    /** The fetch deadline passed (DNS, connect, TLS, redirects and body share one deadline). */
    TIMEOUT(true),
    /** More redirects (and short meta refreshes) than allowed; default limit 10. */
    TOO_MANY_REDIRECTS(false),
    /** A redirect led back to a URL already visited in this fetch. */
    REDIRECT_LOOP(false),
    /** The server answered with a status that is neither success nor redirect. */
    HTTP_STATUS(false),
    /**
     * Content the caller will not index. The fetcher itself describes non-HTML content as {@link
     * FetchOutcome.NotHtml} instead of failing; this code is for callers that record such an
     * outcome as a failure.
     */
    UNSUPPORTED_CONTENT(false),
    /** A content coding other than gzip, deflate or identity, or several stacked. */
    UNSUPPORTED_ENCODING(false),
    /** The response header block is larger than 64 KiB. */
    HEADERS_TOO_LARGE(false),
    /** The TLS handshake failed (untrusted certificate, wrong host name, no common protocol). */
    TLS(false),
    /** The server broke HTTP (malformed status line or headers, corrupt compressed body). */
    PROTOCOL(false),
    /**
     * The site answered with an interstitial (a bot check, a JavaScript or consent wall) instead of
     * the page. Found by extraction, not by the fetcher; not retried through the queue, since quick
     * retries meet the same wall.
     */
    BOT_CHALLENGE(false),
    /**
     * The domain answers with a parking or for-sale page instead of the saved page. Found on a
     * re-crawl, which keeps the page crawled before; not retried through the queue.
     */
    PARKED_DOMAIN(false),
    /**
     * The server answered with a success status, but the page says it is not found (or a deep link
     * now redirects to the home page). Found on a re-crawl, which keeps the page crawled before.
     */
    SOFT_404(false),
    /**
     * The page was read, but less of it than the page the owner sent for the link (a shell, a
     * paywall, fewer words), so the sent page is kept. Found when indexing a re-crawl; not retried
     * through the queue.
     */
    LESS_THAN_SENT_PAGE(false),
    /** An I/O error that fits no other code; retried, since nothing says it is permanent. */
    IO_ERROR(true),
    /**
     * The search index refused the link's document (a 400 or 413 from OpenSearch: a mapping
     * conflict, an immense term, a document too large). Found when indexing, not by the fetcher;
     * not retried, since every delivery would send the same document.
     */
    INDEX_REJECTED(false),
    /**
     * Parsing and extracting the page ran past its budget (10 seconds of CPU time, and never past 2
     * seconds after the fetch deadline): hostile or enormous markup. Found by extraction; not
     * retried, since the same page costs the same.
     */
    EXTRACT_BUDGET(false),
    /**
     * The crawl stopped to give its slot back: its owner already ran its share of crawls (never
     * written as a document; the link is put back for later).
     */
    PREEMPTED(true);

    private final boolean retryable;

    FailureCode(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Whether a later attempt can succeed. For {@link #HTTP_STATUS} use {@link #isRetryable(int)}.
     */
    public boolean retryable() {
        return retryable;
    }

    /**
     * Whether a later attempt can succeed, given the HTTP status that caused an {@link
     * #HTTP_STATUS} failure: 5xx, 408 (request timeout) and 429 (too many requests) are transient;
     * every other status is taken as the server's final word, including the invalid 600 to 999 a
     * hostile server can send (retrying them only delays the failure by five deliveries). Other
     * codes ignore {@code status}.
     */
    public boolean isRetryable(int status) {
        if (this != HTTP_STATUS) {
            return retryable;
        }
        return (status >= 500 && status <= 599) || status == 408 || status == 429;
    }
}
