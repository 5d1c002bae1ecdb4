package dev.linkcrawl.index;

import dev.linkcrawl.link.LinkId;
import java.time.Instant;
import java.util.Optional;

/**
 * Where saved links are stored and found: the {@code links} index. Every read and delete is scoped
 * to an owner: another owner's link behaves exactly like a missing one.
 *
 * <p>A deleted link leaves a tombstone (its id, owner and deletion time, nothing of the page) that
 * no read returns: it keeps crawls of the deleted save (queued, in flight or retried) from writing
 * the link back. Saving the link again after the deletion is a new save, which writes over it.
 *
 * <p>Every method throws {@link LinkIndexException} when the index cannot answer; its {@link
 * LinkIndexException#retryable()} says whether trying again later can help.
 */
public interface LinkIndex extends QueuedLinks, SavedLinks {

    /**
     * Creates the index with its mapping if it does not exist yet. Idempotent, and safe when
     * several callers race: an index that already exists counts as success. An index created by an
     * older version gets the fields added since on the first write that needs them.
     */
    void ensureIndex();

    /**
     * Stores {@code document} under {@code id}, unless a document crawled at the same time or later
     * is already there: an older crawl never replaces a newer one, and storing the same crawl twice
     * leaves one document.
     *
     * <p>A link deleted after {@code document.submittedAt()} stays deleted: the document belongs to
     * the save that was deleted.
     *
     * @param document a crawled or failed document (a queued one goes through {@link #putQueued})
     * @return {@link PutOutcome#WRITTEN}, {@link PutOutcome#STALE} when the stored document is at
     *     least as new, or {@link PutOutcome#DELETED} when the link was deleted after the document
     *     was submitted (both are success, not an error)
     */
    PutOutcome put(LinkId id, LinkDocument document);

    /**
     * {@link #put(LinkId, LinkDocument)}, deciding whether the link was deleted from {@code
     * before}, what {@link #read} found just before, instead of reading the index once more. The
     * order of crawls is kept by the write itself, as in {@link #put(LinkId, LinkDocument)}.
     */
    PutOutcome put(LinkId id, LinkDocument document, StoredLink before);

    /**
     * Records an attempt that failed and kept the page crawled before: the stored document's {@code
     * lastAttemptAt} and {@code lastFailure} are set, and the save's {@code tags} and {@code note}
     * replace the stored ones, so a re-save is never lost with a failed crawl. On a crawled or gone
     * document {@code gone} replaces the stored gone checks (empty clears them) and sets the
     * status: {@link LinkDocument.Status#GONE} when {@link GoneChecks#gone()}, else {@link
     * LinkDocument.Status#CRAWLED}; the page's content stays. Nothing happens to a link that is not
     * {@code owner}'s, not stored, or deleted.
     *
     * @return whether a document was changed
     */
    boolean recordAttempt(
            String owner,
            LinkId id,
            Instant attemptedAt,
            LinkDocument.Failure failure,
            Optional<GoneChecks> gone,
            java.util.List<String> tags,
            String note);

    /** The document stored under {@code id}, if there is one and {@code owner} owns it. */
    default Optional<LinkDocument> get(String owner, LinkId id) {
        return read(owner, id).document();
    }

    /**
     * What is stored under {@code id} in one read: {@code owner}'s document (as {@link #get}
     * returns it) and, where the link was deleted, when.
     */
    StoredLink read(String owner, LinkId id);

    @Override
    default boolean isSaved(String owner, LinkId id) {
        return get(owner, id).isPresent();
    }

    /**
     * Deletes the document stored under {@code id} if {@code owner} owns it, leaving a tombstone.
     *
     * @return whether a document was deleted ({@code false} when there was none, or another
     *     owner's)
     */
    boolean delete(String owner, LinkId id);

    /**
     * One page of {@code query.owner()}'s links that match {@code query}, in its order (see {@link
     * LinkQuery}). Links written in the last second may not be found yet (the index refreshes about
     * once a second). A missing index holds no links.
     *
     * <p>Paging with {@link LinkQuery#after} returns each link once while the matching links stay
     * as they are; a link saved, changed or deleted between two pages may shift a relevance order
     * (scores depend on the other links), so it can be missed or seen twice, never an error.
     */
    LinkPage search(LinkQuery query);

    /**
     * Visits the links due for a re-crawl, of every owner: those last attempted ({@code
     * lastAttemptAt}, or {@code crawledAt} where a document has none) before {@code crawledBefore},
     * and those whose last crawl failed with {@code retryable: true}. Least recently attempted
     * first, each link once, at most {@code limit} of them; queued and deleted links never; the
     * scan reads one consistent view of the index (a point in time), so links written meanwhile
     * neither repeat nor shift the pages.
     *
     * @return how many links were visited
     */
    int forEachDueForRecrawl(
            Instant crawledBefore,
            int limit,
            java.util.function.Consumer<RecrawlCandidate> visitor);
}
