package dev.linkcrawl.backfill;

import dev.linkcrawl.link.CrawlMessage;
import java.util.List;
import java.util.Objects;

/** Where imported and re-crawled links wait for their crawl, apart from links saved by hand. */
public interface BackfillQueue {

    /** The most messages one {@link #send} takes: 10, the SQS {@code SendMessageBatch} limit. */
    int MAX_BATCH = 10;

    /**
     * Sends up to {@value #MAX_BATCH} messages in one call.
     *
     * @return the messages the queue did not store (empty when it stored them all)
     * @throws QueueUnavailableException when the call itself failed; the messages may or may not
     *     have been stored, and sending them again is harmless (ids are deterministic)
     */
    List<Failure> send(List<CrawlMessage> batch) throws QueueUnavailableException;

    /**
     * One message of a batch the queue did not store.
     *
     * @param index its position in the batch
     * @param code the queue's error code, for logs
     * @param retryable false when the message itself is at fault (the same message would fail
     *     again)
     */
    record Failure(int index, String code, boolean retryable) {
        public Failure {
            Objects.requireNonNull(code, "code");
        }
    }
}
