package dev.linkcrawl.bench.extract;

import static dev.linkcrawl.bench.extract.CorpusFiles.read;

import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.PageCharset;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * {@link PageExtractor} timed against a bare Jsoup parse of the same pages, which extraction does
 * too: the ratio says what extraction costs over parsing, whatever the machine's speed.
 */
final class ExtractTiming {

    /** Timed rounds; the median of their ratios is reported: 7. */
    private static final int ROUNDS = 7;

    /** Runs per page and way within a round, of which the fastest counts: 3. */
    private static final int REPEATS = 3;

    private record Page(String html, String url) {}

    private final PageExtractor extractor;

    ExtractTiming(PageExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Every page of the three HTML corpora (article-benchmark, metascraper, readability) is parsed
     * by Jsoup alone and extracted, alternating page by page, in {@value #ROUNDS} rounds after a
     * warm-up; within a round each page runs {@value #REPEATS} times each way and its fastest run
     * counts. Prints the figures; returns pages extracted per second and {@code overParse}, the
     * median of the rounds' wall-clock ratios extract/parse (thread CPU time is printed beside it).
     */
    double[] corpora(Path corpus) throws IOException {
        List<Page> pages = new ArrayList<>();
        try (Stream<Path> s = Files.list(corpus.resolve("article-benchmark").resolve("html"))) {
            for (Path p : s.sorted().toList()) {
                pages.add(new Page(read(p), "https://example.com/article"));
            }
        }
        for (String name : new String[] {"metascraper", "readability"}) {
            try (Stream<Path> s = Files.walk(corpus.resolve(name), 2)) {
                for (Path p : s.sorted().toList()) {
                    String fn = p.getFileName().toString();
                    if (fn.equals("page.html") || fn.equals("source.html")) {
                        pages.add(new Page(read(p), "http://fakehost/test/page.html"));
                    }
                }
            }
        }
        // Warm up both paths so the JIT has compiled them before anything is timed.
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            for (Page p : pages) {
                sink += Jsoup.parse(p.html(), p.url()).childNodeSize();
                sink += extractor.extract(p.html(), p.url()).wordCount();
            }
        }
        // Parse and extract alternate page by page (their order flips every round), so load from
        // other processes falls on both alike. Each page is timed REPEATS times each way and its
        // fastest run counts, which drops runs another process interrupted; each round gives a
        // ratio and the median of the rounds is kept.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] wallRatios = new double[ROUNDS];
        double[] cpuRatios = new double[ROUNDS];
        double[] extractSeconds = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long parseWall = 0;
            long extractWall = 0;
            long parseCpu = 0;
            long extractCpu = 0;
            for (Page p : pages) {
                long[] best = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
                for (int rep = 0; rep < REPEATS; rep++) {
                    for (int step = 0; step < 2; step++) {
                        boolean parse = (step == 0) == (round % 2 == 0);
                        long c0 = cpu.getCurrentThreadCpuTime();
                        long t0 = System.nanoTime();
                        sink +=
                                parse
                                        ? Jsoup.parse(p.html(), p.url()).childNodeSize()
                                        : extractor.extract(p.html(), p.url()).wordCount();
                        long t1 = System.nanoTime();
                        long c1 = cpu.getCurrentThreadCpuTime();
                        int k = parse ? 0 : 2;
                        best[k] = Math.min(best[k], t1 - t0);
                        best[k + 1] = Math.min(best[k + 1], c1 - c0);
                    }
                }
                parseWall += best[0];
                parseCpu += best[1];
                extractWall += best[2];
                extractCpu += best[3];
            }
            wallRatios[round] = (double) extractWall / parseWall;
            cpuRatios[round] = (double) extractCpu / parseCpu;
            extractSeconds[round] = extractWall / 1e9;
        }
        double overParse = median(wallRatios);
        double pagesPerSecond = pages.size() / median(extractSeconds);
        System.out.println(
                "== timing ("
                        + pages.size()
                        + " pages x "
                        + ROUNDS
                        + " rounds after warm-up, fastest of "
                        + REPEATS
                        + " runs per page; median of per-round ratios)");
        System.out.printf(Locale.ROOT, "  %-26s %10s%n", "measure", "value");
        System.out.printf(Locale.ROOT, "  %-26s %10.1f%n", "pages/s (extract)", pagesPerSecond);
        System.out.printf(Locale.ROOT, "  %-26s %10.3f%n", "overParse (wall clock)", overParse);
        System.out.printf(
                Locale.ROOT,
                "  %-26s %10.3f .. %.3f%n",
                "  rounds' range",
                min(wallRatios),
                max(wallRatios));
        System.out.printf(
                Locale.ROOT, "  %-26s %10.3f%n", "overParse (thread CPU)", median(cpuRatios));
        if (sink == 42) {
            System.out.println();
        }
        return new double[] {pagesPerSecond, overParse};
    }

    /**
     * The median over WCXB pages of extraction time over a bare Jsoup parse of the same page (each
     * the fastest of {@value #REPEATS} runs, the two ways alternating, after a warm-up pass), and
     * pages extracted per second (total of the fastest runs).
     */
    double[] wcxb(List<WcxbCorpus.Page> pages) {
        List<Page> html = new ArrayList<>(pages.size());
        for (WcxbCorpus.Page p : pages) {
            html.add(new Page(PageCharset.decode(p.bytes(), null).text(), p.url()));
        }
        long sink = 0;
        for (Page p : html) {
            sink += Jsoup.parse(p.html(), p.url()).childNodeSize();
            sink += extractor.extract(p.html(), p.url()).wordCount();
        }
        double[] ratios = new double[html.size()];
        long extractTotal = 0;
        for (int i = 0; i < html.size(); i++) {
            Page p = html.get(i);
            long parse = Long.MAX_VALUE;
            long extract = Long.MAX_VALUE;
            for (int rep = 0; rep < REPEATS; rep++) {
                long t0 = System.nanoTime();
                sink += Jsoup.parse(p.html(), p.url()).childNodeSize();
                long t1 = System.nanoTime();
                sink += extractor.extract(p.html(), p.url()).wordCount();
                long t2 = System.nanoTime();
                parse = Math.min(parse, t1 - t0);
                extract = Math.min(extract, t2 - t1);
            }
            ratios[i] = (double) extract / parse;
            extractTotal += extract;
        }
        double pagesPerSecond = html.size() / (extractTotal / 1e9);
        System.out.printf(
                Locale.ROOT,
                "  timing: extract / Jsoup parse, median over %d pages %.3f (quartiles %.3f .. %.3f);"
                        + " %.1f pages/s%n",
                html.size(),
                median(ratios),
                quantile(ratios, 0.25),
                quantile(ratios, 0.75),
                pagesPerSecond);
        if (sink == 42) {
            System.out.println();
        }
        return new double[] {median(ratios), pagesPerSecond};
    }

    private static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
