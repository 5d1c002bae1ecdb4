package dev.linkcrawl.submit;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.index.LinkIndexException;
import dev.linkcrawl.index.QueuedLinks;
import dev.linkcrawl.limit.LimitName;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Saving a link: check the URL, derive its id, queue it for crawling, and show it as {@code queued}
 * in the index. Nothing is fetched.
 */
public final class SubmitLink {

    private final CrawlQueue queue;
    private final UrlPolicy policy;
    private final Clock clock;
    private final DailyLinks dailyLinks;
    private final Optional<QueuedLinks> listing;

    /** How long saves leave the index alone after it failed to count or show a link. */
    static final Duration INDEX_PAUSE = Duration.ofSeconds(10);

    private final FailurePause listingPause = new FailurePause(INDEX_PAUSE);

    /** Without a daily limit, and without showing queued links before their crawl. */
    public SubmitLink(CrawlQueue queue, UrlPolicy policy, Clock clock) {
        this(queue, policy, clock, DailyLinks.UNLIMITED, Optional.empty());
    }

    /**
     * @param listing where a queued link is shown until its crawl writes it; empty to show it only
     *     once crawled
     */
    SubmitLink(
            CrawlQueue queue,
            UrlPolicy policy,
            Clock clock,
            DailyLinks dailyLinks,
            Optional<QueuedLinks> listing) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dailyLinks = Objects.requireNonNull(dailyLinks, "dailyLinks");
        this.listing = Objects.requireNonNull(listing, "listing");
    }

    /** The outcome of a submission. */
    public sealed interface Outcome {
        /**
         * The link is on the queue. {@code uncounted} says why the daily limit could not be
         * checked, when it could not, and {@code unlisted} why the link could not be shown as
         * queued (it shows once crawled); the link is accepted all the same.
         */
        record Queued(LinkId id, LinkUrl url, Optional<String> uncounted, Optional<String> unlisted)
                implements Outcome {
            public Queued(LinkId id, LinkUrl url) {
                this(id, url, Optional.empty(), Optional.empty());
            }
        }

        /** The link was refused; nothing was queued. */
        record Refused(Problem problem) implements Outcome {}

        /** The owner saved as many links today as the limit allows; nothing was queued. */
        record LimitReached(Problem problem, Duration retryAfter) implements Outcome {}

        /**
         * The queue did not confirm the link: usually nothing was queued, but a queue that answered
         * too late may still have stored it. Retrying is safe: the same link has the same id.
         */
        record QueueUnavailable(Problem problem) implements Outcome {}
    }

    public Outcome submit(String owner, SubmitRequest request) {
        Objects.requireNonNull(owner, "owner");
        LinkUrl url;
        switch (LinkUrl.check(request.url(), policy)) {
            case UrlCheck.Accepted accepted -> url = accepted.url();
            case UrlCheck.Rejected rejected -> {
                ProblemType type =
                        rejected.problem().status() == 422
                                ? ProblemType.URL_REFUSED
                                : ProblemType.INVALID_URL;
                return new Outcome.Refused(
                        Problem.of(type, rejected.detail(), "/url", rejected.problem().code()));
            }
        }
        DailyLinks.Admission admission = dailyLinks.admit(owner, clock.instant());
        if (admission instanceof DailyLinks.Admission.Reached reached) {
            return new Outcome.LimitReached(
                    Problem.limitReached(
                            LimitName.LINKS_PER_DAY,
                            reached.perDay(),
                            "this account saved "
                                    + reached.perDay()
                                    + " links today (UTC), the most allowed a day; saving opens"
                                    + " again at midnight UTC (imports have their own limits)"),
                    reached.retryAfter());
        }
        LinkId id = LinkId.of(owner, url);
        CrawlMessage message =
                new CrawlMessage(
                        id,
                        url.value(),
                        owner,
                        clock.instant(),
                        CrawlSource.API,
                        request.tags(),
                        request.note());
        try {
            queue.send(message);
        } catch (QueueUnavailableException e) {
            return new Outcome.QueueUnavailable(
                    Problem.of(
                            ProblemType.QUEUE_UNAVAILABLE,
                            "the crawl queue did not confirm the link, so it may not be saved;"
                                    + " try again shortly (saving the same link again is safe)"));
        }
        return new Outcome.Queued(
                id,
                url,
                admission instanceof DailyLinks.Admission.Uncounted uncounted
                        ? uncounted.why()
                        : Optional.empty(),
                list(id, message));
    }

    /**
     * Shows the link as queued, after the queue took it: a link shown but never queued would stay
     * queued forever. An index that fails or is slow costs the listing, never the save.
     */
    private Optional<String> list(LinkId id, CrawlMessage message) {
        if (listing.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (listingPause.paused(now)) {
            return Optional.of("showing links as queued: " + listingPause.why());
        }
        LinkDocument queued =
                LinkDocument.builder(
                                message.owner(), message.url(), LinkDocument.Status.QUEUED, null)
                        .urlHash(LinkId.urlHash(message.url()))
                        .submittedAt(message.submittedAt())
                        .tags(message.tags())
                        .note(message.note())
                        .build();
        try {
            listing.get().putQueued(id, queued);
            return Optional.empty();
        } catch (LinkIndexException e) {
            listingPause.failed(now);
            return Optional.of(e.getMessage());
        }
    }
}
