package dev.linkcrawl.index;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the index holds under a link's id, read once: the owner's document, or the time the link was
 * deleted (its tombstone), or neither. A crawl reads it before it writes, and hands it to {@link
 * LinkIndex#put(dev.linkcrawl.link.LinkId, LinkDocument, StoredLink)}, so the write needs no read
 * of its own.
 *
 * @param document the stored document, if the owner has one there
 * @param deletedAt when the link was deleted, if a tombstone is there
 */
public record StoredLink(Optional<LinkDocument> document, Optional<Instant> deletedAt) {

    public StoredLink {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(deletedAt, "deletedAt");
    }

    /**
     * Whether the deletion found here keeps {@code document} out: the link was deleted after the
     * save {@code document} belongs to (or the document names no save).
     */
    public boolean deletedSince(LinkDocument document) {
        return deletedAt.isPresent()
                && (document.submittedAt() == null
                        || !document.submittedAt().isAfter(deletedAt.get()));
    }
}
