package dev.linkcrawl.crawl.delivery;

import java.time.Duration;
import java.util.Optional;

/** The queues the crawl function consumes, for what it does to a delivery besides crawling it. */
public interface CrawlQueues {

    /** No queue: every delivery is crawled, nothing is deferred or delayed (tests and tools). */
    CrawlQueues NONE =
            new CrawlQueues() {
                @Override
                public Optional<QueueRole> roleOf(Delivery delivery) {
                    return Optional.empty();
                }

                @Override
                public void retryAfter(Delivery delivery, Duration delay) {}

                @Override
                public void deferAgain(Delivery delivery, String messageGroupId, Duration delay) {
                    throw new QueueUnreachableException("no queue to defer to", null);
                }
            };

    /** Which queue {@code delivery} came from; empty for a queue the function was not told of. */
    Optional<QueueRole> roleOf(Delivery delivery);

    /**
     * Hides {@code delivery} for {@code delay}, after which the queue delivers it again (the
     * function reports it as a batch item failure, so it is not deleted).
     *
     * @throws QueueUnreachableException when the queue did not take the change; the message then
     *     comes back after the queue's visibility timeout
     */
    void retryAfter(Delivery delivery, Duration delay);

    /**
     * Puts a copy of {@code delivery} back on its queue, delivered after {@code delay} (at most 15
     * minutes) with one more deferral counted; the function then acknowledges the original. A copy
     * starts with no receives, so deferring never brings a link nearer the dead-letter queue.
     *
     * @throws QueueUnreachableException when the copy was not stored; the original must not be
     *     acknowledged
     */
    void deferAgain(Delivery delivery, String messageGroupId, Duration delay);
}
