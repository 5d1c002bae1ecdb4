package dev.linkcrawl.bench.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.PageCharset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores {@link PageExtractor} on a WCXB split in this process, as WCXB's {@code evaluate.py}
 * scores a predictions file (see {@link WordF1}), and adds what evaluate.py leaves out: the
 * published date, the page type, and F1 per fold of pages grouped by site.
 *
 * <p>Run: {@code java -cp "$(ls local/bench/target/local-bench-*.jar):$(cat
 * local/bench/target/classpath.txt)" dev.linkcrawl.bench.extract.WcxbBench --corpus DIR} with
 * options {@code --type T} (one page type), {@code --worst N} (the N lowest pages), {@code --show
 * ID} (one page's text beside its truth), {@code --predictions FILE} (write {@code {id: text}} for
 * evaluate.py), {@code --folds K} and {@code --no-url} (extract without the page's address, as a
 * file on disk is).
 */
public final class WcxbBench {

    /** The page types in the order WCXB's tables list them. */
    public static final List<String> TYPES =
            List.of(
                    "article",
                    "forum",
                    "product",
                    "collection",
                    "listing",
                    "documentation",
                    "service");

    /** Folds of the grouped cross-validation figures unless told otherwise: 5. */
    static final int DEFAULT_FOLDS = 5;

    /** One page's outcome. */
    public record Result(
            WcxbCorpus.Page page,
            String text,
            String predictedType,
            WordF1.Score score,
            double with,
            double without,
            boolean dateRight,
            String date) {}

    /**
     * Mean figures over a set of pages. {@code dateAccuracy} counts as date extractors are scored
     * (htmldate's evaluation): over the pages whose truth has a {@code publish_date}, the share
     * given that date (at the truth's precision); {@code falseDates} is the share of the other
     * pages given a date all the same.
     */
    public record Summary(
            int pages,
            double precision,
            double recall,
            double f1,
            double withSnippets,
            double withoutSnippets,
            double dateAccuracy,
            double falseDates,
            double pageTypeAccuracy) {

        static Summary of(List<Result> results) {
            int n = results.size();
            if (n == 0) {
                return new Summary(0, 0, 0, 0, 0, 0, 0, 0, 0);
            }
            double p = 0;
            double r = 0;
            double f = 0;
            double w = 0;
            double wo = 0;
            int dated = 0;
            int datesRight = 0;
            int falseDates = 0;
            int types = 0;
            for (Result x : results) {
                p += x.score().precision();
                r += x.score().recall();
                f += x.score().f1();
                w += x.with();
                wo += x.without();
                if (x.page().publishDate() != null && !x.page().publishDate().isBlank()) {
                    dated++;
                    datesRight += x.dateRight() ? 1 : 0;
                } else {
                    falseDates += x.dateRight() ? 0 : 1;
                }
                types += x.predictedType().equals(x.page().pageType()) ? 1 : 0;
            }
            return new Summary(
                    n,
                    p / n,
                    r / n,
                    f / n,
                    w / n,
                    wo / n,
                    dated == 0 ? 0 : (double) datesRight / dated,
                    dated == n ? 0 : (double) falseDates / (n - dated),
                    (double) types / n);
        }
    }

    private final PageExtractor extractor = new PageExtractor();

    /** Extracts and scores each page; {@code withUrl} passes the page's address as its base. */
    public List<Result> run(List<WcxbCorpus.Page> pages, boolean withUrl) {
        List<Result> out = new ArrayList<>(pages.size());
        for (WcxbCorpus.Page p : pages) {
            String html = PageCharset.decode(p.bytes(), null).text();
            String url = withUrl ? p.url() : "file:///wcxb/" + p.id() + ".html";
            out.add(score(p, extractor.extract(html, url)));
        }
        return out;
    }

    /** One page's extraction scored against its truth. */
    public static Result score(WcxbCorpus.Page p, ExtractedPage page) {
        String text = page.text();
        String date = page.publishedDate() == null ? null : page.publishedDate().toString();
        return new Result(
                p,
                text,
                page.pageType().label(),
                WordF1.score(text, p.mainContent()),
                WordF1.snippetRate(text, p.with()),
                WordF1.snippetRate(text, p.without()),
                sameDate(p.publishDate(), date),
                date);
    }

    /**
     * Whether a found date ({@code yyyy-mm-dd} or null) agrees with the truth at the truth's
     * precision ({@code yyyy-mm-dd} or {@code yyyy-mm}); no date agrees with no date.
     */
    static boolean sameDate(String truth, String found) {
        if (truth == null || truth.isBlank()) {
            return found == null;
        }
        return found != null && found.startsWith(truth.strip());
    }

    /** The fold of a page, by its site: a site's pages are never in two folds. */
    public static int fold(String site, int folds) {
        long h = 1125899906842597L;
        for (int i = 0; i < site.length(); i++) {
            h = 31 * h + site.charAt(i);
        }
        h ^= h >>> 29;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 32;
        return (int) Math.floorMod(h, (long) folds);
    }

    /** Summaries of all pages, then of each page type in WCXB's order. */
    public static Map<String, Summary> byType(List<Result> results) {
        Map<String, Summary> out = new LinkedHashMap<>();
        out.put("all", Summary.of(results));
        for (String t : TYPES) {
            out.put(
                    t,
                    Summary.of(
                            results.stream().filter(r -> r.page().pageType().equals(t)).toList()));
        }
        return out;
    }

    /** The F1 of each fold. */
    public static double[] foldF1(List<Result> results, int folds) {
        double[] sum = new double[folds];
        int[] n = new int[folds];
        for (Result r : results) {
            int f = fold(r.page().site(), folds);
            sum[f] += r.score().f1();
            n[f]++;
        }
        double[] out = new double[folds];
        for (int f = 0; f < folds; f++) {
            out[f] = n[f] == 0 ? 0 : sum[f] / n[f];
        }
        return out;
    }

    static void printTable(Map<String, Summary> byType) {
        System.out.printf(
                Locale.ROOT,
                "  %-14s %5s %7s %7s %7s %7s %7s %7s %7s %7s%n",
                "type",
                "pages",
                "F1",
                "P",
                "R",
                "with",
                "without",
                "date",
                "falseDt",
                "type");
        for (Map.Entry<String, Summary> e : byType.entrySet()) {
            Summary s = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s %5d %7.4f %7.4f %7.4f %7.3f %7.3f %7.3f %7.3f %7.3f%n",
                    e.getKey(),
                    s.pages(),
                    s.f1(),
                    s.precision(),
                    s.recall(),
                    s.withSnippets(),
                    s.withoutSnippets(),
                    s.dateAccuracy(),
                    s.falseDates(),
                    s.pageTypeAccuracy());
        }
    }

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of("../shared/corpus");
        String type = null;
        int worst = 0;
        String show = null;
        Path predictions = null;
        int folds = DEFAULT_FOLDS;
        boolean withUrl = true;
        String only = null;
        boolean dates = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--type" -> type = args[++i];
                case "--worst" -> worst = Integer.parseInt(args[++i]);
                case "--show" -> show = args[++i];
                case "--predictions" -> predictions = Path.of(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--no-url" -> withUrl = false;
                case "--fold" -> only = args[++i];
                case "--dates" -> dates = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.isDirectory(corpus.resolve("wcxb")) ? corpus.resolve("wcxb") : corpus;
        List<WcxbCorpus.Page> pages = WcxbCorpus.read(dir, "dev");
        if (show != null) {
            String id = show;
            pages = pages.stream().filter(p -> p.id().equals(id)).toList();
        }
        if (type != null) {
            String t = type;
            pages = pages.stream().filter(p -> p.pageType().equals(t)).toList();
        }
        if (only != null) {
            // "--fold 1-4" keeps folds 1 to 4 (of --folds), "--fold 0" one fold
            String[] range = only.split("-");
            int lo = Integer.parseInt(range[0]);
            int hi = Integer.parseInt(range[range.length - 1]);
            int k = folds;
            pages =
                    pages.stream()
                            .filter(p -> fold(p.site(), k) >= lo && fold(p.site(), k) <= hi)
                            .toList();
        }
        WcxbBench bench = new WcxbBench();
        long t0 = System.nanoTime();
        List<Result> results = bench.run(pages, withUrl);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (show != null) {
            for (Result r : results) {
                System.out.println("== " + r.page().id() + " " + r.page().url());
                System.out.printf(
                        Locale.ROOT,
                        "type %s (truth %s) F1 %.3f P %.3f R %.3f date %s (truth %s)%n",
                        r.predictedType(),
                        r.page().pageType(),
                        r.score().f1(),
                        r.score().precision(),
                        r.score().recall(),
                        r.date(),
                        r.page().publishDate());
                System.out.println("---- extracted");
                System.out.println(r.text());
                System.out.println("---- truth");
                System.out.println(r.page().mainContent());
            }
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "== WCXB dev (%d pages, %.1f s, %s)%n",
                results.size(),
                seconds,
                withUrl ? "with page URLs" : "without URLs");
        printTable(byType(results));
        double[] f = foldF1(results, folds);
        System.out.printf(
                Locale.ROOT,
                "  folds by site (%d): %s  mean %.4f  spread %.4f%n",
                folds,
                java.util.Arrays.toString(
                        java.util.Arrays.stream(f)
                                .mapToObj(v -> String.format(Locale.ROOT, "%.4f", v))
                                .toArray()),
                java.util.Arrays.stream(f).average().orElse(0),
                java.util.Arrays.stream(f).max().orElse(0)
                        - java.util.Arrays.stream(f).min().orElse(0));
        if (worst > 0) {
            results.stream()
                    .sorted(Comparator.comparingDouble(r -> r.score().f1()))
                    .limit(worst)
                    .forEach(
                            r ->
                                    System.out.printf(
                                            Locale.ROOT,
                                            "  %s %-13s as %-13s F1 %.3f P %.3f R %.3f %s%n",
                                            r.page().id(),
                                            r.page().pageType(),
                                            r.predictedType(),
                                            r.score().f1(),
                                            r.score().precision(),
                                            r.score().recall(),
                                            r.page().url()));
        }
        if (dates) {
            for (Result r : results) {
                if (!r.dateRight()) {
                    System.out.printf(
                            Locale.ROOT,
                            "  date %s %-13s truth %-10s found %-10s %s%n",
                            r.page().id(),
                            r.page().pageType(),
                            r.page().publishDate(),
                            r.date(),
                            r.page().url());
                }
            }
        }
        if (predictions != null) {
            ObjectNode node = new ObjectMapper().createObjectNode();
            for (Result r : results) {
                node.put(r.page().id(), r.text());
            }
            Files.writeString(predictions, node.toString());
        }
    }
}
