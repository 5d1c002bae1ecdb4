package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.linkcrawl.config.Settings;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FetchDeadline;
import dev.linkcrawl.crawl.fetch.FetchSettings;
import dev.linkcrawl.crawl.fetch.OkHttpPageFetcher;
import dev.linkcrawl.index.OpenSearchLinkIndex;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlMessageCodec;
import dev.linkcrawl.link.MalformedMessageException;
import dev.linkcrawl.prime.SnapStartPriming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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

    private final CrawlLink crawlLink;
    private final Duration fetchDeadline;
    private final Clock clock;
    private final CrawlMetrics.Output metrics;
    private final CrawlMessageCodec codec = new CrawlMessageCodec();

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
                new CrawlLink(
                        new OkHttpPageFetcher(fetchSettings),
                        new PageExtractor(),
                        OpenSearchLinkIndex.create(settings, INDEX_READ_TIMEOUT),
                        settings.urlPolicy(),
                        Clock.systemUTC(),
                        settings.maxReceives()),
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

    CrawlLinkHandler(
            CrawlLink crawlLink, Duration fetchDeadline, Clock clock, CrawlMetrics.Output metrics) {
        this.crawlLink = Objects.requireNonNull(crawlLink, "crawlLink");
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
        CrawlMessage message;
        try {
            message = codec.decode(record.getBody());
        } catch (MalformedMessageException e) {
            // Never dropped: reported until SQS moves it to the DLQ, where an operator sees it.
            log(
                    context,
                    "malformed message messageId=" + record.getMessageId() + ": " + e.getMessage());
            return false;
        }
        try {
            Instant deadline =
                    FetchDeadline.of(
                            clock.instant(),
                            fetchDeadline,
                            remainingMillis(context),
                            INDEXING_MARGIN);
            CrawlLink.Result result = crawlLink.crawl(message, receiveCount(record), deadline);
            CrawlLink.Outcome outcome = result.outcome();
            metrics.write(
                    context,
                    CrawlMetrics.line(
                            clock.instant(),
                            message.id(),
                            receiveCount(record),
                            result,
                            queueWait(record, startedAt),
                            Duration.ofNanos(System.nanoTime() - started)));
            log(
                    context,
                    "crawl id="
                            + message.id()
                            + " receive="
                            + receiveCount(record)
                            + " outcome="
                            + describe(outcome)
                            + " ms="
                            + (System.nanoTime() - started) / 1_000_000);
            return !(outcome instanceof CrawlLink.Outcome.Redeliver);
        } catch (RuntimeException e) {
            log(context, "crawl id=" + message.id() + " failed unexpectedly: " + e);
            return false;
        }
    }

    private long remainingMillis(Context context) {
        // Without a Lambda context (tests, tools) the fetch gets its whole configured deadline.
        return context == null
                ? fetchDeadline.plus(INDEXING_MARGIN).toMillis()
                : context.getRemainingTimeInMillis();
    }

    /**
     * From the message's {@code SentTimestamp} to {@code startedAt}; empty when the attribute is
     * missing or odd.
     */
    static Optional<Duration> queueWait(SQSEvent.SQSMessage record, Instant startedAt) {
        Map<String, String> attributes = record.getAttributes();
        String sent = attributes == null ? null : attributes.get("SentTimestamp");
        try {
            return sent == null
                    ? Optional.empty()
                    : Optional.of(
                            Duration.between(
                                    Instant.ofEpochMilli(Long.parseLong(sent)), startedAt));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** SQS's delivery count of this message; 1 when the attribute is missing or odd. */
    static int receiveCount(SQSEvent.SQSMessage record) {
        Map<String, String> attributes = record.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Math.max(1, Integer.parseInt(count));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static String describe(CrawlLink.Outcome outcome) {
        return switch (outcome) {
            case CrawlLink.Outcome.Indexed indexed ->
                    indexed.failureCode() == null
                            ? "crawled"
                            : "failed(" + indexed.failureCode() + ")";
            case CrawlLink.Outcome.Kept kept -> "kept(" + kept.failureCode() + ")";
            case CrawlLink.Outcome.Redeliver redeliver -> "redeliver(" + redeliver.reason() + ")";
        };
    }

    private static void log(Context context, String line) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(line);
        } else {
            System.err.println(line);
        }
    }
}
