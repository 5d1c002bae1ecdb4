package dev.linkcrawl.index;

import dev.linkcrawl.link.LinkId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One link in a page of search results: what a result list shows, not the whole document (the main
 * text can be megabytes; {@link LinkIndex#get} returns everything). Components other than {@link
 * #id}, {@link #url}, {@link #status} and the collections may be {@code null}; {@link #crawledAt}
 * is {@code null} exactly while the link is queued.
 *
 * @param highlight per field ({@code title}, {@code description}, {@code text}), the passages that
 *     matched the search text, HTML-escaped, each match wrapped in {@code <mark>…</mark>}: safe to
 *     insert as HTML. Empty without search text
 */
public record LinkHit(
        LinkId id,
        String url,
        String finalUrl,
        String title,
        String description,
        String siteName,
        String image,
        String favicon,
        LinkDocument.Status status,
        PageType pageType,
        Instant crawledAt,
        List<String> tags,
        Map<String, List<String>> highlight) {

    public LinkHit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        tags = tags == null ? List.of() : List.copyOf(tags);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (highlight != null) {
            highlight.forEach((field, fragments) -> copy.put(field, List.copyOf(fragments)));
        }
        highlight = Collections.unmodifiableMap(copy);
    }
}
