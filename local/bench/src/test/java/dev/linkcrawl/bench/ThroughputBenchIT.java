package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench throughput} in miniature (concurrency 1 and 4, two 2-second passes each, a 1-second
 * warm-up): the real dev stack, the crawl function's metrics lines and the index. It checks that
 * the bench works and that its figures hang together, not what they are on this machine.
 */
class ThroughputBenchIT {

    @TempDir Path state;

    @Test
    @Timeout(120)
    void endsWithAJsonLineOfEachLevelWhoseLinksAreAllInTheIndex() throws Exception {
        System.setProperty("linkcrawl.home", "../..");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code =
                ThroughputBench.run(
                        new PrintStream(printed, true, StandardCharsets.UTF_8),
                        "--concurrency=1,4",
                        "--seconds=2",
                        "--warmup=1",
                        "--state=" + state.resolve("stack"));

        assertThat(code).isZero();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.getLast());
        assertThat(figures.get("bench").asText()).isEqualTo("throughput");
        assertThat(figures.get("allIndexed").asBoolean()).isTrue();
        JsonNode levels = figures.get("levels");
        assertThat(levels).hasSize(2);
        assertThat(levels.get(0).get("concurrency").asInt()).isEqualTo(1);
        assertThat(levels.get(1).get("concurrency").asInt()).isEqualTo(4);
        for (JsonNode level : levels) {
            assertThat(level.get("links").asInt()).isPositive();
            assertThat(level.get("passLinksPerSecond")).hasSize(2);
            assertThat(level.get("documents").asInt()).isEqualTo(level.get("links").asInt());
            assertThat(level.get("linksPerSecond").asDouble()).isPositive();
            assertThat(level.get("p99Ms").asDouble())
                    .isGreaterThanOrEqualTo(level.get("p50Ms").asDouble());
            assertThat(level.get("fetchMs").asDouble()).isPositive();
            assertThat(level.get("extractMs").asDouble()).isPositive();
            assertThat(level.get("indexMs").asDouble()).isPositive();
            assertThat(level.get("crawlMs").asDouble())
                    .isGreaterThanOrEqualTo(
                            level.get("fetchMs").asDouble()
                                    + level.get("extractMs").asDouble()
                                    + level.get("indexMs").asDouble()
                                    - 0.01);
            assertThat(level.get("p50Ms").asDouble())
                    .as("a link's latency holds its queue wait and its crawl")
                    .isGreaterThanOrEqualTo(level.get("crawlMs").asDouble() * 0.5);
        }
    }
}
