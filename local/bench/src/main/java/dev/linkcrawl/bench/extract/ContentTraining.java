package dev.linkcrawl.bench.extract;

import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.extract.content.BlockTable;
import dev.linkcrawl.crawl.extract.learn.BoostedTrees;
import dev.linkcrawl.crawl.extract.learn.TreeTraining;
import dev.linkcrawl.crawl.fetch.PageCharset;
import dev.linkcrawl.index.PageType;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Learns the page type and which blocks of a page are its main content from WCXB's annotations, and
 * reports how well that holds on sites it did not learn from (folds grouped by site).
 *
 * <p>Run: {@code java -cp "$(ls local/bench/target/local-bench-*.jar):$(cat
 * local/bench/target/classpath.txt)" dev.linkcrawl.bench.extract.ContentTraining --corpus DIR}
 * prints the out-of-fold page-type accuracy with its confusion table and, per fold, the block
 * models' word F1 by page type (kept at a plain 0.5 threshold, without the fallback of {@code
 * ContentSelection}, and with {@code --pruned} pruned as the crawl prunes them); {@code
 * --article-thresholds A,B} scores other keep thresholds on pages recognised as articles; {@code
 * --write OUT} also trains on every page and writes the three models to OUT; {@code --types-only}
 * stops after the page type (and writes only its model). It needs about 4 GB of heap ({@code
 * -Xmx4g}) and, on two cores, about half an hour.
 */
public final class ContentTraining {

    /** One page's blocks, rows and labels. */
    record PageData(WcxbCorpus.Page page, BlockTable table, int[] labels, double[] weights) {}

    /** The classes of the page-type model, in its order: WCXB's page types. */
    static final List<String> TYPE_CLASSES = WcxbBench.TYPES;

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of("../shared/corpus");
        int folds = WcxbBench.DEFAULT_FOLDS;
        Path out = null;
        int rounds = 200;
        int depth = 6;
        int typeRounds = 120;
        int typeDepth = 4;
        double typeRate = 0.12;
        boolean trueType = false;
        List<Double> thresholds = new ArrayList<>(List.of(0.5));
        List<Double> articleThresholds = new ArrayList<>();
        boolean useArticles = true;
        double articleWeight = 1;
        boolean stacked = true;
        int firstRounds = 80;
        int firstDepth = 6;
        double rate = 0.1;
        Path dump = null;
        boolean typesOnly = false;
        String typeGrid = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--write" -> out = Path.of(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--depth" -> depth = Integer.parseInt(args[++i]);
                case "--type-rounds" -> typeRounds = Integer.parseInt(args[++i]);
                case "--type-depth" -> typeDepth = Integer.parseInt(args[++i]);
                case "--type-rate" -> typeRate = Double.parseDouble(args[++i]);
                case "--type-bag" -> typeBag = Integer.parseInt(args[++i]);
                case "--true-type" -> trueType = true;
                case "--thresholds" -> {
                    thresholds.clear();
                    for (String t : args[++i].split(",")) {
                        thresholds.add(Double.parseDouble(t));
                    }
                }
                case "--article-thresholds" -> {
                    for (String t : args[++i].split(",")) {
                        articleThresholds.add(Double.parseDouble(t));
                    }
                }
                case "--pruned" -> pruned = true;
                case "--no-articles" -> useArticles = false;
                case "--article-weight" -> articleWeight = Double.parseDouble(args[++i]);
                case "--no-context" -> stacked = false;
                case "--first-rounds" -> firstRounds = Integer.parseInt(args[++i]);
                case "--first-depth" -> firstDepth = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Double.parseDouble(args[++i]);
                case "--sure" -> {
                    SURE_NO = Double.parseDouble(args[++i]);
                    SURE_YES = 1 - SURE_NO;
                }
                case "--dump" -> dump = Path.of(args[++i]);
                case "--types-only" -> typesOnly = true;
                case "--type-grid" -> typeGrid = args[++i];
                case "--type-no-articles" -> typeArticles = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.isDirectory(corpus.resolve("wcxb")) ? corpus.resolve("wcxb") : corpus;
        List<WcxbCorpus.Page> pages = new ArrayList<>(WcxbCorpus.read(dir, "dev"));
        Path articles = corpus.resolve("article-benchmark");
        if (useArticles && Files.isDirectory(articles)) {
            pages.addAll(articlePages(articles));
        }
        long t0 = System.nanoTime();
        List<PageData> data = new ArrayList<>();
        for (WcxbCorpus.Page p : pages) {
            data.add(prepare(p, p.id().startsWith(ARTICLE_PREFIX) ? articleWeight : 1));
        }
        System.out.printf(
                Locale.ROOT,
                "prepared %d pages in %.1f s%n",
                data.size(),
                (System.nanoTime() - t0) / 1e9);
        TreeTraining.Settings typeSettings =
                new TreeTraining.Settings(typeRounds, typeDepth, typeRate, 1.0, 1.0, 0.8, 64, 7);
        TreeTraining.Settings blockSettings =
                new TreeTraining.Settings(rounds, depth, rate, 1.0, 1.0, 0.5, 64, 42);
        TreeTraining.Settings firstSettings =
                new TreeTraining.Settings(firstRounds, firstDepth, rate, 1.0, 1.0, 0.5, 64, 43);
        int k = Math.max(folds, 2);
        if (typeGrid != null) {
            // rounds:depth:rate:rowSample[:seed],… each scored out of fold
            for (String g : typeGrid.split(",")) {
                String[] v = g.split(":");
                TreeTraining.Settings settings =
                        new TreeTraining.Settings(
                                Integer.parseInt(v[0]),
                                Integer.parseInt(v[1]),
                                Double.parseDouble(v[2]),
                                1.0,
                                1.0,
                                Double.parseDouble(v[3]),
                                64,
                                v.length > 4 ? Long.parseLong(v[4]) : 7);
                System.out.printf(
                        Locale.ROOT,
                        "page type (out of fold) %s: %.4f%n",
                        g,
                        typeAccuracy(data, k, settings));
            }
            return;
        }
        // out-of-fold page types: what the block model will see at inference
        PageType[] predicted = new PageType[data.size()];
        int right = 0;
        int wcxbPages = 0;
        Map<String, int[]> confusion = new TreeMap<>();
        for (int f = 0; f < k; f++) {
            int held = f;
            List<PageData> train = inFolds(data, k, held, false);
            BoostedTrees types = fitTypes(train, typeSettings);
            for (int i = 0; i < data.size(); i++) {
                PageData d = data.get(i);
                if (WcxbBench.fold(d.page().site(), k) != held) {
                    continue;
                }
                double[] p = types.probabilities(d.table().pageRow());
                int best = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[best]) {
                        best = c;
                    }
                }
                predicted[i] = PageType.ofLabel(TYPE_CLASSES.get(best)).orElseThrow();
                if (d.page().id().startsWith(ARTICLE_PREFIX)) {
                    continue;
                }
                wcxbPages++;
                boolean ok = TYPE_CLASSES.get(best).equals(d.page().pageType());
                if (!ok && typesOnly) {
                    System.out.printf(
                            Locale.ROOT,
                            "  wrong %s %-13s as %-13s %s%n",
                            d.page().id(),
                            d.page().pageType(),
                            TYPE_CLASSES.get(best),
                            d.page().url());
                }
                right += ok ? 1 : 0;
                int[] row =
                        confusion.computeIfAbsent(
                                d.page().pageType(), x -> new int[TYPE_CLASSES.size()]);
                row[best]++;
            }
        }
        System.out.printf(
                Locale.ROOT, "page type (out of fold): %.4f%n", (double) right / wcxbPages);
        System.out.println("  truth \\ predicted " + TYPE_CLASSES);
        confusion.forEach(
                (t, row) -> System.out.println("  " + t + " " + java.util.Arrays.toString(row)));
        for (int i = 0; i < data.size(); i++) {
            PageData d = data.get(i);
            d.table()
                    .setType(
                            trueType
                                    ? PageType.ofLabel(d.page().pageType()).orElseThrow()
                                    : predicted[i]);
        }
        if (typesOnly) {
            if (out != null) {
                Files.createDirectories(out);
                try (Writer w = Files.newBufferedWriter(out.resolve("page-type.model"))) {
                    fitTypes(data, typeSettings).write(w);
                }
                System.out.println("wrote the page-type model to " + out);
            }
            return;
        }
        if (folds > 1) {
            java.util.IdentityHashMap<PageData, double[]> oof = new java.util.IdentityHashMap<>();
            for (int f = 0; f < folds; f++) {
                long t1 = System.nanoTime();
                Stacked model =
                        fitStacked(
                                inFolds(data, folds, f, false),
                                blockSettings,
                                firstSettings,
                                stacked);
                for (PageData d : inFolds(data, folds, f, true)) {
                    oof.put(d, model.probabilities(d.table()));
                }
                System.out.printf(
                        Locale.ROOT,
                        "fold %d trained in %.1f s%n",
                        f,
                        (System.nanoTime() - t1) / 1e9);
            }
            System.out.printf(
                    Locale.ROOT,
                    "second look evaluated on %.1f%% of blocks%n",
                    100.0 * EVALUATED[0] / Math.max(1, EVALUATED[1]));
            for (double threshold : thresholds) {
                report(
                        data,
                        oof,
                        threshold,
                        threshold,
                        folds,
                        threshold == thresholds.get(0) ? dump : null);
            }
            for (double articleThreshold : articleThresholds) {
                report(data, oof, thresholds.get(0), articleThreshold, folds, null);
            }
        }
        if (out != null) {
            Files.createDirectories(out);
            BoostedTrees types = fitTypes(data, typeSettings);
            try (Writer w = Files.newBufferedWriter(out.resolve("page-type.model"))) {
                types.write(w);
            }
            Stacked blocks = fitStacked(data, blockSettings, firstSettings, stacked);
            try (Writer w = Files.newBufferedWriter(out.resolve("main-content.model"))) {
                blocks.first().write(w);
            }
            if (blocks.second() != null) {
                try (Writer w =
                        Files.newBufferedWriter(out.resolve("main-content-context.model"))) {
                    blocks.second().write(w);
                }
            }
            System.out.println("wrote models to " + out);
        }
    }

    /**
     * Scores out-of-fold probabilities kept at {@code threshold} ({@code articleThreshold} on pages
     * recognised as articles), by page type.
     */
    static void report(
            List<PageData> data,
            java.util.IdentityHashMap<PageData, double[]> oof,
            double threshold,
            double articleThreshold,
            int folds,
            Path dump)
            throws IOException {
        Map<String, double[]> scores = new TreeMap<>();
        com.fasterxml.jackson.databind.node.ObjectNode texts =
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        List<String[]> worst = new ArrayList<>();
        double[] article = new double[3];
        double[] foldF1 = new double[folds];
        int[] foldN = new int[folds];
        for (PageData d : data) {
            String text =
                    select(
                            d.table(),
                            oof.get(d),
                            d.table().type() == PageType.ARTICLE ? articleThreshold : threshold);
            texts.put(d.page().id(), text);
            if (d.page().id().startsWith(ARTICLE_PREFIX)) {
                double[] prf =
                        ArticleBenchmark.shingleScore(
                                ArticleBenchmark.tokens(d.page().mainContent()),
                                ArticleBenchmark.tokens(text));
                article[0] += prf[0] + prf[1] > 0 ? prf[0] / (prf[0] + prf[1]) : 0;
                article[1] += prf[0] + prf[2] > 0 ? prf[0] / (prf[0] + prf[2]) : 0;
                article[2]++;
                continue;
            }
            WordF1.Score s = WordF1.score(text, d.page().mainContent());
            int fold = WcxbBench.fold(d.page().site(), folds);
            foldF1[fold] += s.f1();
            foldN[fold]++;
            worst.add(
                    new String[] {
                        String.format(Locale.ROOT, "%.3f", s.f1()),
                        d.page().id(),
                        d.page().pageType(),
                        String.format(Locale.ROOT, "P %.3f R %.3f", s.precision(), s.recall()),
                        String.valueOf(fold),
                        d.page().url()
                    });
            for (String key : new String[] {d.page().pageType(), "all"}) {
                double[] acc = scores.computeIfAbsent(key, x -> new double[4]);
                acc[0] += s.f1();
                acc[1] += s.precision();
                acc[2] += s.recall();
                acc[3]++;
            }
        }
        System.out.printf(
                Locale.ROOT, "== threshold %.2f, on articles %.2f%n", threshold, articleThreshold);
        StringBuilder folded = new StringBuilder();
        double mean = 0;
        double min = 1;
        double max = 0;
        for (int f = 0; f < folds; f++) {
            double v = foldF1[f] / Math.max(1, foldN[f]);
            folded.append(String.format(Locale.ROOT, " %.4f", v));
            mean += v / folds;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        System.out.printf(
                Locale.ROOT, "  folds%s  mean %.4f spread %.4f%n", folded, mean, max - min);
        if (article[2] > 0) {
            double p = article[0] / article[2];
            double r = article[1] / article[2];
            System.out.printf(
                    Locale.ROOT,
                    "  article-benchmark %d pages: F1 %.4f P %.4f R %.4f (its scoring)%n",
                    (int) article[2],
                    2 * p * r / (p + r),
                    p,
                    r);
        }
        for (Map.Entry<String, double[]> e : scores.entrySet()) {
            double[] a = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "  %-14s %5d F1 %.4f P %.4f R %.4f%n",
                    e.getKey(),
                    (int) a[3],
                    a[0] / a[3],
                    a[1] / a[3],
                    a[2] / a[3]);
        }
        if (dump != null) {
            List<String> lines = new ArrayList<>();
            for (PageData d : data) {
                double[] p = oof.get(d);
                for (int i = 0; i < d.table().size(); i++) {
                    String t = d.table().text(i).replace('\t', ' ').replace('\n', ' ');
                    lines.add(
                            String.join(
                                    "\t",
                                    d.page().id(),
                                    d.page().pageType(),
                                    String.valueOf(i),
                                    String.valueOf(d.labels()[i]),
                                    String.format(Locale.ROOT, "%.3f", p[i]),
                                    String.format(Locale.ROOT, "%.3f", d.weights()[i]),
                                    path(d.table().owner(i)),
                                    t.length() > 160 ? t.substring(0, 160) : t));
                }
            }
            Files.write(dump.resolve("blocks.tsv"), lines);
            Files.writeString(dump.resolve("predictions.json"), texts.toString());
            worst.sort(java.util.Comparator.comparing(w -> Double.parseDouble(w[0])));
            Files.write(
                    dump.resolve("worst.txt"),
                    worst.stream().map(w -> String.join(" ", w)).toList());
        }
    }

    private static String path(org.jsoup.nodes.Element owner) {
        StringBuilder sb = new StringBuilder();
        org.jsoup.nodes.Element e = owner;
        for (int level = 0; level < 5 && e != null; level++) {
            String cls = e.className();
            sb.insert(0, "/" + e.normalName() + (cls.isEmpty() ? "" : "." + cls.replace(' ', '.')));
            e = e.parent();
        }
        return sb.toString();
    }

    /** Ids of article-benchmark pages start so, to tell them from WCXB's. */
    static final String ARTICLE_PREFIX = "ab-";

    /**
     * The article-benchmark's dev pages as training pages: all articles, their {@code articleBody}
     * the truth.
     */
    @SuppressWarnings("unchecked")
    static List<WcxbCorpus.Page> articlePages(Path dir) throws IOException {
        Map<String, Object> truth =
                (Map<String, Object>)
                        dev.linkcrawl.crawl.extract.LenientJson.parse(
                                        Files.readString(dir.resolve("ground-truth.json")))
                                .orElseThrow();
        List<WcxbCorpus.Page> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : new TreeMap<>(truth).entrySet()) {
            Map<String, Object> t = (Map<String, Object>) e.getValue();
            String url = String.valueOf(t.get("url"));
            out.add(
                    new WcxbCorpus.Page(
                            ARTICLE_PREFIX + e.getKey(),
                            url,
                            dev.linkcrawl.crawl.extract.SiteKey.of(url).orElse(url),
                            "article",
                            String.valueOf(t.get("articleBody")),
                            List.of(),
                            List.of(),
                            null,
                            null,
                            null,
                            dir.resolve("html").resolve(e.getKey() + ".html")));
        }
        return out;
    }

    private static List<PageData> inFolds(List<PageData> data, int folds, int fold, boolean in) {
        return data.stream()
                .filter(d -> (WcxbBench.fold(d.page().site(), folds) == fold) == in)
                .toList();
    }

    static double SURE_NO = -1;
    static double SURE_YES = 2;
    static final long[] EVALUATED = new long[2];

    /** The first look and, when trained, the second (context) look. */
    record Stacked(BoostedTrees first, BoostedTrees second) {

        double[] probabilities(BlockTable t) {
            double[] p = new double[t.size()];
            for (int i = 0; i < t.size(); i++) {
                p[i] = first.probability(t.row(i));
            }
            if (second == null) {
                return p;
            }
            float[][] rows = BlockTable.contextRows(t, p);
            double[] q = new double[t.size()];
            int evaluated = 0;
            for (int i = 0; i < t.size(); i++) {
                // a first look this sure is final: the second would hardly change it
                if (p[i] < SURE_NO || p[i] > SURE_YES) {
                    q[i] = p[i];
                } else {
                    q[i] = second.probability(rows[i]);
                    evaluated++;
                }
            }
            EVALUATED[0] += evaluated;
            EVALUATED[1] += t.size();
            return q;
        }
    }

    /**
     * Trains the first look on all pages, and the second on first-look probabilities that each page
     * got from a model that did not learn from its site (three inner folds), as it will at
     * inference on unseen pages.
     */
    static Stacked fitStacked(
            List<PageData> pages,
            TreeTraining.Settings settings,
            TreeTraining.Settings firstSettings,
            boolean stacked) {
        if (!stacked) {
            return new Stacked(fitBlocks(pages, settings, null), null);
        }
        int inner = 3;
        java.util.IdentityHashMap<PageData, double[]> outOfFold = new java.util.IdentityHashMap<>();
        for (int f = 0; f < inner; f++) {
            int held = f;
            List<PageData> train =
                    pages.stream()
                            .filter(d -> WcxbBench.fold(d.page().site() + "#inner", inner) != held)
                            .toList();
            BoostedTrees m = fitBlocks(train, firstSettings, null);
            for (PageData d : pages) {
                if (WcxbBench.fold(d.page().site() + "#inner", inner) == held) {
                    double[] p = new double[d.table().size()];
                    for (int i = 0; i < p.length; i++) {
                        p[i] = m.probability(d.table().row(i));
                    }
                    outOfFold.put(d, p);
                }
            }
        }
        BoostedTrees first = fitBlocks(pages, firstSettings, null);
        BoostedTrees second = fitBlocks(pages, settings, outOfFold);
        return new Stacked(first, second);
    }

    /** Whether the out-of-fold figures prune the kept blocks as the crawl does (--pruned). */
    static boolean pruned = false;

    static String select(BlockTable t, double[] p, double threshold) {
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (p[i] >= threshold) {
                kept.add(i);
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i : pruned ? t.pruned(kept) : kept) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(t.text(i));
        }
        return sb.toString();
    }

    /** The share of WCXB pages whose type a model trained on the other folds gets right. */
    static double typeAccuracy(List<PageData> data, int k, TreeTraining.Settings settings) {
        int right = 0;
        int pages = 0;
        for (int f = 0; f < k; f++) {
            BoostedTrees types = fitTypes(inFolds(data, k, f, false), settings);
            for (PageData d : inFolds(data, k, f, true)) {
                if (d.page().id().startsWith(ARTICLE_PREFIX)) {
                    continue;
                }
                double[] p = types.probabilities(d.table().pageRow());
                int best = 0;
                for (int c = 1; c < p.length; c++) {
                    if (p[c] > p[best]) {
                        best = c;
                    }
                }
                pages++;
                right += TYPE_CLASSES.get(best).equals(d.page().pageType()) ? 1 : 0;
            }
        }
        return (double) right / pages;
    }

    /** How many page-type models of other row samples are averaged into one: 4. */
    static int typeBag = 4;

    /** Whether the page-type model learns from article-benchmark's pages too (all articles). */
    static boolean typeArticles = true;

    static BoostedTrees fitTypes(List<PageData> all, TreeTraining.Settings settings) {
        List<PageData> pages =
                typeArticles
                        ? all
                        : all.stream()
                                .filter(d -> !d.page().id().startsWith(ARTICLE_PREFIX))
                                .toList();
        List<float[]> rows = new ArrayList<>();
        int[] labels = new int[pages.size()];
        double[] weights = new double[pages.size()];
        for (int i = 0; i < pages.size(); i++) {
            rows.add(pages.get(i).table().pageRow());
            labels[i] = TYPE_CLASSES.indexOf(pages.get(i).page().pageType());
            weights[i] = 1;
        }
        // the mean of a few models of other row samples: the type of a page near a border then
        // depends less on which rows one model happened to draw
        List<BoostedTrees> bag = new ArrayList<>();
        for (int b = 0; b < typeBag; b++) {
            TreeTraining.Settings seeded =
                    new TreeTraining.Settings(
                            settings.rounds(),
                            settings.depth(),
                            settings.learningRate(),
                            settings.lambda(),
                            settings.minChildWeight(),
                            settings.rowSample(),
                            settings.bins(),
                            settings.seed() + b);
            bag.add(
                    TreeTraining.train(
                            BlockTable.pageFeatureNames(),
                            TYPE_CLASSES,
                            rows,
                            labels,
                            weights,
                            seeded));
        }
        return BoostedTrees.average(bag);
    }

    static BoostedTrees fitBlocks(
            List<PageData> pages,
            TreeTraining.Settings settings,
            java.util.IdentityHashMap<PageData, double[]> first) {
        List<float[]> rows = new ArrayList<>();
        int n = 0;
        for (PageData d : pages) {
            n += d.table().size();
        }
        int[] labels = new int[n];
        double[] weights = new double[n];
        int at = 0;
        for (PageData d : pages) {
            float[][] context =
                    first == null ? null : BlockTable.contextRows(d.table(), first.get(d));
            for (int i = 0; i < d.table().size(); i++) {
                rows.add(context == null ? d.table().row(i) : context[i]);
            }
            System.arraycopy(d.labels(), 0, labels, at, d.labels().length);
            System.arraycopy(d.weights(), 0, weights, at, d.weights().length);
            at += d.labels().length;
        }
        return TreeTraining.train(
                first == null ? BlockTable.featureNames() : BlockTable.contextFeatureNames(),
                List.of("content"),
                rows,
                labels,
                weights,
                settings);
    }

    static PageData prepare(WcxbCorpus.Page p, double pageWeight) {
        Document doc = Jsoup.parse(PageCharset.decode(p.bytes(), null).text(), p.url());
        BlockTable table = BlockTable.of(doc.body(), PageExtractor.hints(doc, p.url()));
        List<String> truth = WordF1.tokens(p.mainContent());
        Set<String> tri = new HashSet<>();
        Set<String> bi = new HashSet<>();
        Set<String> lines = new HashSet<>();
        for (int i = 0; i + 2 < truth.size(); i++) {
            tri.add(truth.get(i) + " " + truth.get(i + 1) + " " + truth.get(i + 2));
        }
        for (int i = 0; i + 1 < truth.size(); i++) {
            bi.add(truth.get(i) + " " + truth.get(i + 1));
        }
        for (String l : p.mainContent().split("\n")) {
            lines.add(String.join(" ", WordF1.tokens(l)));
        }
        int[] labels = new int[table.size()];
        double[] weights = new double[table.size()];
        int total = 0;
        int[] tokens = new int[table.size()];
        for (int i = 0; i < table.size(); i++) {
            List<String> t = WordF1.tokens(table.text(i));
            tokens[i] = t.size();
            total += t.size();
            labels[i] = label(t, tri, bi, lines) ? 1 : 0;
        }
        for (int i = 0; i < table.size(); i++) {
            // every page weighs the same, and within it each block as much as its words
            weights[i] = total == 0 ? 0 : pageWeight * 100.0 * Math.max(tokens[i], 0.5) / total;
        }
        return new PageData(p, table, labels, weights);
    }

    /** Whether a block's words belong to the truth: most of its word triples, or a whole line. */
    static boolean label(List<String> t, Set<String> tri, Set<String> bi, Set<String> lines) {
        int n = t.size();
        if (n == 0) {
            return false;
        }
        if (n == 1) {
            return lines.contains(t.get(0));
        }
        if (n == 2) {
            return bi.contains(t.get(0) + " " + t.get(1));
        }
        int hits = 0;
        for (int i = 0; i + 2 < n; i++) {
            if (tri.contains(t.get(i) + " " + t.get(i + 1) + " " + t.get(i + 2))) {
                hits++;
            }
        }
        return hits * 2 >= n - 2;
    }
}
