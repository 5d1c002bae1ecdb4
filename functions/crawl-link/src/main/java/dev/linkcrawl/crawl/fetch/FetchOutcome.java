package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.LinkUrl;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What one fetch produced: an HTML page to extract, other content to describe, or a failure with a
 * code. Every outcome carries the redirect chain that led to it and the time the fetch took.
 */
public sealed interface FetchOutcome {

    /** The hops followed before the final response, in order; empty when there was none. */
    List<Redirect> redirects();

    /** Milliseconds from the start of the fetch to its end (DNS, connect, redirects and body). */
    long fetchMs();

    /**
     * An HTML page, decoded.
     *
     * @param finalUrl the URL that answered with the page, after every redirect
     * @param status its HTTP status (2xx)
     * @param contentType the media type, lowercase ({@code text/html} or {@code
     *     application/xhtml+xml})
     * @param bytes how many body bytes were read after decompression (at most the body cap)
     * @param truncated whether the body was longer than the cap and cut there
     * @param charset the charset used to decode the bytes
     * @param html the decoded page; bad bytes are U+FFFD
     */
    record Page(
            LinkUrl finalUrl,
            List<Redirect> redirects,
            int status,
            String contentType,
            long bytes,
            boolean truncated,
            long fetchMs,
            Charset charset,
            String html)
            implements FetchOutcome {
        public Page {
            Objects.requireNonNull(finalUrl, "finalUrl");
            redirects = List.copyOf(redirects);
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(html, "html");
            if (bytes < 0 || fetchMs < 0) {
                throw new IllegalArgumentException("bytes and fetchMs cannot be negative");
            }
        }
    }

    /**
     * Content that is not an HTML page (an image, a PDF, a text/html label on binary bytes):
     * described, never parsed.
     *
     * @param contentType the media type: the sniffed one when the first bytes contradict the header
     *     (a PNG labelled text/html is {@code image/png}), else the header's, else {@code
     *     application/octet-stream}
     * @param bytes how many body bytes were counted after decompression (at most the body cap)
     * @param truncated whether the body was longer than the cap
     * @param fileName from {@code Content-Disposition}, else the last segment of the URL path
     */
    record NotHtml(
            LinkUrl finalUrl,
            List<Redirect> redirects,
            int status,
            String contentType,
            long bytes,
            boolean truncated,
            long fetchMs,
            Optional<String> fileName)
            implements FetchOutcome {
        public NotHtml {
            Objects.requireNonNull(finalUrl, "finalUrl");
            redirects = List.copyOf(redirects);
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(fileName, "fileName");
            if (bytes < 0 || fetchMs < 0) {
                throw new IllegalArgumentException("bytes and fetchMs cannot be negative");
            }
        }
    }

    /**
     * The fetch failed.
     *
     * @param code why, from one enum
     * @param detail a sentence for people
     * @param retryable whether a later attempt can succeed
     * @param httpStatus the status that caused an {@link FailureCode#HTTP_STATUS} failure, or empty
     * @param url the last URL requested (or about to be) when the fetch failed
     * @param retryAfter how long the server asked to wait ({@code Retry-After}), if it did
     */
    record Failed(
            FailureCode code,
            String detail,
            boolean retryable,
            OptionalInt httpStatus,
            LinkUrl url,
            List<Redirect> redirects,
            long fetchMs,
            Optional<Duration> retryAfter)
            implements FetchOutcome {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(httpStatus, "httpStatus");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(retryAfter, "retryAfter");
            redirects = List.copyOf(redirects);
            if (code == FailureCode.HTTP_STATUS && httpStatus.isEmpty()) {
                throw new IllegalArgumentException("an HTTP_STATUS failure carries its status");
            }
        }

        /** A failure without a {@code Retry-After}. */
        public Failed(
                FailureCode code,
                String detail,
                boolean retryable,
                OptionalInt httpStatus,
                LinkUrl url,
                List<Redirect> redirects,
                long fetchMs) {
            this(code, detail, retryable, httpStatus, url, redirects, fetchMs, Optional.empty());
        }

        /** The same failure, with the server's {@code Retry-After}. */
        Failed withRetryAfter(Optional<Duration> value) {
            return new Failed(code, detail, retryable, httpStatus, url, redirects, fetchMs, value);
        }

        /** A failure whose retryability follows from its code (and status, if any). */
        static Failed of(
                FailureCode code,
                String detail,
                OptionalInt httpStatus,
                LinkUrl url,
                List<Redirect> redirects,
                long fetchMs) {
            boolean retryable =
                    httpStatus.isPresent()
                            ? code.isRetryable(httpStatus.getAsInt())
                            : code.retryable();
            return new Failed(code, detail, retryable, httpStatus, url, redirects, fetchMs);
        }
    }
}
