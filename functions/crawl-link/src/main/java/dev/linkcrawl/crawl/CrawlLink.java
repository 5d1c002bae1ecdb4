package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.extract.ExtractBudget;
import dev.linkcrawl.crawl.extract.ExtractBudgetExceededException;
import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FailureCode;
import dev.linkcrawl.crawl.fetch.FetchOutcome;
import dev.linkcrawl.crawl.fetch.PageFetcher;
import dev.linkcrawl.crawl.fetch.Preemption;
import dev.linkcrawl.crawl.fetch.Redirect;
import dev.linkcrawl.crawl.gone.GoneSign;
import dev.linkcrawl.index.DocumentLimits;
import dev.linkcrawl.index.GoneChecks;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkIndex;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.PutOutcome;
import dev.linkcrawl.index.StoredLink;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Crawling one saved link: re-check its URL, fetch it, extract it and write the result to the
 * index. A permanent failure is written as a {@code failed} document; a transient one is handed
 * back for redelivery, and written as {@code failed} with {@code retryable: true} on the last
 * delivery, so the user sees it before the message moves to the dead-letter queue.
 */
public final class CrawlLink {

    private final PageFetcher fetcher;
    private final PageExtractor extractor;
    private final LinkIndex index;
    private final UrlPolicy policy;
    private final Clock clock;
    private final int maxReceives;
    private final LongSupplier nanoTime;
    private final Duration extractBudget;

    /**
     * How much CPU time parsing and extracting one page may take: 10 seconds (and never past {@link
     * #EXTRACT_AFTER_FETCH_DEADLINE} on the clock, which is what keeps the invocation within its
     * timeout). CPU time, so that crawls running beside each other (as on the dev stack, or a busy
     * machine) do not spend one another's budget. Ordinary pages take milliseconds; of the
     * adversarial 5 MiB pages of {@code HostileMarkupBench}, 4.5 MB of quote-heavy paragraphs took
     * 1 to 1.6 s warm, one element with a million attributes 3.4 s, and a table of 500,000 cells
     * 4.8 to 15 s (its worst with a 1 GiB heap on a busy machine); a cold function (the interpreter
     * and C1 only) takes several times longer on its first big page, which 5 s did not always
     * cover.
     */
    static final Duration EXTRACT_BUDGET = Duration.ofSeconds(10);

    /**
     * How far past the fetch deadline extraction may run: 2 seconds of the 5 the handler keeps back
     * after the fetch ({@link CrawlDeadlines#INDEXING_MARGIN}), so an index write (2 s to connect,
     * 3 s to answer at most, usually milliseconds) still fits before the function's timeout.
     */
    static final Duration EXTRACT_AFTER_FETCH_DEADLINE = Duration.ofSeconds(2);

    /**
     * @param maxReceives the queue's {@code maxReceiveCount} (default 5): the delivery with this
     *     count is the last one before the dead-letter queue
     */
    public CrawlLink(
            PageFetcher fetcher,
            PageExtractor extractor,
            LinkIndex index,
            UrlPolicy policy,
            Clock clock,
            int maxReceives) {
        this(fetcher, extractor, index, policy, clock, maxReceives, System::nanoTime);
    }

    /** Times the stages with {@code nanoTime} (tests pass a scripted one). */
    CrawlLink(
            PageFetcher fetcher,
            PageExtractor extractor,
            LinkIndex index,
            UrlPolicy policy,
            Clock clock,
            int maxReceives,
            LongSupplier nanoTime) {
        this(fetcher, extractor, index, policy, clock, maxReceives, nanoTime, EXTRACT_BUDGET);
    }

    /** With its own extraction budget (tests pass a budget that has run out). */
    CrawlLink(
            PageFetcher fetcher,
            PageExtractor extractor,
            LinkIndex index,
            UrlPolicy policy,
            Clock clock,
            int maxReceives,
            LongSupplier nanoTime,
            Duration extractBudget) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.extractBudget = Objects.requireNonNull(extractBudget, "extractBudget");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.index = Objects.requireNonNull(index, "index");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxReceives < 1) {
            throw new IllegalArgumentException("maxReceives must be at least 1");
        }
        this.maxReceives = maxReceives;
    }

    /** What became of one delivery of a crawl message. */
    public sealed interface Outcome {
        /** A document is in the index (crawled or failed); the message is done. */
        record Indexed(LinkDocument.Status status, String failureCode) implements Outcome {}

        /**
         * The attempt failed with {@code failureCode}, and the page crawled before stays in the
         * index: a failed re-crawl never replaces a page the user already has. The attempt and the
         * save's tags and note are recorded on it.
         */
        record Kept(String failureCode) implements Outcome {}

        /**
         * The attempt found the page gone ({@code failureCode}) and so had {@link
         * GoneChecks#GONE_AFTER} attempts in a row before it, at least: the link is {@code gone}
         * since {@code since}, and the page crawled before stays in the index.
         */
        record Gone(String failureCode, Instant since) implements Outcome {}

        /**
         * The owner deleted the link after this save: nothing was written, and the message is done
         * (saving the link again is a new save).
         */
        record Deleted() implements Outcome {}

        /**
         * The message must come back: a transient failure on a delivery before the last, or an
         * index that could not take the document. On the last delivery this sends it to the DLQ.
         * {@code retryAfter} is how long the site asked to wait, if it did.
         */
        /**
         * The fetch stopped to give its slot to other owners' links ({@link
         * dev.linkcrawl.crawl.fetch.Preemption}); nothing was written, and the link is put back.
         */
        record Preempted() implements Outcome {}

        record Redeliver(String reason, Optional<Duration> retryAfter) implements Outcome {
            public Redeliver {
                Objects.requireNonNull(reason, "reason");
                Objects.requireNonNull(retryAfter, "retryAfter");
            }

            public Redeliver(String reason) {
                this(reason, Optional.empty());
            }
        }
    }

    /**
     * How long each stage of one crawl took, on the monotonic clock. A stage the crawl did not
     * reach is empty: a refused URL is never fetched, only an HTML page is extracted (parsed and
     * turned into a document), and a transient failure before the last delivery is not indexed. An
     * index write that failed still counts its time.
     */
    public record Stages(
            Optional<Duration> fetch, Optional<Duration> extract, Optional<Duration> index) {
        public Stages {
            Objects.requireNonNull(fetch, "fetch");
            Objects.requireNonNull(extract, "extract");
            Objects.requireNonNull(index, "index");
        }
    }

    /**
     * What became of one delivery, and where its time went.
     *
     * @param title the title the link shows after this delivery (the new page's, or the kept
     *     one's), if any
     */
    public record Result(Outcome outcome, Stages stages, Optional<String> title) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(stages, "stages");
            Objects.requireNonNull(title, "title");
        }

        public Result(Outcome outcome, Stages stages) {
            this(outcome, stages, Optional.empty());
        }
    }

    /** What a delivery wrote, and the title the link shows after it. */
    private record Written(Outcome outcome, String title) {}

    /**
     * Crawls the link of one delivery.
     *
     * @param receiveCount how many times the queue has delivered this message, this one included
     * @param deadline when the fetch must be over (see {@code FetchDeadline})
     */
    public Result crawl(CrawlMessage message, int receiveCount, Instant deadline) {
        return crawl(message, receiveCount, deadline, Preemption.never());
    }

    /**
     * Crawls the link of one delivery; {@code preemption} can stop its fetch, which then ends as
     * {@link Outcome.Preempted} with nothing written.
     */
    public Result crawl(
            CrawlMessage message, int receiveCount, Instant deadline, Preemption preemption) {
        Instant crawledAt = clock.instant();
        Optional<Duration> fetch = Optional.empty();
        Optional<Duration> extract = Optional.empty();
        LinkDocument document;
        Optional<GoneSign> gone = Optional.empty();
        switch (LinkUrl.check(message.url(), policy)) {
            case UrlCheck.Rejected rejected ->
                    document =
                            failed(
                                            message,
                                            crawledAt,
                                            CrawlFailures.codeOf(rejected.problem()),
                                            rejected.detail(),
                                            false)
                                    .build();
            case UrlCheck.Accepted accepted -> {
                long fetchStarted = nanoTime.getAsLong();
                FetchOutcome fetched = fetcher.fetch(accepted.url(), deadline, preemption);
                long extractStarted = nanoTime.getAsLong();
                fetch = Optional.of(Duration.ofNanos(extractStarted - fetchStarted));
                if (fetched instanceof FetchOutcome.Failed failure
                        && failure.code() == FailureCode.PREEMPTED) {
                    return new Result(
                            new Outcome.Preempted(), new Stages(fetch, extract, Optional.empty()));
                }
                if (fetched instanceof FetchOutcome.Failed failure
                        && failure.retryable()
                        && receiveCount < maxReceives) {
                    return new Result(
                            new Outcome.Redeliver("transient fetch failure", failure.retryAfter()),
                            new Stages(fetch, extract, Optional.empty()));
                }
                Attempt attempt = attempt(message, crawledAt, fetched, deadline);
                document = attempt.document();
                gone = attempt.gone();
                if (fetched instanceof FetchOutcome.Page) {
                    extract = Optional.of(since(extractStarted));
                }
            }
        }
        // Whatever the page held, no value may make the index refuse the write or a read pass
        // Lambda's response limit.
        document = DocumentLimits.cap(document);
        long indexStarted = nanoTime.getAsLong();
        Written written;
        try {
            // A failure, or a page that says the saved one is gone, never replaces a page crawled
            // before: it is recorded on it, and counted towards gone. Nor does a page that reads
            // less than the one the owner sent (ClientPageRule).
            StoredLink stored = index.read(message.owner(), message.id());
            Optional<LinkDocument> before = pageBefore(stored, crawledAt);
            Optional<LinkDocument.Failure> keptFor =
                    before.isPresent() ? whyKept(before.get(), document, gone) : Optional.empty();
            if (keptFor.isPresent()) {
                written = keep(message, crawledAt, before.get(), keptFor.get(), gone.isPresent());
            } else if (index.put(message.id(), document, stored) == PutOutcome.DELETED) {
                written = new Written(new Outcome.Deleted(), null);
            } else {
                written = new Written(outcomeOf(document), document.title());
            }
        } catch (LinkIndexException e) {
            written =
                    e.reason() == LinkIndexException.Reason.REJECTED
                            ? refused(message, crawledAt, e)
                            : new Written(
                                    new Outcome.Redeliver("index unavailable: " + e.reason()),
                                    null);
        }
        return new Result(
                written.outcome(),
                new Stages(fetch, extract, Optional.of(since(indexStarted))),
                Optional.ofNullable(written.title()));
    }

    /**
     * Records a failed attempt on the page crawled before ({@code before}), which stays, and counts
     * it towards gone when it found the page gone ({@link GoneChecks#after}).
     */
    private Written keep(
            CrawlMessage message,
            Instant attemptAt,
            LinkDocument before,
            LinkDocument.Failure failure,
            boolean foundGone) {
        Optional<GoneChecks> checks = GoneChecks.after(GoneChecks.of(before), foundGone, attemptAt);
        index.recordAttempt(
                message.owner(),
                message.id(),
                attemptAt,
                failure,
                checks,
                message.tags(),
                message.note());
        if (failure.retryable()) {
            return new Written(
                    new Outcome.Redeliver(
                            "last delivery failed transiently; the page crawled before is kept"),
                    before.title());
        }
        return new Written(
                checks.filter(GoneChecks::gone)
                        .<Outcome>map(gone -> new Outcome.Gone(failure.code(), gone.since()))
                        .orElse(new Outcome.Kept(failure.code())),
                before.title());
    }

    /**
     * The index refused this link's document (a 400 or 413: a mapping conflict, a term or document
     * too large). The same document would be refused on every delivery, so instead of five
     * deliveries and a dead-letter entry the link gets a minimal {@code failed} document, which
     * holds nothing from the page ({@link FailureCode#INDEX_REJECTED}), and the message is done. A
     * page crawled before is kept, as after any failed attempt. Only when the index refuses even
     * that document (its mapping is broken for every link) does the message go on to the
     * dead-letter queue, where an operator sees it.
     */
    private Written refused(CrawlMessage message, Instant crawledAt, LinkIndexException e) {
        LinkDocument minimal =
                failed(
                                message,
                                crawledAt,
                                FailureCode.INDEX_REJECTED,
                                "the search index refused this page's document (HTTP "
                                        + e.httpStatus()
                                        + ")",
                                false)
                        .build();
        try {
            StoredLink stored = index.read(message.owner(), message.id());
            Optional<LinkDocument> before = pageBefore(stored, crawledAt);
            if (before.isPresent()) {
                return keep(message, crawledAt, before.get(), minimal.failure(), false);
            }
            if (index.put(message.id(), minimal, stored) == PutOutcome.DELETED) {
                return new Written(new Outcome.Deleted(), null);
            }
            return new Written(outcomeOf(minimal), null);
        } catch (LinkIndexException again) {
            return new Written(
                    new Outcome.Redeliver(
                            "index refused the document, then failed on its minimal one: "
                                    + again.reason()),
                    null);
        }
    }

    /**
     * Why {@code attempt} leaves {@code page}, the page the link had, as it is: a failure, a sign
     * that the page is gone, or less than the page the owner sent; empty when it replaces it.
     */
    private static Optional<LinkDocument.Failure> whyKept(
            LinkDocument page, LinkDocument attempt, Optional<GoneSign> gone) {
        if (attempt.status() == LinkDocument.Status.FAILED) {
            return Optional.of(attempt.failure());
        }
        if (gone.isPresent()) {
            return Optional.of(CrawlFailures.gone(gone.get()));
        }
        if (page.source() == LinkDocument.PageSource.CLIENT
                && !ClientPageRule.replaces(attempt, page)) {
            return Optional.of(CrawlFailures.lessThanSentPage(attempt, page));
        }
        return Optional.empty();
    }

    /** The page of this link crawled before {@code attemptAt} (crawled or gone), if any. */
    private static Optional<LinkDocument> pageBefore(StoredLink link, Instant attemptAt) {
        return link.document()
                .filter(
                        stored ->
                                stored.status() == LinkDocument.Status.CRAWLED
                                        || stored.status() == LinkDocument.Status.GONE)
                .filter(stored -> stored.crawledAt().isBefore(attemptAt));
    }

    private static Outcome outcomeOf(LinkDocument document) {
        if (document.status() == LinkDocument.Status.FAILED && document.failure().retryable()) {
            // The last delivery failed transiently: the document tells the user, and the message
            // still goes to the dead-letter queue where an operator sees it.
            return new Outcome.Redeliver("last delivery failed transiently");
        }
        return new Outcome.Indexed(
                document.status(), document.failure() == null ? null : document.failure().code());
    }

    private Duration since(long started) {
        return Duration.ofNanos(nanoTime.getAsLong() - started);
    }

    /**
     * How long parsing and extracting may run on the clock: until {@link
     * #EXTRACT_AFTER_FETCH_DEADLINE} after the fetch deadline; zero when that has passed.
     */
    static Duration untilPastFetchDeadline(Instant now, Instant fetchDeadline) {
        Duration left = Duration.between(now, fetchDeadline.plus(EXTRACT_AFTER_FETCH_DEADLINE));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * What one fetch made of the link: its document, and the sign that the page is gone, if the
     * fetch saw one ({@link GoneSign}).
     */
    private record Attempt(LinkDocument document, Optional<GoneSign> gone) {
        Attempt(LinkDocument document) {
            this(document, Optional.empty());
        }
    }

    private Attempt attempt(
            CrawlMessage message, Instant crawledAt, FetchOutcome fetched, Instant deadline) {
        return switch (fetched) {
            case FetchOutcome.Page page -> {
                ExtractedPage extracted;
                try {
                    extracted =
                            extractor.extract(
                                    page.html(),
                                    page.finalUrl().value(),
                                    ExtractBudget.of(
                                            extractBudget,
                                            untilPastFetchDeadline(clock.instant(), deadline)));
                } catch (ExtractBudgetExceededException e) {
                    // The same page costs the same on every delivery: recorded, not retried.
                    yield new Attempt(
                            failed(
                                            message,
                                            crawledAt,
                                            FailureCode.EXTRACT_BUDGET,
                                            e.getMessage(),
                                            false)
                                    .finalUrl(page.finalUrl().value())
                                    .redirects(redirects(page.redirects()))
                                    .httpStatus(page.status())
                                    .contentType(page.contentType())
                                    .bytes(page.bytes())
                                    .truncated(page.truncated())
                                    .fetchMs(page.fetchMs())
                                    .build());
                }
                LinkDocument.Builder builder =
                        base(message, crawledAt, LinkDocument.Status.CRAWLED)
                                .finalUrl(page.finalUrl().value())
                                .redirects(redirects(page.redirects()))
                                .httpStatus(page.status())
                                .contentType(page.contentType())
                                .bytes(page.bytes())
                                .truncated(page.truncated())
                                .fetchMs(page.fetchMs());
                if (extracted.challenge().blocksPage()) {
                    yield new Attempt(
                            builder.status(LinkDocument.Status.FAILED)
                                    .failure(CrawlFailures.challenge(extracted.challenge()))
                                    .needsPage(true)
                                    .build());
                }
                Optional<GoneSign> gone =
                        GoneSign.ofPage(
                                message.url(),
                                page.finalUrl().value(),
                                page.html(),
                                extracted.title(),
                                extracted.text(),
                                extracted.wordCount());
                LinkDocument document =
                        PageFields.onto(builder, extracted)
                                .needsPage(
                                        UnreadablePage.needsPage(
                                                        extracted.challenge(),
                                                        extracted.wordCount(),
                                                        page.html())
                                                ? true
                                                : null)
                                .build();
                yield new Attempt(document, gone);
            }
            case FetchOutcome.NotHtml other ->
                    new Attempt(
                            base(message, crawledAt, LinkDocument.Status.CRAWLED)
                                    .finalUrl(other.finalUrl().value())
                                    .redirects(redirects(other.redirects()))
                                    .httpStatus(other.status())
                                    .contentType(other.contentType())
                                    .bytes(other.bytes())
                                    .truncated(other.truncated())
                                    .fetchMs(other.fetchMs())
                                    .title(other.fileName().orElse(null))
                                    .build());
            case FetchOutcome.Failed failure ->
                    new Attempt(
                            failed(
                                            message,
                                            crawledAt,
                                            failure.code(),
                                            failure.detail(),
                                            failure.retryable())
                                    .finalUrl(failure.url().value())
                                    .redirects(redirects(failure.redirects()))
                                    .httpStatus(
                                            failure.httpStatus().isPresent()
                                                    ? failure.httpStatus().getAsInt()
                                                    : null)
                                    .fetchMs(failure.fetchMs())
                                    .build(),
                            GoneSign.ofFailure(failure.code(), failure.httpStatus()));
        };
    }

    private static LinkDocument.Builder failed(
            CrawlMessage message,
            Instant crawledAt,
            FailureCode code,
            String detail,
            boolean retryable) {
        return base(message, crawledAt, LinkDocument.Status.FAILED)
                .failure(CrawlFailures.failure(code, detail, retryable));
    }

    private static LinkDocument.Builder base(
            CrawlMessage message, Instant crawledAt, LinkDocument.Status status) {
        return LinkDocument.builder(message.owner(), message.url(), status, crawledAt)
                .urlHash(LinkId.urlHash(message.url()))
                .submittedAt(message.submittedAt())
                .lastAttemptAt(crawledAt)
                .tags(message.tags())
                .note(message.note());
    }

    private static List<LinkDocument.Redirect> redirects(List<Redirect> hops) {
        return hops.stream()
                .map(hop -> new LinkDocument.Redirect(hop.url(), hop.status()))
                .toList();
    }
}
