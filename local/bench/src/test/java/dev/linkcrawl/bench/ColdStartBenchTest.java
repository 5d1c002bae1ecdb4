package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColdStartBenchTest {

    @Test
    void defaultsToThreeRunsOfEveryFunctionColdAndPrimed() {
        ColdStartBench.Options options = ColdStartBench.Options.parse();

        assertThat(options.runs()).isEqualTo(3);
        assertThat(options.functions()).isEmpty();
        assertThat(options.prime()).isTrue();
        assertThat(options.project()).isEmpty();
    }

    @Test
    void readsEveryOption() {
        ColdStartBench.Options options =
                ColdStartBench.Options.parse(
                        "--runs",
                        "5",
                        "--functions",
                        "submit-link,crawl-link",
                        "--no-prime",
                        "--project",
                        "/tmp/linkcrawl");

        assertThat(options.runs()).isEqualTo(5);
        assertThat(options.functions()).containsExactly("submit-link", "crawl-link");
        assertThat(options.prime()).isFalse();
        assertThat(options.project()).isEqualTo(Optional.of(Path.of("/tmp/linkcrawl")));
    }

    @Test
    void refusesRunsOutOfRangeAndUnknownOptions() {
        assertThatThrownBy(() -> ColdStartBench.Options.parse("--runs", "0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ColdStartBench.Options.parse("--runs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ColdStartBench.Options.parse("--fast"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fast");
    }

    @Test
    void medianOfAnOddNumberOfRunsIsTheMiddleOne() {
        assertThat(ColdStartBench.median(runs(900, 300, 500), ProbeResult::initMs)).isEqualTo(500);
    }

    @Test
    void medianOfAnEvenNumberOfRunsIsTheMeanOfTheMiddleTwo() {
        assertThat(ColdStartBench.median(runs(900, 300, 500, 400), ProbeResult::initMs))
                .isEqualTo(450);
    }

    private static List<ProbeResult> runs(double... initMs) {
        return java.util.Arrays.stream(initMs)
                .mapToObj(ms -> new ProbeResult(20, ms, -1, 10, 100, 5, "{}"))
                .toList();
    }
}
