package dev.linkcrawl.index;

import dev.linkcrawl.link.LinkId;

/** Whether a link is saved, for a function that needs to know no more of it. */
public interface SavedLinks {

    /**
     * Whether {@code owner} has a link with {@code id}: queued, crawled, failed or gone. Another
     * owner's link and a deleted one are not saved.
     *
     * @throws LinkIndexException when the index cannot answer
     */
    boolean isSaved(String owner, LinkId id);
}
