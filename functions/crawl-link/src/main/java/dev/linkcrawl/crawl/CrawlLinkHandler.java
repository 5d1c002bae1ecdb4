package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.aws.SqsClients;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.delivery.CrawlQueues;
import dev.linkcrawl.crawl.delivery.Delivery;
import dev.linkcrawl.crawl.delivery.OwnerShare;
import dev.linkcrawl.crawl.delivery.SqsCrawlQueues;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FetchDeadline;
import dev.linkcrawl.crawl.fetch.FetchSettings;
import dev.linkcrawl.crawl.fetch.OkHttpPageFetcher;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.limit.OpenSearchOwnerQuotas;
import dev.linkcrawl.link.RetrySchedule;
import dev.linkcrawl.prime.SnapStartPriming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The crawl function: one SQS message per invocation (the template sets batch size 1, but any batch
 * works). Each message is decoded and crawled; the ones that must come back are reported as batch
 * item failures, so SQS redelivers them and, after {@code maxReceiveCount}, moves them to the
 * dead-letter queue. Nothing is acknowledged without a document in the index.
 */
public final class CrawlLinkHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    /** Time kept back after the fetch for extraction and indexing: 5 seconds. */
    static final Duration INDEXING_MARGIN = Duration.ofSeconds(5);

    /**
     * How long an index request may wait for its answer: 3 seconds. With the 2-second connect
     * timeout a write fits in {@link #INDEXING_MARGIN}, so a stalled index sends the message back
     * for a later delivery instead of running the invocation past its timeout (the index client's
     * default, 10 seconds, did not fit).
     */
    static final Duration INDEX_READ_TIMEOUT = Duration.ofSeconds(3);

    /**
     * How long taking or giving back an owner's place may take: 3 seconds, as long as an index
     * write; past it the crawl goes on uncounted rather than wait longer.
     */
    static final Duration SHARE_TIMEOUT = Duration.ofSeconds(3);

    private final CrawlDelivery crawlDelivery;
    private final Duration fetchDeadline;
    private final Clock clock;
    private final CrawlMetrics.Output metrics;

    /** Held here because CRaC keeps registered resources only weakly. */
    private Optional<SnapStartPriming> priming = Optional.empty();

    /**
     * Used by Lambda: settings from the environment, clients built once per cold start, a metrics
     * line per crawl on standard output ({@link CrawlMetrics#STANDARD_OUT}).
     */
    public CrawlLinkHandler() {
        this(Settings.fromEnvironment(), CrawlMetrics.STANDARD_OUT);
    }

    /**
     * Used by the local runner, which passes each function its template environment; the metrics
     * line of each crawl goes to the invocation's logger ({@link CrawlMetrics#FUNCTION_LOG}).
     * Registers the SnapStart priming ({@link CrawlLinkPriming}).
     */
    public CrawlLinkHandler(Settings settings) {
        this(settings, CrawlMetrics.FUNCTION_LOG);
    }

    private CrawlLinkHandler(Settings settings, CrawlMetrics.Output metrics) {
        this(settings, fetchSettings(settings), metrics);
    }

    private CrawlLinkHandler(
            Settings settings, FetchSettings fetchSettings, CrawlMetrics.Output metrics) {
        this(
                new CrawlDelivery(
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
                                                settings,
                                                Duration.ofSeconds(2),
                                                Duration.ofSeconds(3)),
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
                        () -> ThreadLocalRandom.current().nextDouble()),
                settings.fetchDeadline(),
                Clock.systemUTC(),
                metrics);
        priming =
                Optional.of(
                        SnapStartPriming.register(new CrawlLinkPriming(settings, fetchSettings)));
    }

    private static FetchSettings fetchSettings(Settings settings) {
        return new FetchSettings(
                settings.fetchDeadline(),
                settings.maxBodyBytes(),
                settings.maxRedirects(),
                settings.userAgent(),
                settings.urlPolicy());
    }

    /** A handler that crawls every delivery, with no queue to defer to or delay on. */
    CrawlLinkHandler(
            CrawlLink crawlLink, Duration fetchDeadline, Clock clock, CrawlMetrics.Output metrics) {
        this(
                new CrawlDelivery(
                        crawlLink,
                        CrawlQueues.NONE,
                        Optional.empty(),
                        RetrySchedule.DEFAULT,
                        Integer.MAX_VALUE,
                        CrawlDelivery.PLACE_AFTER,
                        clock,
                        () -> 0.5),
                fetchDeadline,
                clock,
                metrics);
    }

    CrawlLinkHandler(
            CrawlDelivery crawlDelivery,
            Duration fetchDeadline,
            Clock clock,
            CrawlMetrics.Output metrics) {
        this.crawlDelivery = Objects.requireNonNull(crawlDelivery, "crawlDelivery");
        this.fetchDeadline = Objects.requireNonNull(fetchDeadline, "fetchDeadline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** The SnapStart priming the public constructors register. */
    Optional<SnapStartPriming> priming() {
        return priming;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        List<SQSEvent.SQSMessage> records =
                event == null || event.getRecords() == null ? List.of() : event.getRecords();
        for (SQSEvent.SQSMessage record : records) {
            if (!handle(record, context)) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** Whether the message is done; {@code false} sends it back to the queue. */
    private boolean handle(SQSEvent.SQSMessage record, Context context) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        Delivery delivery = Delivery.of(record);
        CrawlDelivery.Verdict verdict;
        try {
            long remaining = remainingMillis(context);
            verdict =
                    crawlDelivery.handle(
                            delivery,
                            FetchDeadline.of(startedAt, fetchDeadline, remaining, INDEXING_MARGIN),
                            startedAt.plusMillis(remaining));
        } catch (RuntimeException e) {
            FunctionLog.logOrStandardError(
                    context,
                    "crawl messageId=" + delivery.messageId() + " failed unexpectedly: " + e);
            return false;
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        switch (verdict) {
            case CrawlDelivery.Verdict.Malformed malformed ->
                    FunctionLog.logOrStandardError(
                            context,
                            "malformed message messageId="
                                    + delivery.messageId()
                                    + ": "
                                    + malformed.reason());
            case CrawlDelivery.Verdict.Deferred deferred ->
                    FunctionLog.logOrStandardError(
                            context,
                            "deferred id="
                                    + deferred.message().id()
                                    + ": its owner already runs "
                                    + deferred.limit()
                                    + " crawls of this queue"
                                    + (deferred.acknowledged()
                                            ? "; back in " + deferred.delay().toSeconds() + " s"
                                            : "; the queue did not take the copy, so the message"
                                                    + " comes back after its visibility timeout"));
            case CrawlDelivery.Verdict.Crawled crawled -> {
                metrics.write(
                        context,
                        CrawlMetrics.line(
                                clock.instant(),
                                crawled.message().id(),
                                delivery.receiveCount(),
                                crawled.result(),
                                delivery.queueWait(startedAt),
                                Duration.ofNanos(System.nanoTime() - started)));
                FunctionLog.logOrStandardError(
                        context,
                        "crawl id="
                                + crawled.message().id()
                                + " receive="
                                + delivery.receiveCount()
                                + " outcome="
                                + describe(crawled.result().outcome())
                                + crawled.retryIn()
                                        .map(delay -> " retryIn=" + delay.toSeconds() + "s")
                                        .orElse("")
                                + " ms="
                                + ms
                                + crawled.uncounted()
                                        .map(why -> " (owner share not checked: " + why + ")")
                                        .orElse(""));
            }
        }
        return verdict.acknowledged();
    }

    private long remainingMillis(Context context) {
        // Without a Lambda context (tests, tools) the fetch gets its whole configured deadline.
        return context == null
                ? fetchDeadline.plus(INDEXING_MARGIN).toMillis()
                : context.getRemainingTimeInMillis();
    }

    private static String describe(CrawlLink.Outcome outcome) {
        return switch (outcome) {
            case CrawlLink.Outcome.Indexed indexed ->
                    indexed.failureCode() == null
                            ? "crawled"
                            : "failed(" + indexed.failureCode() + ")";
            case CrawlLink.Outcome.Kept kept -> "kept(" + kept.failureCode() + ")";
            case CrawlLink.Outcome.Deleted deleted -> "deleted";
            case CrawlLink.Outcome.Preempted preempted -> "preempted";
            case CrawlLink.Outcome.Redeliver redeliver -> "redeliver(" + redeliver.reason() + ")";
        };
    }
}
