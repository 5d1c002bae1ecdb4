package dev.linkcrawl.crawl.extract.bench;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.LenientJson;
import dev.linkcrawl.crawl.extract.PageExtractor;
import dev.linkcrawl.crawl.fetch.PageCharset;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;

/**
 * Scores {@link PageExtractor} on the dev corpora and times it against a bare Jsoup parse.
 *
 * <p>Run: {@code ./linkcrawl bench extract --corpus DIR} (default {@code ../shared/corpus}, the
 * corpus folder beside the project). Options: {@code --verbose} prints every disagreement, {@code
 * --dump DIR} writes each article-benchmark text to DIR. With a {@code wcxb} folder in the corpus,
 * WCXB's dev split is scored too ({@link WcxbBenchmark}) and timed page by page.
 *
 * <p>Scoring:
 *
 * <ul>
 *   <li>article-benchmark: exactly evaluate.py (SCORING.md): tokens {@code [\p{L}\p{N}_]+}, word
 *       4-gram multisets, per-document tp/fp/fn normalised, macro precision over documents with a
 *       prediction, macro recall, F1 of the two means.
 *   <li>metascraper: for each case and each of title, description, author, date, image, publisher
 *       (= siteName), lang, url (= canonicalUrl, else the page URL, as metascraper falls back to
 *       the input URL) present in {@code expected} or {@code checks}: equal after whitespace
 *       condensing (null must be null); dates agree on the same UTC day, published or modified;
 *       {@code checks} ops applied as named. Our title and description first pass through the
 *       normalisation metascraper applies to its own output (smartquotes; a trailing "..." of a
 *       description becomes "…").
 *   <li>readability: title, byline (= author), excerpt (= description), siteName compared after
 *       whitespace condensing (Readability keeps the source's line breaks inside an excerpt; null
 *       must be null); lang only where expected is truthy, compared on its primary subtag, since
 *       {@link ExtractedPage#lang()} is ISO 639-1.
 *   <li>html5lib-encoding: {@link PageCharset} on each case's bytes with no {@code Content-Type}
 *       header must pick the expected (WHATWG-named) encoding.
 *   <li>timing: every page of the three HTML corpora is parsed by Jsoup alone and extracted (which
 *       parses too), alternating page by page, in 7 rounds after a warm-up; within a round each
 *       page runs 3 times each way and its fastest run counts. {@code overParse} is the median of
 *       the rounds' wall-clock ratios extract/parse (thread CPU time is printed beside it).
 * </ul>
 */
public final class ExtractBenchmark {

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final PageExtractor extractor = new PageExtractor();
    private boolean verbose;
    private Path dump;

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of("../shared/corpus");
        ExtractBenchmark b = new ExtractBenchmark();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--corpus" -> corpus = Path.of(args[++i]);
                case "--verbose" -> b.verbose = true;
                case "--dump" -> b.dump = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        b.run(corpus);
    }

    private record Page(String html, String url) {}

    private void run(Path corpus) throws IOException {
        if (!Files.isDirectory(corpus.resolve("article-benchmark"))) {
            throw new IllegalArgumentException(
                    "no corpus at "
                            + corpus.toAbsolutePath()
                            + " (it needs article-benchmark, metascraper, readability and"
                            + " html5lib-encoding, and wcxb for the WCXB figures); pass --corpus"
                            + " DIR");
        }
        double f1 = articleBenchmark(corpus.resolve("article-benchmark"));
        double meta = metascraper(corpus.resolve("metascraper"));
        double read = readability(corpus.resolve("readability"));
        double charset = charsets(corpus.resolve("html5lib-encoding"));
        String wcxb = wcxb(corpus.resolve("wcxb"));
        double[] speed = timing(corpus);
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

    // ---- WCXB ----------------------------------------------------------------------------------

    /**
     * Scores WCXB's dev split as {@link WcxbBenchmark} does and times extraction against a bare
     * Jsoup parse page by page; returns the JSON fields ({@code wcxbF1}, {@code wcxbF1ByType},
     * {@code withSnippets}, {@code withoutSnippets}, {@code dateAccuracy}, {@code
     * pageTypeAccuracy}, {@code wcxbOverParse}, {@code wcxbPagesPerSecond}), null when the corpus
     * has no {@code wcxb}. The models learned from these pages: the scores are in-sample.
     */
    private String wcxb(Path dir) throws IOException {
        if (!Files.isDirectory(dir.resolve("dev"))) {
            System.out.println("== WCXB: no " + dir + "/dev, skipped");
            return "\"wcxbF1\": null";
        }
        List<WcxbCorpus.Page> pages = WcxbCorpus.read(dir, "dev");
        List<WcxbBenchmark.Result> results = new WcxbBenchmark().run(pages, true);
        Map<String, WcxbBenchmark.Summary> byType = WcxbBenchmark.byType(results);
        System.out.println(
                "== WCXB dev ("
                        + pages.size()
                        + " pages; in-sample: the models learned from them)");
        WcxbBenchmark.printTable(byType);
        StringBuilder types = new StringBuilder();
        for (String t : WcxbBenchmark.TYPES) {
            types.append(types.length() == 0 ? "" : ", ")
                    .append(String.format(Locale.ROOT, "\"%s\": %.4f", t, byType.get(t).f1()));
        }
        double[] speed = wcxbTiming(pages);
        WcxbBenchmark.Summary all = byType.get("all");
        return String.format(
                Locale.ROOT,
                "\"wcxbF1\": %.4f, \"wcxbF1ByType\": {%s}, \"withSnippets\": %.4f,"
                        + " \"withoutSnippets\": %.4f, \"dateAccuracy\": %.4f,"
                        + " \"pageTypeAccuracy\": %.4f, \"wcxbOverParse\": %.3f,"
                        + " \"wcxbPagesPerSecond\": %.1f",
                all.f1(),
                types,
                all.withSnippets(),
                all.withoutSnippets(),
                all.dateAccuracy(),
                all.pageTypeAccuracy(),
                speed[0],
                speed[1]);
    }

    /**
     * The median over WCXB pages of extraction time over a bare Jsoup parse of the same page (each
     * the fastest of {@value #REPEATS} runs, the two ways alternating, after a warm-up pass), and
     * pages extracted per second (total of the fastest runs).
     */
    private double[] wcxbTiming(List<WcxbCorpus.Page> pages) {
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
        java.util.Arrays.sort(sorted);
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    // ---- article-benchmark ---------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private double articleBenchmark(Path dir) throws IOException {
        Map<String, Object> truth =
                (Map<String, Object>)
                        LenientJson.parse(read(dir.resolve("ground-truth.json"))).orElseThrow();
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
        java.util.Set<List<String>> keys = new java.util.HashSet<>(t.keySet());
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

    // ---- metascraper ---------------------------------------------------------------------------

    private static final String[] META_FIELDS = {
        "title", "description", "author", "date", "image", "publisher", "lang", "url"
    };

    @SuppressWarnings("unchecked")
    private double metascraper(Path dir) throws IOException {
        Map<String, int[]> perField = new LinkedHashMap<>();
        for (String f : META_FIELDS) {
            perField.put(f, new int[2]);
        }
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : cases) {
            Map<String, Object> spec =
                    (Map<String, Object>)
                            LenientJson.parse(read(c.resolve("expected.json"))).orElseThrow();
            String url = str(spec.get("url"));
            String html = read(c.resolve(str(spec.get("html_file"))));
            ExtractedPage page = extractor.extract(html, url);
            Map<String, Object> expected = (Map<String, Object>) spec.get("expected");
            Map<String, Object> checks =
                    (Map<String, Object>) spec.getOrDefault("checks", Map.of());
            for (String f : META_FIELDS) {
                boolean inExpected = expected.containsKey(f);
                boolean inChecks = checks.containsKey(f);
                if (!inExpected && !inChecks) {
                    continue;
                }
                boolean ok;
                String ours;
                if (f.equals("date")) {
                    ours = page.publishedAt() + " / " + page.modifiedAt();
                    if (inExpected) {
                        ok = sameDay(str(expected.get(f)), page.publishedAt(), page.modifiedAt());
                    } else {
                        ok =
                                check(
                                        (Map<String, Object>) checks.get(f),
                                        page.publishedAt() == null
                                                ? null
                                                : page.publishedAt().toString());
                    }
                } else {
                    ours = metaField(page, f, url);
                    if (f.equals("description") && ours != null) {
                        ours = METASCRAPER_ELLIPSIS.matcher(ours).replaceFirst("\u2026");
                    }
                    if (inExpected) {
                        ok = metaEq(str(expected.get(f)), ours);
                    } else {
                        ok = check((Map<String, Object>) checks.get(f), ours);
                    }
                }
                int[] n = perField.get(f);
                n[1]++;
                if (ok) {
                    n[0]++;
                } else if (verbose) {
                    System.out.println(
                            "  metascraper "
                                    + c.getFileName()
                                    + " "
                                    + f
                                    + ": expected "
                                    + (inExpected
                                            ? "<" + str(expected.get(f)) + ">"
                                            : checks.get(f))
                                    + " got <"
                                    + ours
                                    + ">");
                }
            }
        }
        return table("metascraper (" + cases.size() + " cases)", perField);
    }

    /**
     * metascraper's description validator ends every description with its own ellipsis: {@code
     * .replace(/\s?\.\.\.?$/, '…')} (metascraper-helpers {@code getDescription}). Our value is
     * passed through the same step before comparing, as its quotes are folded for smartquotes.
     */
    private static final Pattern METASCRAPER_ELLIPSIS = Pattern.compile("\\s?\\.\\.\\.?$");

    private static String metaField(ExtractedPage page, String f, String url) {
        return switch (f) {
            case "title" -> page.title();
            case "description" -> page.description();
            case "author" -> page.author();
            case "image" -> page.image();
            case "publisher" -> page.siteName();
            case "lang" -> page.lang();
            case "url" -> page.canonicalUrl() != null ? page.canonicalUrl() : url;
            default -> throw new IllegalArgumentException(f);
        };
    }

    private static boolean sameDay(String expected, Instant published, Instant modified) {
        if (expected == null) {
            return published == null && modified == null;
        }
        String day = expected.length() >= 10 ? expected.substring(0, 10) : expected;
        return day(published).equals(day) || day(modified).equals(day);
    }

    private static String day(Instant i) {
        return i == null ? "" : i.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    @SuppressWarnings("unchecked")
    private static boolean check(Map<String, Object> check, String ours) {
        String op = str(check.get("op"));
        Object value = check.get("value");
        return switch (op) {
            case "equals" -> eq(str(value), ours);
            case "equalsIgnoreCase" ->
                    ours != null && str(value) != null && ours.equalsIgnoreCase(str(value));
            case "oneOf" -> ((List<Object>) value).stream().anyMatch(v -> eq(str(v), ours));
            case "contains" -> ours != null && ours.contains(str(value));
            case "startsWith" -> ours != null && ours.startsWith(str(value));
            case "isString" -> ours != null && !ours.isEmpty();
            case "isHttpUrl" ->
                    ours != null && (ours.startsWith("http://") || ours.startsWith("https://"));
            case "nullOrContains" -> ours == null || ours.contains(str(value));
            default -> throw new IllegalArgumentException("unknown check op " + op);
        };
    }

    // ---- readability ---------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private double readability(Path dir) throws IOException {
        String[] fields = {"title", "byline", "excerpt", "siteName", "lang"};
        Map<String, int[]> perField = new LinkedHashMap<>();
        for (String f : fields) {
            perField.put(f, new int[2]);
        }
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : cases) {
            Map<String, Object> expected =
                    (Map<String, Object>)
                            LenientJson.parse(read(c.resolve("expected-metadata.json")))
                                    .orElseThrow();
            String html = read(c.resolve("source.html")).strip();
            ExtractedPage page = extractor.extract(html, "http://fakehost/test/page.html");
            for (String f : fields) {
                String want = str(expected.get(f));
                String ours;
                boolean ok;
                if (f.equals("lang")) {
                    if (want == null || want.isEmpty()) {
                        continue;
                    }
                    ours = page.lang();
                    String primary = want.toLowerCase(Locale.ROOT).split("[-_]")[0];
                    ok = primary.equals(ours);
                } else {
                    ours =
                            switch (f) {
                                case "title" -> page.title();
                                case "byline" -> page.author();
                                case "excerpt" -> page.description();
                                case "siteName" -> page.siteName();
                                default -> throw new IllegalArgumentException(f);
                            };
                    ok = eq(want, ours);
                }
                int[] n = perField.get(f);
                n[1]++;
                if (ok) {
                    n[0]++;
                } else if (verbose) {
                    System.out.println(
                            "  readability "
                                    + c.getFileName()
                                    + " "
                                    + f
                                    + ": expected <"
                                    + want
                                    + "> got <"
                                    + ours
                                    + ">");
                }
            }
        }
        return table("readability (" + cases.size() + " cases)", perField);
    }

    private static double table(String name, Map<String, int[]> perField) {
        System.out.println("== " + name);
        System.out.printf(Locale.ROOT, "  %-12s %6s %6s %8s%n", "field", "agree", "of", "rate");
        int agree = 0;
        int total = 0;
        for (Map.Entry<String, int[]> e : perField.entrySet()) {
            int[] n = e.getValue();
            agree += n[0];
            total += n[1];
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s %6d %6d %8.3f%n",
                    e.getKey(),
                    n[0],
                    n[1],
                    n[1] == 0 ? 0.0 : (double) n[0] / n[1]);
        }
        double rate = total == 0 ? 0 : (double) agree / total;
        System.out.printf(Locale.ROOT, "  %-12s %6d %6d %8.3f%n", "all", agree, total, rate);
        return rate;
    }

    // ---- html5lib encoding ---------------------------------------------------------------------

    /**
     * The share of cases where {@link PageCharset} picks the expected encoding from the bytes alone
     * (no {@code Content-Type} header, so windows-1252 is the default). Expected names are WHATWG
     * names, which the JDK knows by the same names.
     */
    @SuppressWarnings("unchecked")
    private double charsets(Path dir) throws IOException {
        List<Object> cases =
                (List<Object>) LenientJson.parse(read(dir.resolve("cases.json"))).orElseThrow();
        Map<String, int[]> perExpected = new TreeMap<>();
        int agree = 0;
        for (Object o : cases) {
            Map<String, Object> c = (Map<String, Object>) o;
            byte[] bytes = Base64.getDecoder().decode(str(c.get("data_base64")));
            Charset expected = Charset.forName(str(c.get("expected_encoding")));
            PageCharset.Decoded decoded = PageCharset.decode(bytes, null);
            boolean ok = decoded.charset().equals(expected);
            int[] n =
                    perExpected.computeIfAbsent(
                            expected.name().toLowerCase(Locale.ROOT), k -> new int[2]);
            n[1]++;
            if (ok) {
                n[0]++;
                agree++;
            } else if (verbose) {
                System.out.println(
                        "  charset "
                                + str(c.get("case"))
                                + ": expected "
                                + expected.name()
                                + " got "
                                + decoded.charset().name()
                                + " ("
                                + decoded.source()
                                + ")");
            }
        }
        double rate = cases.isEmpty() ? 0 : (double) agree / cases.size();
        System.out.println("== html5lib encoding (" + cases.size() + " cases)");
        System.out.printf(Locale.ROOT, "  %-12s %6s %6s %8s%n", "expected", "agree", "of", "rate");
        for (Map.Entry<String, int[]> e : perExpected.entrySet()) {
            int[] n = e.getValue();
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s %6d %6d %8.3f%n",
                    e.getKey(),
                    n[0],
                    n[1],
                    (double) n[0] / n[1]);
        }
        System.out.printf(Locale.ROOT, "  %-12s %6d %6d %8.3f%n", "all", agree, cases.size(), rate);
        return rate;
    }

    // ---- timing --------------------------------------------------------------------------------

    private double[] timing(Path corpus) throws IOException {
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

    /** Timed rounds; the median of their ratios is reported: 7. */
    private static final int ROUNDS = 7;

    /** Runs per page and way within a round, of which the fastest counts: 3. */
    private static final int REPEATS = 3;

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(0);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(0);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    private static String str(Object o) {
        return o == null || o == LenientJson.NULL
                ? null
                : o instanceof String s ? s : String.valueOf(o);
    }

    /** Equal after whitespace condensing; an empty string and null both mean "none". */
    private static boolean eq(String expected, String ours) {
        if (expected == null || ours == null || expected.isBlank() || ours.isBlank()) {
            return (expected == null || expected.isBlank()) && (ours == null || ours.isBlank());
        }
        return condense(expected).equals(condense(ours));
    }

    private static String condense(String s) {
        return s.replaceAll("[\\s\\u00a0\\u202f\\u2009\\ufeff]+", " ").strip();
    }

    /** metascraper runs titles and descriptions through smartquotes; fold quotes both sides. */
    private static boolean metaEq(String expected, String ours) {
        if (expected == null || ours == null || expected.isBlank() || ours.isBlank()) {
            return eq(expected, ours);
        }
        return foldQuotes(condense(expected)).equals(foldQuotes(condense(ours)));
    }

    private static String foldQuotes(String s) {
        return s.replace('\u2019', '\'')
                .replace('\u2018', '\'')
                .replace('\u201c', '"')
                .replace('\u201d', '"');
    }
}
