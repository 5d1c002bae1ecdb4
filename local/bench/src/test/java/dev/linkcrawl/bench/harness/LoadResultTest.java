package dev.linkcrawl.bench.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LoadResultTest {

    private static LoadResult result(double[] latencies, int... statuses) {
        TreeMap<Integer, Long> counts = new TreeMap<>();
        for (int status : statuses) {
            counts.merge(status, 1L, Long::sum);
        }
        return new LoadResult(4, Duration.ofSeconds(2), counts, 0, latencies, List.of(), List.of());
    }

    @Test
    void percentilesAreNearestRank() {
        double[] latencies = new double[100];
        for (int i = 0; i < 100; i++) {
            latencies[i] = i + 1;
        }
        LoadResult load = result(latencies);

        assertThat(load.percentileMillis(50)).isEqualTo(50);
        assertThat(load.percentileMillis(99)).isEqualTo(99);
        assertThat(load.percentileMillis(100)).isEqualTo(100);
    }

    @Test
    void countsServerErrorsAndRequestsPerSecond() {
        LoadResult load = result(new double[] {1, 2, 3, 4}, 202, 202, 503, 500);

        assertThat(load.serverErrors()).isEqualTo(2);
        assertThat(load.requestsPerSecond()).isEqualTo(2.0);
    }
}
