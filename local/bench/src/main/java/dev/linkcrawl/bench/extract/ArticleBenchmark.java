package dev.linkcrawl.bench.extract;

import static dev.linkcrawl.bench.extract.CorpusFiles.json;
import static dev.linkcrawl.bench.extract.CorpusFiles.read;
import static dev.linkcrawl.bench.extract.CorpusFiles.str;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-benchmark corpus scored exactly as its evaluate.py (SCORING.md) does: tokens {@code
 * [\p{L}\p{N}_]+}, word 4-gram multisets, per-document tp/fp/fn normalised, macro precision over
 * documents with a prediction, macro recall, F1 of the two means.
 */
final class ArticleBenchmark {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final PageExtractor extractor;
    private final boolean verbose;
    private final Path dump;

    /**
     * @param verbose print the 30 worst pages
     * @param dump where to write each page's extracted text, or {@code null}
     */
    ArticleBenchmark(PageExtractor extractor, boolean verbose, Path dump) {
        this.extractor = extractor;
        this.verbose = verbose;
        this.dump = dump;
    }

    /** Prints precision, recall, F1 and exact matches over the corpus in {@code dir}; the F1. */
    @SuppressWarnings("unchecked")
    double score(Path dir) throws IOException {
        Map<String, Object> truth = (Map<String, Object>) json(dir.resolve("ground-truth.json"));
        double pSum = 0;
        int pN = 0;
        double rSum = 0;
        int rN = 0;
        int exact = 0;
        List<String[]> worst = new ArrayList<>();
        if (dump != null) {
            Files.createDirectories(dump);
        }
        for (Map.Entry<String, Object> e : new TreeMap<>(truth).entrySet()) {
            Map<String, Object> t = (Map<String, Object>) e.getValue();
            String expected = str(t.get("articleBody"));
            String html = read(dir.resolve("html").resolve(e.getKey() + ".html"));
            ExtractedPage page = extractor.extract(html, str(t.get("url")));
            String predicted = page.text();
            if (dump != null) {
                Files.writeString(dump.resolve(e.getKey() + ".txt"), predicted);
            }
            List<String> te = tokens(expected);
            List<String> tp = tokens(predicted);
            if (te.equals(tp)) {
                exact++;
            }
            double[] prf = shingleScore(te, tp);
            double tpN = prf[0];
            double fpN = prf[1];
            double fnN = prf[2];
            double p;
            double r;
            if (fpN == 0 && fnN == 0) {
                p = 1;
                r = 1;
            } else {
                p = tpN == 0 && fpN == 0 ? 0 : tpN / (tpN + fpN);
                r = tpN == 0 && fnN == 0 ? 0 : tpN / (tpN + fnN);
            }
            if (tpN + fpN > 0) {
                pSum += p;
                pN++;
            }
            if (tpN + fnN > 0) {
                rSum += r;
                rN++;
            }
            worst.add(
                    new String[] {
                        e.getKey(),
                        String.format(Locale.ROOT, "%.3f", p),
                        String.format(Locale.ROOT, "%.3f", r),
                        str(t.get("url"))
                    });
        }
        double precision = pSum / Math.max(1, pN);
        double recall = rSum / Math.max(1, rN);
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        System.out.println("== article-benchmark (" + truth.size() + " pages)");
        System.out.printf(Locale.ROOT, "  %-10s %8s%n", "measure", "value");
        System.out.printf(Locale.ROOT, "  %-10s %8.4f%n", "precision", precision);
        System.out.printf(Locale.ROOT, "  %-10s %8.4f%n", "recall", recall);
        System.out.printf(Locale.ROOT, "  %-10s %8.4f%n", "F1", f1);
        System.out.printf(
                Locale.ROOT, "  %-10s %8.4f%n", "accuracy", (double) exact / truth.size());
        if (verbose) {
            worst.sort(
                    (a, b) ->
                            Double.compare(
                                    Double.parseDouble(a[1]) + Double.parseDouble(a[2]),
                                    Double.parseDouble(b[1]) + Double.parseDouble(b[2])));
            for (String[] w : worst.subList(0, Math.min(30, worst.size()))) {
                System.out.println(
                        "  worst P="
                                + w[1]
                                + " R="
                                + w[2]
                                + " "
                                + w[0].substring(0, 12)
                                + " "
                                + w[3]);
            }
        }
        return f1;
    }

    /** The words of {@code text} as evaluate.py splits them; none for {@code null}. */
    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<List<String>> shingles(List<String> tokens) {
        List<List<String>> out = new ArrayList<>();
        int n = 4;
        for (int i = 0; i < Math.max(1, tokens.size() - n + 1); i++) {
            List<String> s = tokens.subList(i, Math.min(tokens.size(), i + n));
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Normalised tp, fp, fn of the shingle multisets, as evaluate.py computes them. */
    static double[] shingleScore(List<String> expected, List<String> predicted) {
        Map<List<String>, Integer> t = new HashMap<>();
        for (List<String> s : shingles(expected)) {
            t.merge(s, 1, Integer::sum);
        }
        Map<List<String>, Integer> p = new HashMap<>();
        for (List<String> s : shingles(predicted)) {
            p.merge(s, 1, Integer::sum);
        }
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        for (List<String> k : keys) {
            int tc = t.getOrDefault(k, 0);
            int pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double s = tp + fp + fn;
        if (s > 0) {
            tp /= s;
            fp /= s;
            fn /= s;
        }
        return new double[] {tp, fp, fn};
    }
}
