package dev.linkcrawl.bench.extract;

import static dev.linkcrawl.bench.extract.CorpusFiles.json;
import static dev.linkcrawl.bench.extract.CorpusFiles.read;
import static dev.linkcrawl.bench.extract.CorpusFiles.str;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.PageExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How often {@link PageExtractor}'s metadata agrees with what metascraper's and Readability's test
 * suites expect, field by field:
 *
 * <ul>
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
 * </ul>
 */
final class MetadataAgreement {

    private static final String[] META_FIELDS = {
        "title", "description", "author", "date", "image", "publisher", "lang", "url"
    };

    /**
     * metascraper's description validator ends every description with its own ellipsis: {@code
     * .replace(/\s?\.\.\.?$/, '…')} (metascraper-helpers {@code getDescription}). Our value is
     * passed through the same step before comparing, as its quotes are folded for smartquotes.
     */
    private static final Pattern METASCRAPER_ELLIPSIS = Pattern.compile("\\s?\\.\\.\\.?$");

    private final PageExtractor extractor;
    private final boolean verbose;

    /**
     * @param verbose print every disagreement
     */
    MetadataAgreement(PageExtractor extractor, boolean verbose) {
        this.extractor = extractor;
        this.verbose = verbose;
    }

    /** Prints the agreement per field on metascraper's cases in {@code dir}; the overall rate. */
    @SuppressWarnings("unchecked")
    double metascraper(Path dir) throws IOException {
        Map<String, int[]> perField = new LinkedHashMap<>();
        for (String f : META_FIELDS) {
            perField.put(f, new int[2]);
        }
        List<Path> cases;
        try (Stream<Path> s = Files.list(dir)) {
            cases = s.filter(Files::isDirectory).sorted().toList();
        }
        for (Path c : cases) {
            Map<String, Object> spec = (Map<String, Object>) json(c.resolve("expected.json"));
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

    /** Prints the agreement per field on Readability's cases in {@code dir}; the overall rate. */
    @SuppressWarnings("unchecked")
    double readability(Path dir) throws IOException {
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
                    (Map<String, Object>) json(c.resolve("expected-metadata.json"));
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
