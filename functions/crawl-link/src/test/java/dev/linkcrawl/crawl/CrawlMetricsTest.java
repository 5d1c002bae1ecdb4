package dev.linkcrawl.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.index.LinkDocument;
import dev.linkcrawl.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The metrics line of one crawl, read as CloudWatch reads Embedded Metric Format. */
class CrawlMetricsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant AT = Instant.parse("2026-11-27T10:30:05.250Z");
    private static final LinkId ID = new LinkId("a29512f3167f1eff9211ba4ac2c5aead");
    private static final CrawlLink.Result CRAWLED =
            new CrawlLink.Result(
                    new CrawlLink.Outcome.Indexed(LinkDocument.Status.CRAWLED, null),
                    new CrawlLink.Stages(
                            Optional.of(Duration.ofNanos(3_214_400)),
                            Optional.of(Duration.ofNanos(1_200_000)),
                            Optional.of(Duration.ofMillis(8))));

    @Test
    void declaresEachMetricInTheLinkcrawlNamespaceByOutcome() throws Exception {
        JsonNode line = read(CRAWLED, Optional.of(Duration.ofMillis(40)));

        JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
        assertThat(line.get("_aws").get("Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(directive.get("Namespace").asText()).isEqualTo("linkcrawl");
        assertThat(directive.get("Dimensions").toString()).isEqualTo("[[\"Outcome\"]]");
        assertThat(names(directive))
                .containsExactly("QueueMs", "FetchMs", "ExtractMs", "IndexMs", "CrawlMs");
        assertThat(directive.get("Metrics"))
                .allSatisfy(
                        metric ->
                                assertThat(metric.get("Unit").asText()).isEqualTo("Milliseconds"));
        assertThat(line.get("Outcome").asText()).isEqualTo("crawled");
    }

    @Test
    void countsAnEventThatDidNotReachTheBus() throws Exception {
        JsonNode failed =
                JSON.readTree(
                        CrawlMetrics.line(
                                AT,
                                ID,
                                1,
                                CRAWLED,
                                Optional.empty(),
                                Duration.ofMillis(9),
                                Optional.of(CrawlEvents.Publication.FAILED)));
        JsonNode published =
                JSON.readTree(
                        CrawlMetrics.line(
                                AT,
                                ID,
                                1,
                                CRAWLED,
                                Optional.empty(),
                                Duration.ofMillis(9),
                                Optional.of(CrawlEvents.Publication.PUBLISHED)));

        assertThat(failed.get("EventFailed").asInt()).isEqualTo(1);
        assertThat(published.get("EventFailed").asInt()).isZero();
        assertThat(names(failed.get("_aws").get("CloudWatchMetrics").get(0)))
                .endsWith("EventFailed");
    }

    @Test
    void holdsEachValueInMillisecondsToTheMicrosecond() throws Exception {
        JsonNode line = read(CRAWLED, Optional.of(Duration.ofMillis(40)));

        assertThat(line.get("QueueMs").asDouble()).isEqualTo(40.0);
        assertThat(line.get("FetchMs").asDouble()).isEqualTo(3.214);
        assertThat(line.get("ExtractMs").asDouble()).isEqualTo(1.2);
        assertThat(line.get("IndexMs").asDouble()).isEqualTo(8.0);
        assertThat(line.get("CrawlMs").asDouble()).isEqualTo(14.5);
        assertThat(line.get("linkId").asText()).isEqualTo(ID.value());
        assertThat(line.get("receiveCount").asInt()).isEqualTo(2);
    }

    @Test
    void leavesOutTheStagesACrawlDidNotReach() throws Exception {
        CrawlLink.Result refused =
                new CrawlLink.Result(
                        new CrawlLink.Outcome.Indexed(
                                LinkDocument.Status.FAILED, "blocked_address"),
                        new CrawlLink.Stages(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Duration.ofMillis(6))));

        JsonNode line = read(refused, Optional.empty());

        assertThat(names(line.get("_aws").get("CloudWatchMetrics").get(0)))
                .containsExactly("IndexMs", "CrawlMs");
        assertThat(line.has("QueueMs")).isFalse();
        assertThat(line.has("FetchMs")).isFalse();
        assertThat(line.has("ExtractMs")).isFalse();
        assertThat(line.get("Outcome").asText()).isEqualTo("failed");
    }

    private static JsonNode read(CrawlLink.Result result, Optional<Duration> queue)
            throws Exception {
        String line = CrawlMetrics.line(AT, ID, 2, result, queue, Duration.ofNanos(14_500_000));
        assertThat(line).doesNotContain("\n");
        return new ObjectMapper().readTree(line);
    }

    private static List<String> names(JsonNode directive) {
        List<String> names = new ArrayList<>();
        directive.get("Metrics").forEach(metric -> names.add(metric.get("Name").asText()));
        return names;
    }
}
