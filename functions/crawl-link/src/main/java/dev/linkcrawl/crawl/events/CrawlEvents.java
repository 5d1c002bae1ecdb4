package dev.linkcrawl.crawl.events;

import java.time.Duration;

/**
 * Where finished crawls are announced. Publishing never fails or delays a crawl beyond {@code
 * timeout}: a failure is answered, never thrown, for the caller to count.
 */
@FunctionalInterface
public interface CrawlEvents {

    /** Whether an event reached the bus. */
    enum Publication {
        PUBLISHED,
        FAILED
    }

    /** Publishes {@code event}, giving up after {@code timeout}. Never throws. */
    Publication publish(CrawlEvent event, Duration timeout);

    /** Announces nothing (tests, and crawls without a bus). */
    CrawlEvents NONE = (event, timeout) -> Publication.PUBLISHED;
}
