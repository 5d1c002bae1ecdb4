package dev.linkcrawl.crawl;

import dev.linkcrawl.crawl.delivery.Delivery;

/**
 * The log line of each delivery the crawl function handles: what became of the message, with its
 * link id (or message id, when there is no link id to name) to search the logs by.
 */
final class CrawlLogLine {

    private CrawlLogLine() {}

    /**
     * The line for {@code verdict} on {@code delivery}.
     *
     * @param ms how long the delivery took, in milliseconds
     */
    static String of(Delivery delivery, CrawlDelivery.Verdict verdict, long ms) {
        return switch (verdict) {
            case CrawlDelivery.Verdict.Malformed malformed ->
                    "malformed message messageId="
                            + delivery.messageId()
                            + ": "
                            + malformed.reason();
            case CrawlDelivery.Verdict.Deferred deferred ->
                    "deferred id="
                            + deferred.message().id()
                            + ": its owner already runs "
                            + deferred.limit()
                            + " crawls of this queue"
                            + (deferred.acknowledged()
                                    ? "; back in " + deferred.delay().toSeconds() + " s"
                                    : "; the queue did not take the copy, so the message"
                                            + " comes back after its visibility timeout");
            case CrawlDelivery.Verdict.Crawled crawled ->
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
                                    .orElse("");
        };
    }

    /** The line for a delivery that failed in a way no verdict covers; it comes back. */
    static String failedUnexpectedly(Delivery delivery, RuntimeException e) {
        return "crawl messageId=" + delivery.messageId() + " failed unexpectedly: " + e;
    }

    private static String describe(CrawlLink.Outcome outcome) {
        return switch (outcome) {
            case CrawlLink.Outcome.Indexed indexed ->
                    indexed.failureCode() == null
                            ? "crawled"
                            : "failed(" + indexed.failureCode() + ")";
            case CrawlLink.Outcome.Kept kept -> "kept(" + kept.failureCode() + ")";
            case CrawlLink.Outcome.Gone gone -> "gone(" + gone.failureCode() + ")";
            case CrawlLink.Outcome.Deleted deleted -> "deleted";
            case CrawlLink.Outcome.Preempted preempted -> "preempted";
            case CrawlLink.Outcome.Redeliver redeliver -> "redeliver(" + redeliver.reason() + ")";
        };
    }
}
