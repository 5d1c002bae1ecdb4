package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Every expectation here is worked out by hand in the comment beside it. */
class LambdaCostTest {

    private static final LambdaCost.Prices PRICES = LambdaCost.Prices.ARM64_US_EAST_1;

    @Test
    void givesTheJvmOptionsLambdasJavaRuntimeUsesAt256Mb() {
        // 262,144 kB: metaspace 10 % = 26,214.4 → 26,214; code cache 5 % = 13,107.2 → 13,107;
        // heap the rest, 262,144 − 26,214 − 13,107 = 222,823: Lambda's own command line.
        assertThat(LambdaCost.jvmOptions(256))
                .contains(
                        "-XX:MaxHeapSize=222823k",
                        "-XX:MaxMetaspaceSize=26214k",
                        "-XX:ReservedCodeCacheSize=13107k",
                        "-XX:+UseSerialGC",
                        "-XX:MaxRAM=256m");
    }

    @Test
    void recommendsOneAndAHalfTimesThePeakRssInStepsOf128Mb() {
        // 832 × 1.5 = 1,248 → 9.75 steps → 10 steps = 1,280.
        assertThat(LambdaCost.recommendMb(832, 896)).isEqualTo(1280);
        // 400 × 1.5 = 600 → 4.7 steps → 5 = 640.
        assertThat(LambdaCost.recommendMb(400, 512)).isEqualTo(640);
        // 512 × 1.5 = 768, exactly 6 steps: not rounded up to 896.
        assertThat(LambdaCost.recommendMb(512, 512)).isEqualTo(768);
    }

    @Test
    void neverRecommendsLessThan512MbNorLessThanTheSizeMeasuredAt() {
        // 91 × 1.5 = 136.5 → 256, below the floor of 512.
        assertThat(LambdaCost.recommendMb(91, 512)).isEqualTo(512);
        // 100 × 1.5 = 150 → 256, but 768 was the smallest size that passed.
        assertThat(LambdaCost.recommendMb(100, 768)).isEqualTo(768);
        // 8,000 × 1.5 = 12,000: more than Lambda allows, so its largest.
        assertThat(LambdaCost.recommendMb(8000, 512)).isEqualTo(10_240);
    }

    @Test
    void billsTheWaitAsMeasuredAndTheCpuStretchedBelowOneVcpu() {
        // At 1,769 MB (one vCPU): 0.100 − 0.040 waited + 0.040 CPU + 1.2 fetch = 1.300 s.
        assertThat(LambdaCost.billedSeconds(0.100, 0.040, 1769, 1.2))
                .isCloseTo(1.300, within(1e-9));
        // Above it no faster for one thread: 3,538 MB is billed the same 1.300 s.
        assertThat(LambdaCost.billedSeconds(0.100, 0.040, 3538, 1.2))
                .isCloseTo(1.300, within(1e-9));
        // At 1,024 MB the share is 1,024 / 1,769 = 0.57886: 0.040 / 0.57886 = 0.069102 s of CPU;
        // 0.060 + 0.069102 + 1.2 = 1.329102, rounded up to the millisecond: 1.330.
        assertThat(LambdaCost.billedSeconds(0.100, 0.040, 1024, 1.2))
                .isCloseTo(1.330, within(1e-9));
        // More CPU than wall (other threads): nothing waited, 0.080 s of CPU.
        assertThat(LambdaCost.billedSeconds(0.050, 0.080, 1769, 0)).isCloseTo(0.080, within(1e-9));
    }

    @Test
    void costsTheIssuesExampleAboutTwentyFourDollarsAMillion() {
        // 1,536 MB = 1.5 GB × 1.2 s = 1.8 GB-s; × 1,000,000 × $0.0000133334 = $24.00012.
        assertThat(LambdaCost.gbSeconds(1536, 1.2)).isCloseTo(1.8, within(1e-12));
        LambdaCost.Lambda crawl = LambdaCost.perMillion(PRICES, 1536, 1.2);
        assertThat(crawl.computeUsd()).isCloseTo(24.00012, within(1e-9));
        assertThat(crawl.requestsUsd()).isCloseTo(0.20, within(1e-12));
        assertThat(crawl.totalUsd()).isCloseTo(24.20012, within(1e-9));
    }

    @Test
    void addsUpAMillionLinksSavedThroughTheApi() {
        // submit: 0.5 GB × 0.05 s × 1,000,000 = 25,000 GB-s × $0.0000133334 = $0.333335, + $0.20;
        // crawl: $24.00012 + $0.20; SQS 3 × $0.40 = $1.20; API $1.00.
        LambdaCost.PerMillionLinks links =
                LambdaCost.perMillionLinks(PRICES, 512, 0.05, 1536, 1.2, 3);

        assertThat(links.submit().computeUsd()).isCloseTo(0.333335, within(1e-9));
        assertThat(links.crawl().computeUsd()).isCloseTo(24.00012, within(1e-9));
        assertThat(links.sqsUsd()).isCloseTo(1.20, within(1e-12));
        assertThat(links.apiUsd()).isCloseTo(1.00, within(1e-12));
        // 0.333335 + 0.20 + 24.00012 + 0.20 + 1.20 + 1.00 = 26.933455
        assertThat(links.totalUsd()).isCloseTo(26.933455, within(1e-9));
    }

    @Test
    void pricesAMillionReadsWithTheirApiRequests() {
        // 0.5 GB × 0.1 s × 1,000,000 = 50,000 GB-s × $0.0000133334 = $0.66667, + $0.20 + $1.00.
        assertThat(LambdaCost.perMillionQueriesUsd(PRICES, 512, 0.1))
                .isCloseTo(1.86667, within(1e-9));
    }
}
