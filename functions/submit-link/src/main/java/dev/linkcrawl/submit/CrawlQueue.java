package dev.linkcrawl.submit;

import dev.linkcrawl.link.CrawlMessage;

/** Where accepted links wait for their crawl. */
public interface CrawlQueue {

    /**
     * Puts one crawl message on the queue; when this returns, the message is stored.
     *
     * @throws QueueUnavailableException when the queue could not take it (after retries)
     */
    void send(CrawlMessage message) throws QueueUnavailableException;
}
