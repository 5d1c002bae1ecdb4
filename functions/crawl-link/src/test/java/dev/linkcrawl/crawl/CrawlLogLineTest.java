package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.linkcrawl.crawl.delivery.Delivery;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.CrawlMessage;
import dev.linkcrawl.link.CrawlSource;
import dev.linkcrawl.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrawlLogLineTest {

    private static final LinkId ID = new LinkId("a29512f3167f1eff9211ba4ac2c5aead");
    private static final CrawlMessage MESSAGE =
            new CrawlMessage(
                    ID,
                    "https://example.com/articles/slow-links",
                    "user-123",
                    Instant.parse("2026-11-27T10:30:00Z"),
                    CrawlSource.API,
                    List.of(),
                    null);
    private static final Delivery DELIVERY =
            new Delivery(
                    "m-1",
                    "r-1",
                    "{}",
                    "arn:aws:sqs:us-east-1:000000000000:CrawlQueue",
                    2,
                    Optional.empty(),
                    0);
    private static final CrawlLink.Stages NO_STAGES =
            new CrawlLink.Stages(Optional.empty(), Optional.empty(), Optional.empty());

    @Test
    void aCrawlNamesItsLinkReceiveOutcomeAndTime() {
        String line =
                CrawlLogLine.of(
                        DELIVERY,
                        new CrawlDelivery.Verdict.Crawled(
                                MESSAGE,
                                new CrawlLink.Result(
                                        new CrawlLink.Outcome.Indexed(
                                                LinkDocument.Status.FAILED, "http_status"),
                                        NO_STAGES),
                                Optional.of(Duration.ofSeconds(60)),
                                Optional.of("the index did not answer")),
                        412);

        assertThat(line)
                .isEqualTo(
                        "crawl id="
                                + ID
                                + " receive=2 outcome=failed(http_status) retryIn=60s ms=412"
                                + " (owner share not checked: the index did not answer)");
    }

    @Test
    void aMalformedMessageIsNamedByItsMessageId() {
        assertThat(CrawlLogLine.of(DELIVERY, new CrawlDelivery.Verdict.Malformed("not JSON"), 3))
                .isEqualTo("malformed message messageId=m-1: not JSON");
    }

    @Test
    void aDeferralSaysWhenTheMessageComesBack() {
        assertThat(
                        CrawlLogLine.of(
                                DELIVERY,
                                new CrawlDelivery.Verdict.Deferred(
                                        MESSAGE, 4, Duration.ofSeconds(30), true),
                                3))
                .isEqualTo(
                        "deferred id="
                                + ID
                                + ": its owner already runs 4 crawls of this queue;"
                                + " back in 30 s");
    }
}
