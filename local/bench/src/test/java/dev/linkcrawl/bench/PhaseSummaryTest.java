package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PhaseSummaryTest {

    private static List<OpenLoopLoad.Sample> latencies(int from, int to, OpenLoopLoad.Result r) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(ms -> new OpenLoopLoad.Sample(ms, ms, r))
                .toList();
    }

    @Test
    void p99OfAHundredSamplesIsTheNinetyNinthSmallest() {
        PhaseSummary summary =
                PhaseSummary.of("idle", latencies(1, 100, OpenLoopLoad.Result.OK), 0, 0);

        assertThat(summary.p99Ms()).isEqualTo(99);
        assertThat(summary.p50Ms()).isEqualTo(50);
        assertThat(summary.maxMs()).isEqualTo(100);
    }

    @Test
    void timeoutsCountInThePercentilesAndSeparately() {
        List<OpenLoopLoad.Sample> samples =
                new java.util.ArrayList<>(latencies(1, 98, OpenLoopLoad.Result.OK));
        samples.addAll(latencies(10_000, 10_001, OpenLoopLoad.Result.TIMEOUT));

        PhaseSummary summary = PhaseSummary.of("inline", samples, 25, 25);

        assertThat(summary.timeouts()).isEqualTo(2);
        assertThat(summary.errors()).isZero();
        assertThat(summary.p99Ms()).isEqualTo(10_000);
    }

    @Test
    void noSamplesGiveZeroes() {
        assertThat(PhaseSummary.of("idle", List.of(), 0, 0).p99Ms()).isZero();
    }
}
