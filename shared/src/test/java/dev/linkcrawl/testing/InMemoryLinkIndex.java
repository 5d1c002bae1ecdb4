package dev.linkcrawl.testing;

import dev.linkcrawl.index.GoneChecks;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkHit;
import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.LinkPage;
import dev.linkcrawl.index.LinkQuery;
import dev.linkcrawl.index.PutOutcome;
import dev.linkcrawl.index.QueuedLinks;
import dev.linkcrawl.index.RecrawlCandidate;
import dev.linkcrawl.index.SortKey;
import dev.linkcrawl.index.StoredLink;
import dev.linkcrawl.link.LinkId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@link LinkIndex} in memory, for tests that need an index but not OpenSearch. It keeps the same
 * rules as the real one (verified by the same contract tests): crawls are ordered by {@code
 * crawledAt} in milliseconds, reads, deletes and searches are owner-scoped, filters and paging
 * behave the same. {@link #failWith} makes every call throw, to test what callers do when the index
 * is down. Thread-safe.
 *
 * <p>Its text search is deliberately simple, not an analyzer: the text is split into words at every
 * character that is not a letter or digit, and a link matches when each word occurs, ignoring case,
 * inside one of its fields (so {@code queue} also finds {@code queues}, but {@code queues} does not
 * find {@code queue}). Its score adds, for each word, the weight of the best field it occurs in,
 * with the same weights as the real index; highlights mark every occurrence.
 */
public final class InMemoryLinkIndex implements LinkIndex {

    /**
     * What is stored under an id: a document or the tombstone of a deleted one, with the version
     * the real index would give it (a crawl's {@code crawledAt}, plus one per scripted update).
     */
    private record Stored(
            LinkDocument document, String tombstoneOwner, Instant deletedAt, long version) {
        static Stored document(LinkDocument document, long version) {
            return new Stored(document, null, null, version);
        }

        boolean deleted() {
            return document == null;
        }
    }

    private final ConcurrentMap<LinkId, Stored> stored = new ConcurrentHashMap<>();
    private final AtomicReference<LinkIndexException.Reason> failure = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicInteger reads =
            new java.util.concurrent.atomic.AtomicInteger();
    private final Clock clock;

    public InMemoryLinkIndex() {
        this(Clock.systemUTC());
    }

    /** Dates tombstones with {@code clock}. */
    public InMemoryLinkIndex(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void ensureIndex() {
        checkAvailable();
    }

    /** Like the real index, reads what is stored (for a deletion) before it writes. */
    @Override
    public PutOutcome put(LinkId id, LinkDocument document) {
        reads.incrementAndGet();
        return write(id, document);
    }

    private PutOutcome write(LinkId id, LinkDocument document) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(document, "document");
        if (document.status() == LinkDocument.Status.QUEUED) {
            throw new IllegalArgumentException("a queued document goes through putQueued");
        }
        checkAvailable();
        long version = document.crawledAt().toEpochMilli();
        PutOutcome[] outcome = {PutOutcome.WRITTEN};
        stored.compute(
                id,
                (key, current) -> {
                    if (current != null
                            && current.deleted()
                            && new StoredLink(Optional.empty(), Optional.of(current.deletedAt()))
                                    .deletedSince(document)) {
                        outcome[0] = PutOutcome.DELETED;
                        return current;
                    }
                    if (current != null && current.version() >= version) {
                        outcome[0] = PutOutcome.STALE;
                        return current;
                    }
                    return Stored.document(document, version);
                });
        return outcome[0];
    }

    @Override
    public boolean putQueued(LinkId id, LinkDocument queued) {
        Objects.requireNonNull(id, "id");
        QueuedLinks.requireQueued(queued);
        checkAvailable();
        boolean[] written = {false};
        stored.compute(
                id,
                (key, current) -> {
                    if (current == null) {
                        written[0] = true;
                        return Stored.document(queued, 1);
                    }
                    if (current.deleted() && current.deletedAt().isBefore(queued.submittedAt())) {
                        written[0] = true;
                        return Stored.document(queued, current.version() + 1);
                    }
                    return current;
                });
        return written[0];
    }

    @Override
    public boolean recordAttempt(
            String owner,
            LinkId id,
            Instant attemptedAt,
            LinkDocument.Failure failure,
            Optional<GoneChecks> gone,
            List<String> tags,
            String note) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(gone, "gone");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(tags, "tags");
        checkAvailable();
        boolean[] changed = {false};
        stored.computeIfPresent(
                id,
                (key, current) -> {
                    if (current.deleted()
                            || !current.document().owner().equals(owner)
                            || current.document().status() == LinkDocument.Status.QUEUED) {
                        return current;
                    }
                    changed[0] = true;
                    LinkDocument.Builder builder = current.document().toBuilder();
                    LinkDocument.Status status = current.document().status();
                    if (status == LinkDocument.Status.CRAWLED
                            || status == LinkDocument.Status.GONE) {
                        builder.gone(gone)
                                .status(
                                        gone.filter(GoneChecks::gone).isPresent()
                                                ? LinkDocument.Status.GONE
                                                : LinkDocument.Status.CRAWLED);
                    }
                    return Stored.document(
                            builder.lastAttemptAt(attemptedAt)
                                    .lastFailure(failure)
                                    .tags(tags)
                                    .note(note)
                                    .build(),
                            current.version() + 1);
                });
        return changed[0];
    }

    @Override
    public StoredLink read(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        checkAvailable();
        reads.incrementAndGet();
        Optional<Stored> current = Optional.ofNullable(stored.get(id));
        return new StoredLink(
                current.map(Stored::document).filter(d -> d.owner().equals(owner)),
                current.filter(Stored::deleted).map(Stored::deletedAt));
    }

    /**
     * How many times a stored link was read: by {@link #get}, {@link #read} and {@link #put(LinkId,
     * LinkDocument)}, as the real index does.
     */
    public int reads() {
        return reads.get();
    }

    @Override
    public PutOutcome put(LinkId id, LinkDocument document, StoredLink before) {
        Objects.requireNonNull(before, "before");
        if (before.deletedSince(document)) {
            checkAvailable();
            return PutOutcome.DELETED;
        }
        return write(id, document);
    }

    @Override
    public boolean delete(String owner, LinkId id) {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(id, "id");
        checkAvailable();
        boolean[] deleted = {false};
        stored.computeIfPresent(
                id,
                (key, current) -> {
                    if (current.deleted() || !current.document().owner().equals(owner)) {
                        return current;
                    }
                    deleted[0] = true;
                    Instant now = clock.instant();
                    return new Stored(
                            null, owner, now, Math.max(now.toEpochMilli(), current.version() + 1));
                });
        return deleted[0];
    }

    /** Whether a tombstone of a deletion is stored under {@code id}. */
    public boolean deleted(LinkId id) {
        Stored current = stored.get(id);
        return current != null && current.deleted();
    }

    @Override
    public LinkPage search(LinkQuery query) {
        Objects.requireNonNull(query, "query");
        checkAvailable();
        List<String> words = query.text().map(InMemoryLinkIndex::words).orElse(List.of());
        boolean relevance = query.text().isPresent();
        List<Candidate> matches = new ArrayList<>();
        for (Map.Entry<LinkId, LinkDocument> entry : documents().entrySet()) {
            LinkDocument document = entry.getValue();
            if (!document.owner().equals(query.owner())
                    || !hasEveryTag(document, query.tags())
                    || query.status().map(s -> s != document.status()).orElse(false)
                    || query.type().map(t -> t != document.pageType()).orElse(false)
                    || (query.needsPage() && !Boolean.TRUE.equals(document.needsPage()))) {
                continue;
            }
            SortKey key;
            if (relevance) {
                OptionalDouble score = score(document, words);
                if (score.isEmpty()) {
                    continue;
                }
                key = new SortKey.Relevance((float) score.getAsDouble(), entry.getKey());
            } else {
                // As the real index: a queued link has no crawl time and sorts first.
                key =
                        new SortKey.Newest(
                                document.crawledAt() == null
                                        ? Long.MAX_VALUE
                                        : document.crawledAt().toEpochMilli(),
                                entry.getKey());
            }
            matches.add(new Candidate(key, document));
        }
        matches.sort(Comparator.comparing(Candidate::key, InMemoryLinkIndex::compare));
        List<Candidate> after =
                query.after()
                        .map(
                                start ->
                                        matches.stream()
                                                .filter(c -> compare(c.key(), start) > 0)
                                                .toList())
                        .orElse(matches);
        List<Candidate> page = after.subList(0, Math.min(query.size(), after.size()));
        List<LinkHit> hits = new ArrayList<>();
        for (Candidate candidate : page) {
            hits.add(hit(candidate, words));
        }
        Optional<SortKey> next =
                after.size() > query.size() ? Optional.of(page.getLast().key()) : Optional.empty();
        return new LinkPage(hits, next);
    }

    /**
     * From now on every call throws a {@link LinkIndexException} with {@code reason}; {@code null}
     * makes the index work again.
     */
    public void failWith(LinkIndexException.Reason reason) {
        failure.set(reason);
    }

    /** Every stored document by id, whoever owns it; tombstones are not documents. */
    public Map<LinkId, LinkDocument> documents() {
        Map<LinkId, LinkDocument> live = new LinkedHashMap<>();
        stored.forEach(
                (id, current) -> {
                    if (!current.deleted()) {
                        live.put(id, current.document());
                    }
                });
        return Map.copyOf(live);
    }

    private record Candidate(SortKey key, LinkDocument document) {}

    /** The weights of the real index: title 5, tags 3, site name and description 2, URLs 1.5. */
    private record Field(String name, double weight, Function<LinkDocument, String> value) {}

    private static final List<Field> FIELDS =
            List.of(
                    new Field("title", 5, LinkDocument::title),
                    new Field("tags", 3, d -> String.join(" ", d.tags())),
                    new Field("siteName", 2, LinkDocument::siteName),
                    new Field("description", 2, LinkDocument::description),
                    new Field("url", 1.5, LinkDocument::url),
                    new Field("finalUrl", 1.5, LinkDocument::finalUrl),
                    new Field("text", 1, LinkDocument::text));

    private static final Pattern NOT_A_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Around a match in the main text, this many characters on each side. */
    private static final int CONTEXT = 60;

    private static List<String> words(String text) {
        return Arrays.stream(NOT_A_WORD.split(text.toLowerCase(Locale.ROOT)))
                .filter(word -> !word.isEmpty())
                .distinct()
                .toList();
    }

    private static boolean hasEveryTag(LinkDocument document, List<String> tags) {
        Set<String> carried = new HashSet<>();
        document.tags().forEach(tag -> carried.add(tag.toLowerCase(Locale.ROOT)));
        return tags.stream().allMatch(tag -> carried.contains(tag.toLowerCase(Locale.ROOT)));
    }

    /** The score of a document for {@code words}, empty if one word is nowhere. */
    private static OptionalDouble score(LinkDocument document, List<String> words) {
        if (words.isEmpty()) {
            return OptionalDouble.empty();
        }
        double total = 0;
        for (String word : words) {
            double best = 0;
            for (Field field : FIELDS) {
                String value = field.value().apply(document);
                if (value != null && value.toLowerCase(Locale.ROOT).contains(word)) {
                    best = Math.max(best, field.weight());
                }
            }
            if (best == 0) {
                return OptionalDouble.empty();
            }
            total += best;
        }
        return OptionalDouble.of(total);
    }

    /** The real index's orders: score or crawl time descending, then id ascending. */
    private static int compare(SortKey a, SortKey b) {
        int primary =
                switch (a) {
                    case SortKey.Relevance r ->
                            Float.compare(((SortKey.Relevance) b).score(), r.score());
                    case SortKey.Newest n ->
                            Long.compare(
                                    ((SortKey.Newest) b).crawledAtMillis(), n.crawledAtMillis());
                };
        return primary != 0 ? primary : a.id().value().compareTo(b.id().value());
    }

    private static LinkHit hit(Candidate candidate, List<String> words) {
        LinkDocument d = candidate.document();
        Map<String, List<String>> highlight = new LinkedHashMap<>();
        if (!words.isEmpty()) {
            mark(d.title(), words, false).ifPresent(f -> highlight.put("title", List.of(f)));
            mark(d.description(), words, false)
                    .ifPresent(f -> highlight.put("description", List.of(f)));
            mark(d.text(), words, true).ifPresent(f -> highlight.put("text", List.of(f)));
        }
        return new LinkHit(
                candidate.key().id(),
                d.url(),
                d.finalUrl(),
                d.title(),
                d.description(),
                d.siteName(),
                d.image(),
                d.favicon(),
                d.status(),
                d.pageType(),
                d.crawledAt(),
                d.tags(),
                highlight);
    }

    /**
     * {@code value} (or, for a passage, the part around the first match) HTML-escaped with every
     * occurrence of a word in {@code <mark>}; empty when no word occurs.
     */
    private static Optional<String> mark(String value, List<String> words, boolean passage) {
        if (value == null) {
            return Optional.empty();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[value.length()];
        int first = -1;
        for (String word : words) {
            for (int at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) {
                Arrays.fill(marked, at, at + word.length(), true);
                first = first < 0 ? at : Math.min(first, at);
            }
        }
        if (first < 0) {
            return Optional.empty();
        }
        int from = passage ? Math.max(0, first - CONTEXT) : 0;
        int to = passage ? Math.min(value.length(), first + CONTEXT) : value.length();
        StringBuilder out = new StringBuilder();
        for (int i = from; i < to; i++) {
            boolean opens = marked[i] && (i == from || !marked[i - 1]);
            boolean closes = marked[i] && (i + 1 == to || !marked[i + 1]);
            if (opens) {
                out.append("<mark>");
            }
            escape(value.charAt(i), out);
            if (closes) {
                out.append("</mark>");
            }
        }
        return Optional.of(out.toString());
    }

    /** As Lucene's {@code SimpleHTMLEncoder}, the real index's {@code html} encoder. */
    private static void escape(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("&quot;");
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '\'' -> out.append("&#x27;");
            case '/' -> out.append("&#x2F;");
            default -> out.append(c);
        }
    }

    private void checkAvailable() {
        LinkIndexException.Reason reason = failure.get();
        if (reason != null) {
            throw new LinkIndexException(reason, 0, "the in-memory index is set to fail", null);
        }
    }

    @Override
    public int forEachDueForRecrawl(
            Instant crawledBefore, int limit, Consumer<RecrawlCandidate> visitor) {
        Objects.requireNonNull(crawledBefore, "crawledBefore");
        checkAvailable();
        List<Map.Entry<LinkId, LinkDocument>> due =
                documents().entrySet().stream()
                        .filter(
                                entry -> {
                                    LinkDocument document = entry.getValue();
                                    if (document.status() == LinkDocument.Status.QUEUED) {
                                        return false;
                                    }
                                    return lastAttempt(document).isBefore(crawledBefore)
                                            || (document.failure() != null
                                                    && document.failure().retryable());
                                })
                        .sorted(
                                // As the real index: documents without lastAttemptAt first.
                                Comparator.comparing(
                                                (Map.Entry<LinkId, LinkDocument> entry) ->
                                                        entry.getValue().lastAttemptAt() == null
                                                                ? Instant.MIN
                                                                : entry.getValue().lastAttemptAt())
                                        .thenComparing(entry -> entry.getValue().crawledAt())
                                        .thenComparing(entry -> entry.getKey().value()))
                        .limit(Math.max(0, limit))
                        .toList();
        for (Map.Entry<LinkId, LinkDocument> entry : due) {
            LinkDocument document = entry.getValue();
            visitor.accept(
                    new RecrawlCandidate(
                            entry.getKey(),
                            document.owner(),
                            document.url(),
                            document.submittedAt(),
                            document.tags(),
                            document.note()));
        }
        return due.size();
    }

    private static Instant lastAttempt(LinkDocument document) {
        return document.lastAttemptAt() != null ? document.lastAttemptAt() : document.crawledAt();
    }
}
