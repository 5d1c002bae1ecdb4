package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.FailureCode;
import dev.linkcrawl.crawl.fetch.FetchOutcome;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.LinkId;
import dev.linkcrawl.testing.InMemoryLinkIndex;
import dev.linkcrawl.testing.SampleEvents;
import dev.linkcrawl.url.UrlPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The crawl handler driven by the sample events users pass to {@code sam local invoke}. */
class CrawlLinkHandlerTest {

    private static final SampleEvents EVENTS = new SampleEvents("crawl-link");
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:05Z");
    private static final LinkId SAMPLE_ID =
            new LinkId(LinkId.urlHash("user-123\nhttps://example.com/articles/slow-links"));
    private static final String PAGE =
            "<html lang=en><head><title>Slow links</title></head><body><article>"
                    + "<p>One slow link froze the whole server for every visitor that day.</p>"
                    + "</article></body></html>";

    private final InMemoryLinkIndex index = new InMemoryLinkIndex();
    private FetchOutcome answer;
    private final InMemoryPageFetcher fetcher = new InMemoryPageFetcher(url -> answer);
    private final List<String> metricLines = new CopyOnWriteArrayList<>();
    private final CrawlLinkHandler handler =
            new CrawlLinkHandler(
                    CrawlDelivery.withoutQueues(
                            new CrawlLink(
                                    fetcher,
                                    new PageExtractor(),
                                    index,
                                    UrlPolicy.DEFAULT,
                                    Clock.fixed(NOW, ZoneOffset.UTC),
                                    5),
                            Clock.fixed(NOW, ZoneOffset.UTC)),
                    Duration.ofSeconds(15),
                    Clock.fixed(NOW, ZoneOffset.UTC),
                    (context, line) -> metricLines.add(line),
                    CrawlEvents.NONE);

    private static final Map<String, String> EXPECTED =
            Map.of(
                    "crawl-message.json", "acknowledged",
                    "last-attempt.json", "acknowledged",
                    "poison-message.json", "redelivered",
                    "wrong-version.json", "redelivered");

    @Test
    void everySampleEventHasAnExpectedOutcome() {
        // page-*.json are the client-page function's, answered in ClientPageHandlerTest.
        assertThat(EVENTS.names().stream().filter(name -> !name.startsWith("page-")))
                .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @CsvSource({
        "crawl-message.json, acknowledged",
        "last-attempt.json, acknowledged",
        "poison-message.json, redelivered",
        "wrong-version.json, redelivered"
    })
    void answersEachSampleEventAsDesigned(String file, String expected) {
        assertThat(EXPECTED.get(file)).isEqualTo(expected);
        answer = page();
        SQSEvent event = load(file);

        SQSBatchResponse response = handler.handleRequest(event, null);

        if (expected.equals("acknowledged")) {
            assertThat(response.getBatchItemFailures()).isEmpty();
            assertThat(index.documents()).containsKey(SAMPLE_ID);
        } else {
            assertThat(response.getBatchItemFailures())
                    .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .containsExactly(event.getRecords().getFirst().getMessageId());
            assertThat(index.documents()).isEmpty();
        }
    }

    @Test
    void crawledSampleIsIndexedUnderItsId() {
        answer = page();

        handler.handleRequest(load("crawl-message.json"), null);

        LinkDocument document = index.documents().get(SAMPLE_ID);
        assertThat(document.status()).isEqualTo(LinkDocument.Status.CRAWLED);
        assertThat(document.title()).isEqualTo("Slow links");
        assertThat(document.owner()).isEqualTo("user-123");
    }

    @Test
    void transientFailureIsReportedForRedelivery() {
        answer = failure(FailureCode.TIMEOUT, true);
        SQSEvent event = load("crawl-message.json");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(index.documents()).isEmpty();
    }

    @Test
    void transientFailureOnTheLastAttemptIsWrittenThenSentOnToTheDlq() {
        answer = failure(FailureCode.TIMEOUT, true);

        SQSBatchResponse response = handler.handleRequest(load("last-attempt.json"), null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
        assertThat(index.documents().get(SAMPLE_ID).failure().retryable()).isTrue();
    }

    @Test
    void permanentFailureIsWrittenAndAcknowledged() {
        answer = failure(FailureCode.DNS_NXDOMAIN, false);

        SQSBatchResponse response = handler.handleRequest(load("crawl-message.json"), null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(index.documents().get(SAMPLE_ID).failure().code()).isEqualTo("dns_nxdomain");
    }

    @Test
    void unexpectedErrorIsRedeliveredNotDropped() {
        answer = null;

        SQSBatchResponse response = handler.handleRequest(load("crawl-message.json"), null);

        assertThat(response.getBatchItemFailures()).hasSize(1);
    }

    @Test
    void eachCrawlWritesOneMetricsLineWithItsQueueWaitAndStages() throws Exception {
        answer = page();

        handler.handleRequest(load("crawl-message.json"), null);

        assertThat(metricLines).hasSize(1);
        JsonNode line = new ObjectMapper().readTree(metricLines.getFirst());
        assertThat(line.get("Outcome").asText()).isEqualTo("crawled");
        assertThat(line.get("linkId").asText()).isEqualTo(SAMPLE_ID.value());
        assertThat(line.get("QueueMs").asDouble())
                .as("the sample was sent at 10:30:00 and is crawled at 10:30:05")
                .isEqualTo(5_000.0);
        assertThat(line.get("FetchMs").asDouble()).isNotNegative();
        assertThat(line.get("ExtractMs").asDouble()).isNotNegative();
        assertThat(line.get("IndexMs").asDouble()).isNotNegative();
        assertThat(line.get("CrawlMs").asDouble())
                .isGreaterThanOrEqualTo(line.get("FetchMs").asDouble());
    }

    @Test
    void aRedeliveredCrawlIsCountedUnderItsOwnOutcome() throws Exception {
        answer = failure(FailureCode.TIMEOUT, true);

        handler.handleRequest(load("crawl-message.json"), null);

        JsonNode line = new ObjectMapper().readTree(metricLines.getFirst());
        assertThat(line.get("Outcome").asText()).isEqualTo("redelivered");
        assertThat(line.has("IndexMs")).isFalse();
    }

    @Test
    void aMalformedMessageWritesNoMetrics() {
        handler.handleRequest(load("poison-message.json"), null);

        assertThat(metricLines).isEmpty();
    }

    @Test
    void emptyEventHasNoFailures() {
        assertThat(handler.handleRequest(new SQSEvent(), null).getBatchItemFailures()).isEmpty();
    }

    private FetchOutcome page() {
        return new FetchOutcome.Page(
                fetchedUrl(),
                List.of(),
                200,
                "text/html",
                PAGE.length(),
                false,
                5,
                StandardCharsets.UTF_8,
                PAGE);
    }

    private FetchOutcome failure(FailureCode code, boolean retryable) {
        return new FetchOutcome.Failed(
                code, "detail", retryable, OptionalInt.empty(), fetchedUrl(), List.of(), 5);
    }

    private static dev.linkcrawl.url.LinkUrl fetchedUrl() {
        return ((dev.linkcrawl.url.UrlCheck.Accepted)
                        dev.linkcrawl.url.LinkUrl.check(
                                "https://example.com/articles/slow-links", UrlPolicy.DEFAULT))
                .url();
    }

    private static SQSEvent load(String name) {
        return EVENTS.load(name, SQSEvent.class);
    }
}
