package dev.linkcrawl.crawl.fetch;

import java.util.Objects;

/**
 * One hop of a redirect chain: the URL that was requested and the status it answered with (a 3xx,
 * or 200 for a page that redirected through {@code <meta http-equiv="refresh">}).
 */
public record Redirect(String url, int status) {
    public Redirect {
        Objects.requireNonNull(url, "url");
        if (status < 100 || status > 999) {
            throw new IllegalArgumentException("an HTTP status has three digits, not " + status);
        }
    }
}
