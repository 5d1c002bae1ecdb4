package dev.linkcrawl.bench;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The figures of one concurrency level of the throughput benchmark, pooled over its passes.
 *
 * @param links links indexed
 * @param seconds from the first send to the last document indexed, summed over the passes
 * @param p50Ms end-to-end latency (sent to indexed), median; {@code p99Ms} likewise
 * @param queueMs mean wait from sent to the start of the crawl; {@code fetchMs}, {@code extractMs},
 *     {@code indexMs} the means of each stage and {@code crawlMs} of the whole crawl in the handler
 *     (0 when no crawl reported the stage)
 * @param cpuPercent CPU time of the whole local stack (one JVM) over the level, in percent of all
 *     cores
 * @param redelivered crawls that reported a transient failure and went back to the queue
 * @param passLinksPerSecond the throughput of each pass, in the order they ran
 */
record LevelFigures(
        int concurrency,
        int links,
        double seconds,
        double linksPerSecond,
        double p50Ms,
        double p99Ms,
        double queueMs,
        double fetchMs,
        double extractMs,
        double indexMs,
        double crawlMs,
        double cpuPercent,
        int redelivered,
        List<Double> passLinksPerSecond) {

    LevelFigures {
        passLinksPerSecond = List.copyOf(passLinksPerSecond);
    }

    /** A link the benchmark sent ({@link System#nanoTime()}) and the crawl that indexed it. */
    record Crawled(long sentNanos, CrawlTiming timing) {}

    /**
     * One time-boxed run of a level.
     *
     * @param firstSentNanos when its first message was sent
     * @param wallNanos how long it ran, its last crawls included
     * @param cpuPercent CPU of the stack over {@code wallNanos}, in percent of all cores
     */
    record Pass(
            List<Crawled> crawled,
            long firstSentNanos,
            long wallNanos,
            double cpuPercent,
            int redelivered) {
        Pass {
            crawled = List.copyOf(crawled);
        }

        /** From the first send to the last document indexed. */
        double seconds() {
            long last =
                    crawled.stream()
                            .mapToLong(c -> c.timing().readNanos())
                            .max()
                            .orElse(firstSentNanos);
            return (last - firstSentNanos) / 1e9;
        }

        double linksPerSecond() {
            return seconds() > 0 ? crawled.size() / seconds() : 0;
        }
    }

    static LevelFigures of(int concurrency, List<Pass> passes) {
        List<Crawled> crawled = passes.stream().flatMap(p -> p.crawled().stream()).toList();
        double seconds = passes.stream().mapToDouble(Pass::seconds).sum();
        long wall = passes.stream().mapToLong(Pass::wallNanos).sum();
        double cpuPercent =
                wall == 0
                        ? 0
                        : passes.stream().mapToDouble(p -> p.cpuPercent() * p.wallNanos()).sum()
                                / wall;
        double[] latencies =
                crawled.stream()
                        .mapToDouble(c -> (c.timing().readNanos() - c.sentNanos()) / 1e6)
                        .sorted()
                        .toArray();
        return new LevelFigures(
                concurrency,
                crawled.size(),
                seconds,
                seconds > 0 ? crawled.size() / seconds : 0,
                PhaseSummary.percentile(latencies, 0.50),
                PhaseSummary.percentile(latencies, 0.99),
                mean(crawled, CrawlTiming::queueMs),
                mean(crawled, CrawlTiming::fetchMs),
                mean(crawled, CrawlTiming::extractMs),
                mean(crawled, CrawlTiming::indexMs),
                mean(crawled, CrawlTiming::crawlMs),
                cpuPercent,
                passes.stream().mapToInt(Pass::redelivered).sum(),
                passes.stream().map(Pass::linksPerSecond).toList());
    }

    /** The time in the handler outside the three stages: decoding, logging, the deadline. */
    double otherMs() {
        return Math.max(0, crawlMs - fetchMs - extractMs - indexMs);
    }

    /**
     * The time each crawl held a slot of the event source outside the handler (receiving the
     * message, starting the invocation, deleting the message), derived: with every slot busy, a
     * slot frees {@code concurrency / linksPerSecond} apart, and the handler took {@code crawlMs}
     * of that. Only meaningful when the backlog kept every slot busy, as the benchmark does.
     */
    double runnerMs() {
        return links == 0 ? 0 : Math.max(0, 1000.0 * concurrency / linksPerSecond - crawlMs);
    }

    private static double mean(List<Crawled> crawled, Function<CrawlTiming, OptionalDouble> stage) {
        double[] values =
                crawled.stream()
                        .map(c -> stage.apply(c.timing()))
                        .filter(OptionalDouble::isPresent)
                        .mapToDouble(OptionalDouble::getAsDouble)
                        .toArray();
        return Arrays.stream(values).average().orElse(0);
    }
}
