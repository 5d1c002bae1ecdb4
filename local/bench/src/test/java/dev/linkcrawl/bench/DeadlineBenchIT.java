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

/** {@code bench deadline} with a 1-second deadline: the crawl jar's fetcher, the four servers. */
class DeadlineBenchIT {

    @Test
    @Timeout(60)
    void endsWithAJsonLineWhereEveryHostileServerIsCutNearTheDeadline() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code =
                DeadlineBench.run(
                        new PrintStream(printed, true, StandardCharsets.UTF_8),
                        "--seconds",
                        "1",
                        "--jar",
                        Path.of("../../functions/crawl-link/target/crawl-link.jar").toString());

        assertThat(code).isZero();
        List<String> lines = printed.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode figures = new ObjectMapper().readTree(lines.getLast());
        assertThat(figures.get("bench").asText()).isEqualTo("deadline");
        assertThat(figures.get("observedMs").get("tarpit").asLong()).isBetween(950L, 2_000L);
        assertThat(figures.get("observedMs").get("neverAnswers").asLong()).isBetween(950L, 2_000L);
        assertThat(figures.get("observedMs").get("gigabyteBody").asLong()).isLessThan(2_000L);
        assertThat(figures.get("observedMs").get("gzipBomb").asLong()).isLessThan(2_000L);
        assertThat(figures.get("ratio").asDouble()).isBetween(0.95, 2.0);
        assertThat(figures.get("heapGrowthMb").asDouble()).isBetween(0.0, 64.0);
    }
}
