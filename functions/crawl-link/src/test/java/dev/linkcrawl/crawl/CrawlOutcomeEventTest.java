package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.events.CrawlEvent;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.CrawlMessage;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrawlOutcomeEventTest {

    private static final CrawlMessage MESSAGE = CrawlLinkTest.message("https://example.com/slow");
    private static final CrawlLink.Stages STAGES =
            new CrawlLink.Stages(Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void aCrawledLinkIsAnnouncedWithItsTitle() {
        CrawlEvent event =
                event(new CrawlLink.Outcome.Indexed(LinkDocument.Status.CRAWLED, null), "Slow");

        assertThat(event)
                .isEqualTo(
                        new CrawlEvent(
                                CrawlEvent.Kind.CRAWLED,
                                MESSAGE.id(),
                                "alice",
                                "crawled",
                                MESSAGE.url(),
                                "Slow",
                                null));
    }

    @Test
    void aFailedLinkIsAnnouncedWithItsFailure() {
        CrawlEvent event =
                event(new CrawlLink.Outcome.Indexed(LinkDocument.Status.FAILED, "timeout"), null);

        assertThat(event.kind()).isEqualTo(CrawlEvent.Kind.FAILED);
        assertThat(event.status()).isEqualTo("failed");
        assertThat(event.failureCode()).isEqualTo("timeout");
    }

    @Test
    void aKeptPageIsAnnouncedAsStillCrawledWithTheKeptTitle() {
        CrawlEvent event = event(new CrawlLink.Outcome.Kept("http_status"), "Slow");

        assertThat(event.kind()).isEqualTo(CrawlEvent.Kind.KEPT);
        assertThat(event.status()).isEqualTo("crawled");
        assertThat(event.title()).isEqualTo("Slow");
    }

    @Test
    void aGoneLinkIsAnnouncedAsGone() {
        CrawlEvent event = event(new CrawlLink.Outcome.Gone("dns_nxdomain", Instant.EPOCH), "Slow");

        assertThat(event.kind()).isEqualTo(CrawlEvent.Kind.GONE);
        assertThat(event.status()).isEqualTo("gone");
    }

    @Test
    void aDeliveryThatWroteNothingForGoodAnnouncesNothing() {
        assertThat(of(new CrawlLink.Outcome.Deleted())).isEmpty();
        assertThat(of(new CrawlLink.Outcome.Preempted())).isEmpty();
        assertThat(of(new CrawlLink.Outcome.Redeliver("index unavailable"))).isEmpty();
    }

    private static CrawlEvent event(CrawlLink.Outcome outcome, String title) {
        return CrawlOutcomeEvent.of(
                        MESSAGE, new CrawlLink.Result(outcome, STAGES, Optional.ofNullable(title)))
                .orElseThrow();
    }

    private static Optional<CrawlEvent> of(CrawlLink.Outcome outcome) {
        return CrawlOutcomeEvent.of(MESSAGE, new CrawlLink.Result(outcome, STAGES));
    }
}
