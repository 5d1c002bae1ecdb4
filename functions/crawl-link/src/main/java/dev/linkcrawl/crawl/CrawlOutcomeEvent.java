package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.events.CrawlEvent;
import dev.linkcrawl.crawl.events.CrawlEvent.Kind;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.link.CrawlMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The event a finished crawl announces ({@link CrawlEvent}), from what became of it. */
final class CrawlOutcomeEvent {

    /**
     * The longest an event may take to reach the bus: 1 second, and never past {@link #MARGIN}
     * before the invocation's end.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** What an event leaves of the invocation for the logs: 250 milliseconds. */
    static final Duration MARGIN = Duration.ofMillis(250);

    private CrawlOutcomeEvent() {}

    /**
     * Publishes the event of {@code crawled} on {@code events} within {@link #TIMEOUT} (less when
     * the invocation ends sooner); empty when the delivery announces nothing. Called after the
     * write: the link is saved whatever becomes of its event.
     */
    static Optional<CrawlEvents.Publication> announce(
            CrawlEvents events,
            CrawlDelivery.Verdict.Crawled crawled,
            Instant now,
            Instant invocationEnd) {
        return of(crawled.message(), crawled.result())
                .map(event -> announce(events, event, now, invocationEnd));
    }

    /**
     * Publishes {@code event} on {@code events} within {@link #TIMEOUT} (less when the invocation
     * ends sooner).
     */
    static CrawlEvents.Publication announce(
            CrawlEvents events, CrawlEvent event, Instant now, Instant invocationEnd) {
        Duration left = Duration.between(now, invocationEnd.minus(MARGIN));
        return events.publish(event, left.compareTo(TIMEOUT) < 0 ? left : TIMEOUT);
    }

    /**
     * A link crawled, failed, kept or gone; nothing for a delivery that wrote nothing for good
     * (deleted, put back, or coming back: a link whose last delivery fails transiently goes on to
     * the dead-letter queue, where the operator sees it).
     */
    static Optional<CrawlEvent> of(CrawlMessage message, CrawlLink.Result result) {
        String title = result.title().orElse(null);
        return switch (result.outcome()) {
            case CrawlLink.Outcome.Indexed indexed ->
                    Optional.of(
                            indexed.failureCode() == null
                                    ? event(message, Kind.CRAWLED, "crawled", title, null)
                                    : event(
                                            message,
                                            Kind.FAILED,
                                            "failed",
                                            title,
                                            indexed.failureCode()));
            case CrawlLink.Outcome.Kept kept ->
                    Optional.of(event(message, Kind.KEPT, "crawled", title, kept.failureCode()));
            case CrawlLink.Outcome.Gone gone ->
                    Optional.of(event(message, Kind.GONE, "gone", title, gone.failureCode()));
            case CrawlLink.Outcome.Deleted deleted -> Optional.empty();
            case CrawlLink.Outcome.Preempted preempted -> Optional.empty();
            case CrawlLink.Outcome.Redeliver redeliver -> Optional.empty();
        };
    }

    private static CrawlEvent event(
            CrawlMessage message, Kind kind, String status, String title, String failure) {
        return new CrawlEvent(
                kind, message.id(), message.owner(), status, message.url(), title, failure);
    }
}
