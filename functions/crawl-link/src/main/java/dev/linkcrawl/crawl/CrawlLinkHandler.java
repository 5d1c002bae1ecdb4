package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.delivery.Delivery;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.crawl.events.EventBridgeCrawlEvents;
import dev.linkcrawl.crawl.fetch.FetchSettings;
import dev.linkcrawl.crawl.prime.CrawlLinkPriming;
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
    private final CrawlEvents events;

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
                metrics,
                EventBridgeCrawlEvents.create(settings, CrawlOutcomeEvent.TIMEOUT));
        priming =
                Optional.of(
                        SnapStartPriming.register(new CrawlLinkPriming(settings, fetchSettings)));
    }

    /** A handler that announces each finished crawl on {@code events}. */
    CrawlLinkHandler(
            CrawlDelivery crawlDelivery,
            Duration fetchDeadline,
            Clock clock,
            CrawlMetrics.Output metrics,
            CrawlEvents events) {
        this.crawlDelivery = Objects.requireNonNull(crawlDelivery, "crawlDelivery");
        this.fetchDeadline = Objects.requireNonNull(fetchDeadline, "fetchDeadline");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.events = Objects.requireNonNull(events, "events");
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
        CrawlDeadlines deadlines;
        try {
            deadlines = CrawlDeadlines.of(startedAt, fetchDeadline, context);
            verdict = crawlDelivery.handle(delivery, deadlines.fetch(), deadlines.invocationEnd());
        } catch (RuntimeException e) {
            FunctionLog.logOrStandardError(context, CrawlLogLine.failedUnexpectedly(delivery, e));
            return false;
        }
        if (verdict instanceof CrawlDelivery.Verdict.Crawled crawled) {
            // After the write: the link is saved whatever becomes of its event.
            Optional<CrawlEvents.Publication> published =
                    CrawlOutcomeEvent.announce(
                            events, crawled, clock.instant(), deadlines.invocationEnd());
            metrics.write(
                    context,
                    CrawlMetrics.line(
                            clock.instant(),
                            crawled.message().id(),
                            delivery.receiveCount(),
                            crawled.result(),
                            delivery.queueWait(startedAt),
                            Duration.ofNanos(System.nanoTime() - started),
                            published));
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        FunctionLog.logOrStandardError(context, CrawlLogLine.of(delivery, verdict, ms));
        return verdict.acknowledged();
    }
}
