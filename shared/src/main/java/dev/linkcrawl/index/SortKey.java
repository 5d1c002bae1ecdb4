package dev.linkcrawl.index;

import dev.linkcrawl.link.LinkId;
import java.util.Objects;

/**
 * Where a page of search results ended: the sort values of its last hit, from which the next page
 * continues ({@code search_after}). Every order ends with the link id, so no two links share a key
 * and paging neither skips nor repeats a link that stays put.
 */
public sealed interface SortKey {

    /** The link the page ended with; the tie-breaker of every order. */
    LinkId id();

    /**
     * A position in the newest-first listing: {@code crawledAt} descending, then id ascending.
     *
     * @param crawledAtMillis the crawl time in epoch milliseconds, the precision the index sorts by
     */
    record Newest(long crawledAtMillis, LinkId id) implements SortKey {
        public Newest {
            if (crawledAtMillis < 0) {
                throw new IllegalArgumentException("crawledAtMillis is not before 1970");
            }
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A position in a relevance order: score descending, then id ascending.
     *
     * @param score the relevance score the index gave the link (finite, not negative)
     */
    record Relevance(float score, LinkId id) implements SortKey {
        public Relevance {
            if (!Float.isFinite(score) || score < 0) {
                throw new IllegalArgumentException("a score is finite and not negative");
            }
            Objects.requireNonNull(id, "id");
        }
    }
}
