package dev.linkcrawl.bench.harness;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one load run saw from the client side.
 *
 * @param clients concurrent clients
 * @param elapsed from the first request to the last answer
 * @param statuses answers by HTTP status
 * @param transportErrors requests without an answer (connection refused or reset, timeout): their
 *     links may or may not have been queued
 * @param latenciesMillis sorted latencies of answered requests
 * @param accepted the links answered 202, with their ids
 * @param unanswered the links of the requests without an answer
 */
public record LoadResult(
        int clients,
        Duration elapsed,
        SortedMap<Integer, Long> statuses,
        long transportErrors,
        double[] latenciesMillis,
        List<Accepted> accepted,
        List<Submitted> unanswered) {

    /** A link answered 202. */
    public record Accepted(String owner, String url, String id) {}

    /** A link submitted without a known outcome. */
    public record Submitted(String owner, String url) {}

    public LoadResult {
        Objects.requireNonNull(elapsed, "elapsed");
        statuses = new TreeMap<>(statuses);
        latenciesMillis = latenciesMillis.clone();
        accepted = List.copyOf(accepted);
        unanswered = List.copyOf(unanswered);
    }

    /** Requests answered with any status. */
    public long answered() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Answers with a 5xx status. */
    public long serverErrors() {
        return statuses.entrySet().stream()
                .filter(entry -> entry.getKey() >= 500)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    /** Answered requests per second of {@link #elapsed}. */
    public double requestsPerSecond() {
        return elapsed.isZero() ? 0 : answered() * 1000.0 / elapsed.toMillis();
    }

    /** The latency below which {@code percent} % of the answers came (nearest rank). */
    public double percentileMillis(double percent) {
        if (latenciesMillis.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100.0 * latenciesMillis.length);
        return latenciesMillis[Math.max(0, Math.min(latenciesMillis.length - 1, rank - 1))];
    }

    /**
     * {@code load clients=… seconds=… requests=… rps=… p50_ms=… p99_ms=… max_ms=… 202=… 5xx=…
     * transport_errors=…}.
     */
    public String line() {
        return String.format(
                Locale.ROOT,
                "load clients=%d seconds=%.1f requests=%d rps=%.0f p50_ms=%.1f p99_ms=%.1f"
                        + " max_ms=%.1f 202=%d 5xx=%d other=%s transport_errors=%d",
                clients,
                elapsed.toMillis() / 1000.0,
                answered(),
                requestsPerSecond(),
                percentileMillis(50),
                percentileMillis(99),
                latenciesMillis.length == 0 ? 0 : latenciesMillis[latenciesMillis.length - 1],
                statuses.getOrDefault(202, 0L),
                serverErrors(),
                others(),
                transportErrors);
    }

    private Map<Integer, Long> others() {
        Map<Integer, Long> others = new TreeMap<>(statuses);
        others.keySet().removeIf(status -> status == 202 || status >= 500);
        return others;
    }
}
