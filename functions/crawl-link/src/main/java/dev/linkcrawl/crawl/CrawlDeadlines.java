package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.Context;
import dev.linkcrawl.crawl.fetch.FetchDeadline;
import java.time.Duration;
import java.time.Instant;

/**
 * When one crawl's fetch must end and when its invocation ends. The fetch keeps {@link
 * #INDEXING_MARGIN} of the invocation's time for extraction and indexing, so a slow page still
 * leaves time to write what became of it.
 *
 * @param fetch the fetch's deadline ({@link FetchDeadline#of})
 * @param invocationEnd when Lambda stops the invocation
 */
record CrawlDeadlines(Instant fetch, Instant invocationEnd) {

    /** Time kept back after the fetch for extraction and indexing: 5 seconds. */
    static final Duration INDEXING_MARGIN = Duration.ofSeconds(5);

    /**
     * The deadlines of a crawl that starts at {@code startedAt}: the configured fetch deadline,
     * shortened to what the invocation has left less {@link #INDEXING_MARGIN}. Without a Lambda
     * context (tests, tools) the fetch gets its whole configured deadline.
     */
    static CrawlDeadlines of(Instant startedAt, Duration fetchDeadline, Context context) {
        long remaining =
                context == null
                        ? fetchDeadline.plus(INDEXING_MARGIN).toMillis()
                        : context.getRemainingTimeInMillis();
        return new CrawlDeadlines(
                FetchDeadline.of(startedAt, fetchDeadline, remaining, INDEXING_MARGIN),
                startedAt.plusMillis(remaining));
    }
}
