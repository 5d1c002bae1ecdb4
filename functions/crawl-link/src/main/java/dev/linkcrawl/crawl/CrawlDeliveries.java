package dev.linkcrawl.crawl;

import dev.linkcrawl.aws.SqsClients;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.delivery.OwnerShare;
import dev.linkcrawl.crawl.delivery.SqsCrawlQueues;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FetchSettings;
import dev.linkcrawl.crawl.fetch.OkHttpPageFetcher;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.limit.OpenSearchOwnerQuotas;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Builds the {@link CrawlDelivery} the crawl function runs, as {@link SqsClients} builds SQS
 * clients: the OkHttp fetcher, the OpenSearch index and owners' shares, and the SQS queues to defer
 * to and delay on, each from the function's settings and with the timeouts below.
 */
final class CrawlDeliveries {

    /**
     * How long an index request may wait for its answer: 3 seconds. With the 2-second connect
     * timeout a write fits in {@link CrawlDeadlines#INDEXING_MARGIN}, so a stalled index sends the
     * message back for a later delivery instead of running the invocation past its timeout (the
     * index client's default, 10 seconds, did not fit).
     */
    static final Duration INDEX_READ_TIMEOUT = Duration.ofSeconds(3);

    /**
     * How long taking or giving back an owner's place may take: 3 seconds, as long as an index
     * write; past it the crawl goes on uncounted rather than wait longer.
     */
    static final Duration SHARE_TIMEOUT = Duration.ofSeconds(3);

    private CrawlDeliveries() {}

    /** The delivery for {@code settings}, fetching with {@code fetchSettings} (drawn from them). */
    static CrawlDelivery create(Settings settings, FetchSettings fetchSettings) {
        return new CrawlDelivery(
                new CrawlLink(
                        new OkHttpPageFetcher(fetchSettings),
                        new PageExtractor(),
                        OpenSearchLinkIndex.create(settings, INDEX_READ_TIMEOUT),
                        settings.urlPolicy(),
                        Clock.systemUTC(),
                        settings.maxReceives()),
                new SqsCrawlQueues(
                        () ->
                                SqsClients.create(
                                        settings, Duration.ofSeconds(2), Duration.ofSeconds(3)),
                        settings.crawlQueueUrl(),
                        settings.backfillQueueUrl()),
                Optional.of(
                        new OwnerShare(
                                OpenSearchOwnerQuotas.create(settings, SHARE_TIMEOUT),
                                settings.ownerLimits())),
                settings.retrySchedule(),
                settings.maxReceives(),
                CrawlDelivery.PLACE_AFTER,
                Clock.systemUTC(),
                () -> ThreadLocalRandom.current().nextDouble());
    }
}
