package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.extract.ExtractBudget;
import dev.linkcrawl.crawl.extract.ExtractBudgetExceededException;
import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.PageCharset;
import dev.linkcrawl.index.DocumentLimits;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.link.ClientPageKey;
import dev.linkcrawl.link.LinkId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A page the owner's client sent for a saved link ({@code POST /links/{id}/page}), read into the
 * link's document instead of a fetch: the same extraction as a crawled page, written as {@code
 * crawled} with {@code source: client} and the time it was sent, {@code needsPage} cleared. The
 * document's URL, id, tags and note stay those of the saved link: nothing in the page can move the
 * link elsewhere, and the URL rules are run on nothing in it.
 *
 * <p>An upload that names no page, no link of its owner, is too large, is itself an interstitial or
 * runs past the extraction budget is ignored (it would be again on every retry); the object is
 * deleted once it is read into the link or ignored. A bucket or an index that cannot answer is
 * thrown, for the invocation to be retried.
 */
final class ClientPage {

    private final ClientPageObjects objects;
    private final PageExtractor extractor;
    private final LinkIndex index;
    private final Clock clock;
    private final long maxBytes;

    /**
     * @param maxBytes the crawl's fetch cap ({@code MAX_BODY_BYTES}): a sent page is held to the
     *     size a fetched one is read to
     */
    ClientPage(
            ClientPageObjects objects,
            PageExtractor extractor,
            LinkIndex index,
            Clock clock,
            long maxBytes) {
        this.objects = Objects.requireNonNull(objects, "objects");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.index = Objects.requireNonNull(index, "index");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxBytes = maxBytes;
    }

    /**
     * An object created under {@code pages/}, as its notification tells it.
     *
     * @param key the decoded object key
     * @param size the object's size in bytes
     * @param sentAt when the object was created
     */
    record Upload(String bucket, String key, long size, Instant sentAt) {
        Upload {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(sentAt, "sentAt");
        }
    }

    /** Why an upload is not read into a link. */
    enum Ignored {
        /** The key is not {@code pages/<owner>/<link id>/<name>.html}. */
        NOT_A_PAGE_KEY("not_a_page_key"),
        /** Larger than the fetch cap. */
        TOO_LARGE("too_large"),
        /** The owner has no such link (never saved, or deleted). */
        NO_SUCH_LINK("no_such_link"),
        /** The object is gone (read and deleted by an earlier delivery of the same event). */
        MISSING("missing"),
        /** The page sent is an interstitial itself (a bot check, a JavaScript or consent wall). */
        NOT_THE_PAGE("not_the_page"),
        /** Parsing and extracting it ran past its budget. */
        EXTRACT_BUDGET("extract_budget"),
        /** The index refused the document, as it would on every retry. */
        INDEX_REJECTED("index_rejected"),
        /** A later crawl or page is already written. */
        STALE("stale");

        private final String code;

        Ignored(String code) {
            this.code = code;
        }

        /** The stable snake_case code written in the function's answer and logs. */
        String code() {
            return code;
        }
    }

    /** What became of one upload. */
    sealed interface Outcome {
        /** The page is the link's document now. */
        record Written(LinkId id, LinkDocument document) implements Outcome {}

        record Skipped(Ignored reason) implements Outcome {}
    }

    /**
     * Reads {@code upload} into its link.
     *
     * @param extractBefore when parsing and extracting must be over on the clock (the CPU budget is
     *     {@link CrawlLink#EXTRACT_BUDGET} as for a crawl)
     * @throws PageStorageException when the bucket cannot answer
     * @throws LinkIndexException when the index cannot answer and may later
     */
    Outcome take(Upload upload, Instant extractBefore) {
        Optional<ClientPageKey> key = ClientPageKey.parse(upload.key());
        if (key.isEmpty()) {
            return done(upload, Ignored.NOT_A_PAGE_KEY);
        }
        if (upload.size() > maxBytes) {
            return done(upload, Ignored.TOO_LARGE);
        }
        Optional<LinkDocument> saved = index.get(key.get().owner(), key.get().link());
        if (saved.isEmpty()) {
            return done(upload, Ignored.NO_SUCH_LINK);
        }
        Optional<byte[]> bytes = objects.read(upload.bucket(), upload.key(), maxBytes);
        if (bytes.isEmpty()) {
            return new Outcome.Skipped(Ignored.MISSING);
        }
        if (bytes.get().length > maxBytes) {
            return done(upload, Ignored.TOO_LARGE);
        }
        Outcome outcome = write(key.get().link(), saved.get(), upload, bytes.get(), extractBefore);
        objects.delete(upload.bucket(), upload.key());
        return outcome;
    }

    private Outcome write(
            LinkId id, LinkDocument saved, Upload upload, byte[] bytes, Instant extractBefore) {
        String base = saved.finalUrl() != null ? saved.finalUrl() : saved.url();
        ExtractedPage page;
        try {
            Duration wall = Duration.between(clock.instant(), extractBefore);
            page =
                    extractor.extract(
                            PageCharset.decodeSent(bytes).text(),
                            base,
                            ExtractBudget.of(
                                    CrawlLink.EXTRACT_BUDGET,
                                    wall.isNegative() ? Duration.ZERO : wall));
        } catch (ExtractBudgetExceededException e) {
            return new Outcome.Skipped(Ignored.EXTRACT_BUDGET);
        }
        if (page.challenge().blocksPage()) {
            return new Outcome.Skipped(Ignored.NOT_THE_PAGE);
        }
        Instant now = clock.instant();
        LinkDocument document =
                DocumentLimits.cap(
                        PageFields.onto(
                                        LinkDocument.builder(
                                                        saved.owner(),
                                                        saved.url(),
                                                        LinkDocument.Status.CRAWLED,
                                                        now)
                                                .urlHash(LinkId.urlHash(saved.url()))
                                                .submittedAt(saved.submittedAt())
                                                .tags(saved.tags())
                                                .note(saved.note())
                                                .finalUrl(base)
                                                .redirects(saved.redirects())
                                                .contentType("text/html")
                                                .bytes((long) bytes.length)
                                                .truncated(false)
                                                .lastAttemptAt(now)
                                                .source(LinkDocument.PageSource.CLIENT)
                                                .pageSentAt(upload.sentAt()),
                                        page)
                                .build());
        try {
            return switch (index.put(id, document)) {
                case WRITTEN -> new Outcome.Written(id, document);
                case STALE -> new Outcome.Skipped(Ignored.STALE);
                case DELETED -> new Outcome.Skipped(Ignored.NO_SUCH_LINK);
            };
        } catch (LinkIndexException e) {
            if (e.retryable()) {
                throw e;
            }
            return new Outcome.Skipped(Ignored.INDEX_REJECTED);
        }
    }

    /** Ignores {@code upload} for {@code reason}, and deletes it. */
    private Outcome done(Upload upload, Ignored reason) {
        objects.delete(upload.bucket(), upload.key());
        return new Outcome.Skipped(reason);
    }
}
