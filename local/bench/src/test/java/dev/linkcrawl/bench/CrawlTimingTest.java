package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Reading the crawl function's metrics lines out of the runner's log. */
class CrawlTimingTest {

    private static final String LINE =
            "[CrawlLinkFunction 3f1c9a52-6a2e-4f0e-9d51-4b7e8d2a1c01] {\"_aws\":{\"Timestamp\":"
                    + "1795775405250,\"CloudWatchMetrics\":[{\"Namespace\":\"linkcrawl\","
                    + "\"Dimensions\":[[\"Outcome\"]],\"Metrics\":[{\"Name\":\"QueueMs\",\"Unit\":"
                    + "\"Milliseconds\"},{\"Name\":\"FetchMs\",\"Unit\":\"Milliseconds\"},{\"Name\":"
                    + "\"ExtractMs\",\"Unit\":\"Milliseconds\"},{\"Name\":\"IndexMs\",\"Unit\":"
                    + "\"Milliseconds\"},{\"Name\":\"CrawlMs\",\"Unit\":\"Milliseconds\"}]}]},"
                    + "\"Outcome\":\"crawled\",\"QueueMs\":40.0,\"FetchMs\":3.214,\"ExtractMs\":1.2,"
                    + "\"IndexMs\":8.0,\"CrawlMs\":14.5,\"linkId\":\"a29512f3167f1eff9211ba4ac2c5aead\","
                    + "\"receiveCount\":1}";

    @Test
    void readsTheStagesOfAMetricsLineBehindTheLoggerPrefix() {
        CrawlTiming timing = CrawlTiming.parse(LINE, 42).orElseThrow();

        assertThat(timing.linkId()).isEqualTo("a29512f3167f1eff9211ba4ac2c5aead");
        assertThat(timing.outcome()).isEqualTo("crawled");
        assertThat(timing.readNanos()).isEqualTo(42);
        assertThat(timing.queueMs()).isEqualTo(OptionalDouble.of(40.0));
        assertThat(timing.fetchMs()).isEqualTo(OptionalDouble.of(3.214));
        assertThat(timing.extractMs()).isEqualTo(OptionalDouble.of(1.2));
        assertThat(timing.indexMs()).isEqualTo(OptionalDouble.of(8.0));
        assertThat(timing.crawlMs()).isEqualTo(OptionalDouble.of(14.5));
        assertThat(timing.indexed()).isTrue();
    }

    @Test
    void aStageMissingFromTheLineIsEmpty() {
        CrawlTiming timing =
                CrawlTiming.parse(LINE.replace("\"FetchMs\":3.214,", ""), 0).orElseThrow();

        assertThat(timing.fetchMs()).isEmpty();
    }

    @Test
    void aRedeliveredCrawlIsNotIndexed() {
        CrawlTiming timing =
                CrawlTiming.parse(LINE.replace("\"crawled\"", "\"redelivered\""), 0).orElseThrow();

        assertThat(timing.indexed()).isFalse();
    }

    @Test
    void otherLinesOfTheLogAreNoTimings() {
        assertThat(
                        CrawlTiming.parse(
                                "[CrawlLinkFunction 3f1c9a52] crawl id=a29512f3 receive=1"
                                        + " outcome=crawled ms=14",
                                0))
                .isEmpty();
        assertThat(CrawlTiming.parse("CrawlLinkFunction SQS CrawlQueue 3f1c9a52 completed", 0))
                .isEmpty();
        assertThat(CrawlTiming.parse("[X] {\"_aws\":{\"Timestamp\":1}}", 0))
                .as("EMF without a link id is some other metric")
                .isEmpty();
        assertThat(CrawlTiming.parse("[X] {\"_aws\": broken", 0)).isEmpty();
    }
}
