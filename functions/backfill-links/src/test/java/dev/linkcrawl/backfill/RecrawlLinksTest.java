package dev.linkcrawl.backfill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import dev.linkcrawl.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecrawlLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant SUBMITTED = Instant.parse("2025-01-02T03:04:05Z");

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private final InMemoryBackfillQueue queue = new InMemoryBackfillQueue();

    @Test
    void queuesExactlyTheStaleAndRetryablyFailedLinks() {
        LinkId stale = put(1, crawled("https://example.com/old", NOW.minus(Duration.ofDays(31))));
        put(2, crawled("https://example.com/new", NOW.minus(Duration.ofDays(29))));
        LinkId retryable =
                put(3, failed("https://example.com/busy", NOW.minus(Duration.ofDays(1)), true));
        put(4, failed("https://example.com/gone", NOW.minus(Duration.ofDays(1)), false));

        RecrawlLinks.Result result = recrawl(10_000).run();

        assertThat(queue.stored).extracting(CrawlMessage::id).containsExactly(stale, retryable);
        assertThat(result.selected()).isEqualTo(2);
        assertThat(result.enqueued()).isEqualTo(2);
        assertThat(result.complete()).isTrue();
        assertThat(result.crawledBefore()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void requeuedMessageIsTheLinkAsTheUserSavedIt() {
        LinkId id = put(1, crawled("https://example.com/old", NOW.minus(Duration.ofDays(90))));

        recrawl(10_000).run();

        CrawlMessage message = queue.stored.getFirst();
        assertThat(message)
                .isEqualTo(
                        new CrawlMessage(
                                id,
                                "https://example.com/old",
                                "alice",
                                SUBMITTED,
                                CrawlSource.RECRAWL,
                                List.of("reading"),
                                "a note"));
    }

    @Test
    void stopsAtThePerRunLimitOldestFirst() {
        LinkId oldest = put(1, crawled("https://example.com/a", NOW.minus(Duration.ofDays(300))));
        LinkId older = put(2, crawled("https://example.com/b", NOW.minus(Duration.ofDays(200))));
        put(3, crawled("https://example.com/c", NOW.minus(Duration.ofDays(100))));

        RecrawlLinks.Result result = recrawl(2).run();

        assertThat(queue.stored).extracting(CrawlMessage::id).containsExactly(oldest, older);
        assertThat(result.selected()).isEqualTo(2);
    }

    @Test
    void sendsInBatchesOfTen() {
        for (int n = 1; n <= 25; n++) {
            put(n, crawled("https://example.com/" + n, NOW.minus(Duration.ofDays(40 + n))));
        }

        recrawl(10_000).run();

        assertThat(queue.calls).containsExactly(10, 10, 5);
    }

    @Test
    void queueOutageStopsTheRunAndCountsWhatWasNotQueued() {
        for (int n = 1; n <= 12; n++) {
            put(n, crawled("https://example.com/" + n, NOW.minus(Duration.ofDays(40 + n))));
        }
        queue.down();

        RecrawlLinks.Result result = recrawl(10_000).run();

        assertThat(result.complete()).isFalse();
        assertThat(result.enqueued()).isZero();
        assertThat(result.notEnqueued()).isEqualTo(result.selected());
    }

    private RecrawlLinks recrawl(int maxPerRun) {
        return new RecrawlLinks(
                index,
                queue,
                new ManualClock(NOW),
                Duration.ofDays(30),
                maxPerRun,
                Backoff.DEFAULT,
                new RecordingSleeper());
    }

    private LinkId put(int n, LinkDocument document) {
        LinkId id = new LinkId("%032x".formatted(n));
        index.put(id, document);
        return id;
    }

    private static LinkDocument crawled(String url, Instant crawledAt) {
        return LinkDocument.builder("alice", url, LinkDocument.Status.CRAWLED, crawledAt)
                .submittedAt(SUBMITTED)
                .tags(List.of("reading"))
                .note("a note")
                .build();
    }

    private static LinkDocument failed(String url, Instant crawledAt, boolean retryable) {
        return LinkDocument.builder("alice", url, LinkDocument.Status.FAILED, crawledAt)
                .failure(new LinkDocument.Failure("timeout", "too slow", retryable))
                .submittedAt(SUBMITTED)
                .build();
    }
}
