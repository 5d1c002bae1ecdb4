package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.delivery.CrawlQueues;
import dev.linkcrawl.crawl.delivery.Delivery;
import dev.linkcrawl.crawl.fetch.FetchSettings;
import dev.linkcrawl.crawl.prime.CrawlLinkPriming;
import dev.linkcrawl.link.RetrySchedule;
import dev.linkcrawl.prime.SnapStartPriming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The crawl function: one SQS message per invocation (the template sets batch size 1, but any batch
 * works). Each message is decoded and crawled; the ones that must come back are reported as batch
 * item failures, so SQS redelivers them and, after {@code maxReceiveCount}, moves them to the
 * dead-letter queue. Nothing is acknowledged without a document in the index.
 */
public final class CrawlLinkHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

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
        this(settings, FetchSettings.of(settings), metrics);
    }

    private CrawlLinkHandler(
            Settings settings, FetchSettings fetchSettings, CrawlMetrics.Output metrics) {
        this(
                CrawlDeliveries.create(settings, fetchSettings),
                settings.fetchDeadline(),
                Clock.systemUTC(),
                metrics);
        priming =
                Optional.of(
                        SnapStartPriming.register(new CrawlLinkPriming(settings, fetchSettings)));
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
            CrawlDeadlines deadlines = CrawlDeadlines.of(startedAt, fetchDeadline, context);
            verdict = crawlDelivery.handle(delivery, deadlines.fetch(), deadlines.invocationEnd());
        } catch (RuntimeException e) {
            FunctionLog.logOrStandardError(context, CrawlLogLine.failedUnexpectedly(delivery, e));
            return false;
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (verdict instanceof CrawlDelivery.Verdict.Crawled crawled) {
            metrics.write(
                    context,
                    CrawlMetrics.line(
                            clock.instant(),
                            crawled.message().id(),
                            delivery.receiveCount(),
                            crawled.result(),
                            delivery.queueWait(startedAt),
                            Duration.ofNanos(System.nanoTime() - started)));
        }
        FunctionLog.logOrStandardError(context, CrawlLogLine.of(delivery, verdict, ms));
        return verdict.acknowledged();
    }
}
