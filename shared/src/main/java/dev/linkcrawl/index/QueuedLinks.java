package dev.linkcrawl.index;

import dev.linkcrawl.link.LinkId;

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
}
