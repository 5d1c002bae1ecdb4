package dev.linkcrawl.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One crawl as the crawl function's metrics line (CloudWatch Embedded Metric Format, {@code
 * CrawlMetrics} in crawl-link) tells it, with when the benchmark read it. A stage the crawl did not
 * reach is empty.
 *
 * @param outcome {@code crawled}, {@code failed} or {@code redelivered}
 * @param readNanos {@link System#nanoTime()} when the line was read, which is when the crawl ended
 *     (the line is written right after the index write, and read as it is written)
 */
record CrawlTiming(
        String linkId,
        String outcome,
        long readNanos,
        OptionalDouble queueMs,
        OptionalDouble fetchMs,
        OptionalDouble extractMs,
        OptionalDouble indexMs,
        OptionalDouble crawlMs) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "{\"_aws\"";

    CrawlTiming {
        Objects.requireNonNull(linkId, "linkId");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** Whether the crawl left a document in the index (crawled or failed, not redelivered). */
    boolean indexed() {
        return !outcome.equals("redelivered");
    }

    /**
     * The timing in one line of the runner's log ({@code [CrawlLinkFunction <request id>] {...}});
     * empty for any other line.
     */
    static Optional<CrawlTiming> parse(String logLine, long readNanos) {
        int start = logLine.indexOf(START);
        if (start < 0) {
            return Optional.empty();
        }
        JsonNode line;
        try {
            line = JSON.readTree(logLine.substring(start));
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!line.path("linkId").isTextual() || !line.path("Outcome").isTextual()) {
            return Optional.empty();
        }
        return Optional.of(
                new CrawlTiming(
                        line.get("linkId").asText(),
                        line.get("Outcome").asText(),
                        readNanos,
                        number(line, "QueueMs"),
                        number(line, "FetchMs"),
                        number(line, "ExtractMs"),
                        number(line, "IndexMs"),
                        number(line, "CrawlMs")));
    }

    private static OptionalDouble number(JsonNode line, String name) {
        JsonNode value = line.get(name);
        return value != null && value.isNumber()
                ? OptionalDouble.of(value.asDouble())
                : OptionalDouble.empty();
    }
}
