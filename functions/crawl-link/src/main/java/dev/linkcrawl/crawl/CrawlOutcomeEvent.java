package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.events.CrawlEvent;
import dev.linkcrawl.crawl.events.CrawlEvent.Kind;
import dev.linkcrawl.link.CrawlMessage;
import java.util.Optional;

/** The event a finished crawl announces ({@link CrawlEvent}), from what became of it. */
final class CrawlOutcomeEvent {

    private CrawlOutcomeEvent() {}

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
