package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class LevelFiguresTest {

    private static final long MS = 1_000_000;

    @Test
    void throughputRunsFromTheFirstSendToTheLastDocumentIndexed() {
        List<LevelFigures.Crawled> crawled = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            crawled.add(crawled(i * 10 * MS, (i * 10 + 20) * MS, 5.0, 2.0, 1.0, 8.0, 12.0));
        }

        LevelFigures figures = LevelFigures.of(4, List.of(pass(crawled, 0, 150.0, 0)));

        assertThat(figures.links()).isEqualTo(100);
        assertThat(figures.seconds()).isCloseTo(1.010, within(1e-9));
        assertThat(figures.linksPerSecond()).isCloseTo(100 / 1.010, within(1e-9));
        assertThat(figures.cpuPercent()).isEqualTo(150.0);
    }

    @Test
    void latencyPercentilesAreOfSentToIndexed() {
        List<LevelFigures.Crawled> crawled = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            crawled.add(crawled(0, i * MS, 0, 0, 0, 0, 0));
        }

        LevelFigures figures = LevelFigures.of(1, List.of(pass(crawled, 0, 0, 0)));

        assertThat(figures.p50Ms()).isEqualTo(50.0);
        assertThat(figures.p99Ms()).isEqualTo(99.0);
    }

    @Test
    void stagesAreMeansAndOtherIsTheRestOfTheCrawl() {
        List<LevelFigures.Crawled> crawled =
                List.of(
                        crawled(0, 30 * MS, 10.0, 2.0, 1.0, 6.0, 11.0),
                        crawled(0, 30 * MS, 20.0, 4.0, 3.0, 10.0, 19.0));

        LevelFigures figures = LevelFigures.of(2, List.of(pass(crawled, 0, 0, 0)));

        assertThat(figures.queueMs()).isEqualTo(15.0);
        assertThat(figures.fetchMs()).isEqualTo(3.0);
        assertThat(figures.extractMs()).isEqualTo(2.0);
        assertThat(figures.indexMs()).isEqualTo(8.0);
        assertThat(figures.crawlMs()).isEqualTo(15.0);
        assertThat(figures.otherMs()).isEqualTo(2.0);
    }

    @Test
    void runnerTimeIsWhatASlotSpendsPerLinkOutsideTheHandler() {
        List<LevelFigures.Crawled> crawled = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // One slot, a link indexed every 40 ms, 25 ms of it in the handler.
            crawled.add(crawled(i * 40 * MS, (i + 1) * 40 * MS, 0, 10.0, 5.0, 10.0, 25.0));
        }

        LevelFigures figures = LevelFigures.of(1, List.of(pass(crawled, 0, 0, 0)));

        assertThat(figures.linksPerSecond()).isCloseTo(25.0, within(1e-9));
        assertThat(figures.runnerMs()).isCloseTo(15.0, within(1e-9));
    }

    @Test
    void aStageNoCrawlReachedIsAveragedOverTheCrawlsThatDid() {
        CrawlTiming refused =
                new CrawlTiming(
                        "b",
                        "failed",
                        10 * MS,
                        OptionalDouble.of(1.0),
                        OptionalDouble.empty(),
                        OptionalDouble.empty(),
                        OptionalDouble.of(4.0),
                        OptionalDouble.of(5.0));
        List<LevelFigures.Crawled> crawled =
                List.of(
                        crawled(0, 10 * MS, 1.0, 6.0, 2.0, 4.0, 13.0),
                        new LevelFigures.Crawled(0, refused));

        LevelFigures figures = LevelFigures.of(2, List.of(pass(crawled, 0, 0, 0)));

        assertThat(figures.fetchMs()).isEqualTo(6.0);
        assertThat(figures.extractMs()).isEqualTo(2.0);
        assertThat(figures.indexMs()).isEqualTo(4.0);
    }

    @Test
    void noLinksGiveZerosRatherThanDividingByZero() {
        LevelFigures figures = LevelFigures.of(64, List.of(pass(List.of(), 5 * MS, 0, 3)));

        assertThat(figures.linksPerSecond()).isZero();
        assertThat(figures.p99Ms()).isZero();
        assertThat(figures.redelivered()).isEqualTo(3);
    }

    @Test
    void passesArePooledAndEachKeepsItsOwnThroughput() {
        List<LevelFigures.Crawled> early = new ArrayList<>();
        List<LevelFigures.Crawled> late = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            early.add(crawled(0, i * 20 * MS, 0, 0, 0, 0, 0)); // 50 links in 1 s
            late.add(crawled(0, i * 10 * MS, 0, 0, 0, 0, 0)); // 50 links in 0.5 s
        }

        LevelFigures figures =
                LevelFigures.of(
                        16,
                        List.of(
                                new LevelFigures.Pass(early, 0, 1_000 * MS, 80.0, 1),
                                new LevelFigures.Pass(late, 0, 3_000 * MS, 40.0, 2)));

        assertThat(figures.links()).isEqualTo(100);
        assertThat(figures.seconds()).isCloseTo(1.5, within(1e-9));
        assertThat(figures.linksPerSecond()).isCloseTo(100 / 1.5, within(1e-9));
        assertThat(figures.passLinksPerSecond()).containsExactly(50.0, 100.0);
        assertThat(figures.cpuPercent()).as("weighted by each pass's length").isEqualTo(50.0);
        assertThat(figures.redelivered()).isEqualTo(3);
    }

    private static LevelFigures.Pass pass(
            List<LevelFigures.Crawled> crawled, long firstSent, double cpu, int redelivered) {
        return new LevelFigures.Pass(crawled, firstSent, 1_000 * MS, cpu, redelivered);
    }

    private static LevelFigures.Crawled crawled(
            long sentNanos,
            long readNanos,
            double queue,
            double fetch,
            double extract,
            double index,
            double crawl) {
        return new LevelFigures.Crawled(
                sentNanos,
                new CrawlTiming(
                        "id-" + sentNanos + "-" + readNanos,
                        "crawled",
                        readNanos,
                        OptionalDouble.of(queue),
                        OptionalDouble.of(fetch),
                        OptionalDouble.of(extract),
                        OptionalDouble.of(index),
                        OptionalDouble.of(crawl)));
    }
}
