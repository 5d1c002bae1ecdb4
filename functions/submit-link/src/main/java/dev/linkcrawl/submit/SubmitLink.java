package dev.linkcrawl.submit;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.limit.LimitName;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Saving a link: check the URL, derive its id, and queue it for crawling. Nothing is fetched. */
public final class SubmitLink {

    private final CrawlQueue queue;
    private final UrlPolicy policy;
    private final Clock clock;
    private final DailyLinks dailyLinks;

    /** Without a daily limit. */
    public SubmitLink(CrawlQueue queue, UrlPolicy policy, Clock clock) {
        this(queue, policy, clock, DailyLinks.UNLIMITED);
    }

    SubmitLink(CrawlQueue queue, UrlPolicy policy, Clock clock, DailyLinks dailyLinks) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.dailyLinks = Objects.requireNonNull(dailyLinks, "dailyLinks");
    }

    /** The outcome of a submission. */
    public sealed interface Outcome {
        /**
         * The link is on the queue. {@code uncounted} says why the daily limit could not be
         * checked, when it could not (the link is accepted all the same).
         */
        record Queued(LinkId id, LinkUrl url, Optional<String> uncounted) implements Outcome {
            public Queued(LinkId id, LinkUrl url) {
                this(id, url, Optional.empty());
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
                        : Optional.empty());
    }
}
