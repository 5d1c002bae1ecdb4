package dev.linkcrawl.bench.extract;

import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.PageCharset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores {@link PageExtractor} on the dev corpora and times it against a bare Jsoup parse.
 *
 * <p>Run: {@code ./linkcrawl bench extract --corpus DIR} (default {@code ../shared/corpus}, the
 * corpus folder beside the project). Options: {@code --verbose} prints every disagreement, {@code
 * --dump DIR} writes each article-benchmark text to DIR. With a {@code wcxb} folder in the corpus,
 * WCXB's dev split is scored too ({@link WcxbBench}) and timed page by page.
 *
 * <p>It runs the crawl function's classes from the crawl-link artifact on this module's class path:
 * the same classes, with the same models, that the function's shaded jar (its Lambda code) holds,
 * in this JVM rather than in a class loader of that jar's own.
 *
 * <p>Scoring, each by its own class:
 *
 * <ul>
 *   <li>article-benchmark: exactly evaluate.py, word 4-gram F1 ({@link ArticleBenchmark});
 *   <li>metascraper and readability: agreement field by field with what their test suites expect
 *       ({@link MetadataAgreement});
 *   <li>html5lib-encoding: the encoding {@link PageCharset} picks from the bytes alone ({@link
 *       CharsetAccuracy});
 *   <li>timing: extraction against a bare Jsoup parse of the same pages, {@code overParse} the
 *       median of the rounds' wall-clock ratios extract/parse ({@link ExtractTiming}).
 * </ul>
 */
public final class ExtractBench {

    private final PageExtractor extractor = new PageExtractor();
    private final ExtractTiming timing = new ExtractTiming(extractor);
    private boolean verbose;
    private Path dump;

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of("../shared/corpus");
        ExtractBench b = new ExtractBench();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--verbose" -> b.verbose = true;
                case "--dump" -> b.dump = Path.of(args[++i]);
                case "-h", "--help" -> {
                    System.out.println(
                            "Usage: extract [--corpus DIR] [--verbose] [--dump DIR]\n"
                                    + "Scores and times the crawl function's extraction on the dev"
                                    + " corpora in DIR (default ../shared/corpus); ends with one"
                                    + " JSON line.");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        b.run(corpus);
    }

    private void run(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus.resolve("article-benchmark"))) {
            throw new IllegalArgumentException(
                    "no corpus at "
                            + corpus.toAbsolutePath()
                            + " (it needs article-benchmark, metascraper, readability and"
                            + " html5lib-encoding, and wcxb for the WCXB figures); pass --corpus"
                            + " DIR");
        }
        MetadataAgreement metadata = new MetadataAgreement(extractor, verbose);
        double f1 =
                new ArticleBenchmark(extractor, verbose, dump)
                        .score(corpus.resolve("article-benchmark"));
        double meta = metadata.metascraper(corpus.resolve("metascraper"));
        double read = metadata.readability(corpus.resolve("readability"));
        double charset = new CharsetAccuracy(verbose).score(corpus.resolve("html5lib-encoding"));
        String wcxb = wcxb(corpus.resolve("wcxb"));
        double[] speed = timing.corpora(corpus);
        System.out.printf(
                Locale.ROOT,
                "{\"f1\": %.4f, \"metascraperAgreement\": %.4f, \"readabilityAgreement\": %.4f,"
                        + " \"charsetAccuracy\": %.4f, \"pagesPerSecond\": %.1f,"
                        + " \"overParse\": %.3f, %s}%n",
                f1,
                meta,
                read,
                charset,
                speed[0],
                speed[1],
                wcxb);
    }

    /**
     * Scores WCXB's dev split as {@link WcxbBench} does and times extraction against a bare Jsoup
     * parse page by page; returns the JSON fields ({@code wcxbF1}, {@code wcxbF1ByType}, {@code
     * withSnippets}, {@code withoutSnippets}, {@code dateAccuracy} (over pages with a date in the
     * truth), {@code falseDates} (pages without one given a date), {@code pageTypeAccuracy}, {@code
     * wcxbOverParse}, {@code wcxbPagesPerSecond}), null when the corpus has no {@code wcxb}. The
     * models learned from these pages: the scores are in-sample.
     */
    private String wcxb(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("dev"))) {
            System.out.println("== WCXB: no " + dir + "/dev, skipped");
            return "\"wcxbF1\": null";
        }
        List<WcxbCorpus.Page> pages = WcxbCorpus.read(dir, "dev");
        List<WcxbBench.Result> results = new WcxbBench().run(pages, true);
        Map<String, WcxbBench.Summary> byType = WcxbBench.byType(results);
        System.out.println(
                "== WCXB dev ("
                        + pages.size()
                        + " pages; in-sample: the models learned from them)");
        WcxbBench.printTable(byType);
        StringBuilder types = new StringBuilder();
        for (String t : WcxbBench.TYPES) {
            types.append(types.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "\"%s\": %.4f", t, byType.get(t).f1()));
        }
        double[] speed = timing.wcxb(pages);
        WcxbBench.Summary all = byType.get("all");
        return String.format(
                Locale.ROOT,
                "\"wcxbF1\": %.4f, \"wcxbF1ByType\": {%s}, \"withSnippets\": %.4f,"
                        + " \"withoutSnippets\": %.4f, \"dateAccuracy\": %.4f, \"falseDates\": %.4f,"
                        + " \"pageTypeAccuracy\": %.4f, \"wcxbOverParse\": %.3f,"
                        + " \"wcxbPagesPerSecond\": %.1f",
                all.f1(),
                types,
                all.withSnippets(),
                all.withoutSnippets(),
                all.dateAccuracy(),
                all.falseDates(),
                all.pageTypeAccuracy(),
                speed[0],
                speed[1]);
    }
}
