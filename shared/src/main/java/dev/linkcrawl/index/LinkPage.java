package dev.linkcrawl.index;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of search results.
 *
 * @param hits the links, in the query's order
 * @param next where the following page starts; empty when this page is the last (so paging ends
 *     without an extra empty page)
 */
public record LinkPage(List<LinkHit> hits, Optional<SortKey> next) {
    public LinkPage {
        hits = List.copyOf(Objects.requireNonNull(hits, "hits"));
        Objects.requireNonNull(next, "next");
    }
}
