package dev.linkcrawl.bench.extract;

import static dev.linkcrawl.bench.extract.CorpusFiles.json;
import static dev.linkcrawl.bench.extract.CorpusFiles.str;

import dev.linkcrawl.crawl.fetch.PageCharset;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The html5lib-encoding corpus: {@link PageCharset} on each case's bytes with no {@code
 * Content-Type} header must pick the expected (WHATWG-named) encoding.
 */
final class CharsetAccuracy {

    private final boolean verbose;

    /**
     * @param verbose print every miss
     */
    CharsetAccuracy(boolean verbose) {
        this.verbose = verbose;
    }

    /**
     * The share of cases where {@link PageCharset} picks the expected encoding from the bytes alone
     * (no {@code Content-Type} header, so windows-1252 is the default). Expected names are WHATWG
     * names, which the JDK knows by the same names.
     */
    @SuppressWarnings("unchecked")
    double score(Path dir) throws IOException {
        List<Object> cases = (List<Object>) json(dir.resolve("cases.json"));
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
}
