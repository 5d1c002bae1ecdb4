package dev.linkcrawl.testing;

import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.PutOutcome;
import dev.linkcrawl.link.LinkId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@link LinkIndex} in memory, for tests that need an index but not OpenSearch. It keeps the same
 * rules as the real one (verified by the same contract tests): crawls are ordered by {@code
 * crawledAt} in milliseconds, reads and deletes are owner-scoped. {@link #failWith} makes every
 * call throw, to test what callers do when the index is down. Thread-safe.
 */
public final class InMemoryLinkIndex implements LinkIndex {

    private final ConcurrentMap<LinkId, LinkDocument> documents = new ConcurrentHashMap<>();
    private final AtomicReference<LinkIndexException.Reason> failure = new AtomicReference<>();

    @Override
    public void ensureIndex() {
        checkAvailable();
    }

    @Override
    public PutOutcome put(LinkId id, LinkDocument document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        checkAvailable();
        long version = document.crawledAt().toEpochMilli();
        boolean[] written = {false};
        documents.compute(
                id,
                (key, stored) -> {
                    if (stored != null && stored.crawledAt().toEpochMilli() >= version) {
                        return stored;
                    }
                    written[0] = true;
                    return document;
                });
        return written[0] ? PutOutcome.WRITTEN : PutOutcome.STALE;
    }

    @Override
    public Optional<LinkDocument> get(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        checkAvailable();
        return Optional.ofNullable(documents.get(id)).filter(d -> d.owner().equals(owner));
    }

    @Override
    public boolean delete(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        checkAvailable();
        LinkDocument stored = documents.get(id);
        return stored != null && stored.owner().equals(owner) && documents.remove(id, stored);
    }

    /**
     * From now on every call throws a {@link LinkIndexException} with {@code reason}; {@code null}
     * makes the index work again.
     */
    public void failWith(LinkIndexException.Reason reason) {
        failure.set(reason);
    }

    /** Every stored document by id, whoever owns it. */
    public Map<LinkId, LinkDocument> documents() {
        return Map.copyOf(documents);
    }

    private void checkAvailable() {
        LinkIndexException.Reason reason = failure.get();
        if (reason != null) {
            throw new LinkIndexException(reason, 0, "the in-memory index is set to fail", null);
        }
    }
}
