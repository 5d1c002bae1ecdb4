package dev.linkcrawl.submit;

import dev.linkcrawl.api.Problem;
import dev.linkcrawl.api.ProblemType;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.url.LinkUrl;
import dev.linkcrawl.url.UrlCheck;
import dev.linkcrawl.url.UrlPolicy;
import java.time.Clock;
import java.util.Objects;

/** Saving a link: check the URL, derive its id, and queue it for crawling. Nothing is fetched. */
public final class SubmitLink {

    private final CrawlQueue queue;
    private final UrlPolicy policy;
    private final Clock clock;

    public SubmitLink(CrawlQueue queue, UrlPolicy policy, Clock clock) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The outcome of a submission. */
    public sealed interface Outcome {
        /** The link is on the queue. */
        record Queued(LinkId id, LinkUrl url) implements Outcome {}

        /** The link was refused; nothing was queued. */
        record Refused(Problem problem) implements Outcome {}

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
        return new Outcome.Queued(id, url);
    }
}
