package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThroughputBenchTest {

    @Test
    void twoPassesRunTheLevelsInOrderThenInReverse() {
        assertThat(ThroughputBench.order(4, 2)).containsExactly(0, 1, 2, 3, 3, 2, 1, 0);
    }

    @Test
    void onePassRunsEachLevelOnceInOrder() {
        assertThat(ThroughputBench.order(3, 1)).containsExactly(0, 1, 2);
    }

    @Test
    void theBacklogKeepsTenLinksWaitingBeyondTheConcurrency() {
        assertThat(ThroughputBench.backlog(1)).isEqualTo(11);
        assertThat(ThroughputBench.backlog(64)).isEqualTo(74);
    }
}
