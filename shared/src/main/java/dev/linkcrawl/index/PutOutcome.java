package dev.linkcrawl.index;

/** What {@link LinkIndex#put} did. Both outcomes are success. */
public enum PutOutcome {
    /** The document is stored. */
    WRITTEN,
    /** A document crawled at the same time or later was already stored, and is kept. */
    STALE,
    /** The link was deleted after the document's save; the deletion stands. */
    DELETED
}
