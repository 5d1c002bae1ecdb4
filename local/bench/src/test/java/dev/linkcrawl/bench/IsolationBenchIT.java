package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench isolation} in miniature (2-second phases, 60 slow links, a 3-second fetch deadline):
 * the real dev stack and the inline baseline, a JSON line and a chart. It checks the bench works,
 * not the figures' targets, which need the full-length run.
 */
class IsolationBenchIT {

    @TempDir Path state;

    @Test
    @Timeout(120)
    void endsWithAJsonLineAndDrawsTheChart() throws Exception {
        System.setProperty("linkcrawl.home", "../..");
        Path chart = state.resolve("isolation.png");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code =
                IsolationBench.run(
                        new PrintStream(printed, true, StandardCharsets.UTF_8),
                        "--seconds=2",
                        "--warmup=1",
                        "--rate=20",
                        "--threads=4",
                        "--slow=60",
                        "--fetch-deadline=3",
                        "--client-timeout=2",
                        "--state=" + state.resolve("stack"),
                        "--chart=" + chart);

        assertThat(code).isZero();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.getLast());
        assertThat(figures.get("bench").asText()).isEqualTo("isolation");
        assertThat(figures.get("idle").get("requests").asInt()).isEqualTo(40);
        assertThat(figures.get("idleP99Ms").asDouble()).isPositive();
        assertThat(figures.get("crawlJvm").asText()).isEqualTo("own");
        assertThat(figures.get("pipeline").get("tarpitHeldMax").asInt())
                .as(
                        "the crawl function, polling in its own JVM, held tarpit links during the"
                                + " pipeline phase")
                .isPositive();
        assertThat(figures.get("inline").get("timeouts").asInt())
                .as(
                        "60 slow links hold all 25 inline workers with 35 more queued, so the inline API times out")
                .isPositive();
        assertThat(figures.get("inlineRatio").asDouble())
                .isGreaterThan(figures.get("ratio").asDouble());
        assertThat(Files.size(chart)).isPositive();
    }
}
