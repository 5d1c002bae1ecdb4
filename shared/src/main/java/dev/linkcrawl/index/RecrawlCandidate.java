package dev.linkcrawl.index;

import dev.linkcrawl.link.LinkId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A saved link due for another crawl: what the re-crawl needs to queue it again as the user saved
 * it.
 *
 * @param submittedAt when the user saved it, or null for documents written before it was kept
 */
public record RecrawlCandidate(
        LinkId id, String owner, String url, Instant submittedAt, List<String> tags, String note) {
    public RecrawlCandidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(url, "url");
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
