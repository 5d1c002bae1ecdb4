package dev.linkcrawl.submit;

import dev.linkcrawl.link.CrawlMessage;
import java.util.ArrayList;
import java.util.List;

/** A crawl queue in memory; it can be told to refuse, like an SQS outage. */
final class InMemoryCrawlQueue implements CrawlQueue {
    final List<CrawlMessage> sent = new ArrayList<>();
    boolean unavailable;

    @Override
    public void send(CrawlMessage message) throws QueueUnavailableException {
        if (unavailable) {
            throw new QueueUnavailableException("queue down", new RuntimeException("test"));
        }
        sent.add(message);
    }
}
