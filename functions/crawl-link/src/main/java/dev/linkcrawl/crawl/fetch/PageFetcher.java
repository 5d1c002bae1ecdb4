package dev.linkcrawl.crawl.fetch;

import dev.linkcrawl.url.LinkUrl;
import java.time.Instant;

/**
 * Fetches a page that a stranger asked for, safely: only public addresses are dialled, redirects
 * are checked hop by hop, the body is capped, and everything ends by one deadline.
 */
public interface PageFetcher {

    /**
     * Fetches {@code url}, following redirects, and returns by {@code deadline} (within a small
     * scheduling tolerance). Never throws for anything the remote side does: every failure is a
     * {@link FetchOutcome.Failed} with a code.
     *
     * @param deadline when the whole fetch must be over; see {@link FetchDeadline#of}
     */
    FetchOutcome fetch(LinkUrl url, Instant deadline);

    /**
     * Like {@link #fetch(LinkUrl, Instant)}, ending as {@link FailureCode#PREEMPTED} as soon as
     * {@code preemption} is {@linkplain Preemption#preempt() preempted}. A fetcher that cannot be
     * stopped simply finishes.
     */
    default FetchOutcome fetch(LinkUrl url, Instant deadline, Preemption preemption) {
        return fetch(url, deadline);
    }
}
