package dev.linkcrawl.index;

import dev.linkcrawl.link.LinkId;
import java.util.Objects;

/** Where a saved link shows as {@code queued} until its crawl writes it. */
public interface QueuedLinks {

    /**
     * Stores {@code queued}, a {@link LinkDocument.Status#QUEUED} document, when no document of the
     * link is stored yet (or only the tombstone of a deletion before {@code queued.submittedAt()}):
     * a link saved again keeps its crawled page until the new crawl.
     *
     * @return whether it was stored
     * @throws LinkIndexException when the index cannot answer
     */
    boolean putQueued(LinkId id, LinkDocument queued);

    /**
     * {@code queued}, if {@link #putQueued} takes it: a queued document with its save time.
     *
     * @throws IllegalArgumentException if it is not one
     */
    static LinkDocument requireQueued(LinkDocument queued) {
        Objects.requireNonNull(queued, "queued");
        if (queued.status() != LinkDocument.Status.QUEUED || queued.submittedAt() == null) {
            throw new IllegalArgumentException(
                    "putQueued takes a queued document with its save time");
        }
        return queued;
    }
}
