package dev.linkcrawl.crawl;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.api.FunctionLog;
import dev.linkcrawl.crawl.events.CrawlEvents;
import dev.linkcrawl.link.LinkId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One line per crawl in CloudWatch Embedded Metric Format: CloudWatch Logs turns it into the
 * metrics {@code QueueMs}, {@code FetchMs}, {@code ExtractMs}, {@code IndexMs} and {@code CrawlMs}
 * (namespace {@value #NAMESPACE}, dimension {@code Outcome}: {@code crawled}, {@code failed},
 * {@code kept}, {@code gone} or {@code redelivered}), with the link id and receive count as
 * searchable properties. Locally the same line lands in the runner's log, where {@code ./linkcrawl
 * bench throughput} reads it.
 *
 * <p>A stage the crawl did not reach is left out of the line, never written as 0. {@code QueueMs}
 * runs from the message's {@code SentTimestamp} to the start of the crawl, so for a redelivery it
 * includes the earlier attempts and their visibility timeouts; {@code CrawlMs} is the whole crawl
 * in the handler (decoding, the three stages, logging).
 */
public final class CrawlMetrics {

    /** The CloudWatch namespace of the metrics: {@value}. */
    public static final String NAMESPACE = "linkcrawl";

    /** Where a line goes. */
    @FunctionalInterface
    public interface Output {
        void write(Context context, String line);
    }

    /**
     * Standard output, for Lambda: the runtime ships it to CloudWatch Logs as it is, where the
     * function's logger would wrap the line in its own JSON (the template's {@code LogFormat:
     * JSON}) and CloudWatch would extract no metric from it.
     */
    public static final Output STANDARD_OUT = (context, line) -> System.out.println(line);

    /**
     * The invocation's logger, for the local runner: its functions share one JVM and so one {@code
     * System.out} (which the in-process OpenSearch node takes over), while each invocation's logger
     * writes to the runner's log.
     */
    public static final Output FUNCTION_LOG = FunctionLog::logOrStandardError;

    private static final ObjectMapper JSON = new ObjectMapper();

    private CrawlMetrics() {}

    /**
     * The line for one crawl.
     *
     * @param at when the crawl ended (the metrics' timestamp)
     * @param queue from {@code SentTimestamp} to the start of the crawl; empty when SQS sent none
     * @param crawl the whole crawl in the handler
     */
    public static String line(
            Instant at,
            LinkId id,
            int receiveCount,
            CrawlLink.Result result,
            Optional<Duration> queue,
            Duration crawl) {
        return line(at, id, receiveCount, result, queue, crawl, Optional.empty());
    }

    /**
     * The line for one crawl that announced its outcome: {@code EventFailed} is 1 when the event
     * did not reach the bus, else 0 (its sum counts the lost events); absent when there was none.
     */
    public static String line(
            Instant at,
            LinkId id,
            int receiveCount,
            CrawlLink.Result result,
            Optional<Duration> queue,
            Duration crawl,
            Optional<CrawlEvents.Publication> event) {
        ObjectNode line = JSON.createObjectNode();
        ObjectNode directive =
                line.putObject("_aws")
                        .put("Timestamp", at.toEpochMilli())
                        .putArray("CloudWatchMetrics")
                        .addObject()
                        .put("Namespace", NAMESPACE);
        directive.putArray("Dimensions").addArray().add("Outcome");
        ArrayNode metrics = directive.putArray("Metrics");
        line.put("Outcome", outcome(result.outcome()));
        metric(line, metrics, "QueueMs", queue);
        metric(line, metrics, "FetchMs", result.stages().fetch());
        metric(line, metrics, "ExtractMs", result.stages().extract());
        metric(line, metrics, "IndexMs", result.stages().index());
        metric(line, metrics, "CrawlMs", Optional.of(crawl));
        event.ifPresent(
                published -> {
                    metrics.addObject().put("Name", "EventFailed").put("Unit", "Count");
                    line.put("EventFailed", published == CrawlEvents.Publication.PUBLISHED ? 0 : 1);
                });
        line.put("linkId", id.value());
        line.put("receiveCount", receiveCount);
        return line.toString();
    }

    private static String outcome(CrawlLink.Outcome outcome) {
        return switch (outcome) {
            case CrawlLink.Outcome.Indexed indexed ->
                    indexed.failureCode() == null ? "crawled" : "failed";
            case CrawlLink.Outcome.Kept kept -> "kept";
            case CrawlLink.Outcome.Gone gone -> "gone";
            case CrawlLink.Outcome.Deleted deleted -> "deleted";
            case CrawlLink.Outcome.Preempted preempted -> "preempted";
            case CrawlLink.Outcome.Redeliver redeliver -> "redelivered";
        };
    }

    private static void metric(
            ObjectNode line, ArrayNode metrics, String name, Optional<Duration> value) {
        if (value.isEmpty()) {
            return;
        }
        metrics.addObject().put("Name", name).put("Unit", "Milliseconds");
        // Microsecond precision: a warm extraction of a small page takes about a millisecond.
        line.put(name, Math.round(value.get().toNanos() / 1_000.0) / 1_000.0);
    }
}
