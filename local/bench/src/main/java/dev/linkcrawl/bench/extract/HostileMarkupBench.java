package dev.linkcrawl.bench.extract;

import dev.linkcrawl.crawl.extract.ExtractedPage;
import dev.linkcrawl.crawl.extract.HostileMarkup;
import dev.linkcrawl.crawl.extract.PageExtractor;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Measures parse + extract of each {@link HostileMarkup} shape: a bare Jsoup parse, then the whole
 * {@link PageExtractor#extract(String, String)} (which parses again), worst of {@code --runs} (3)
 * after one warm-up. Prints a table and one line of JSON; asserts nothing.
 *
 * <p>Run: {@code java -cp "$(ls local/bench/target/local-bench-*.jar):$(cat
 * local/bench/target/classpath.txt)" dev.linkcrawl.bench.extract.HostileMarkupBench [--runs N]}.
 */
public final class HostileMarkupBench {

    private HostileMarkupBench() {}

    public static void main(String[] args) {
        int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 3;
        PageExtractor extractor = new PageExtractor();
        StringBuilder json = new StringBuilder("{\"bench\":\"hostile-markup\",\"runs\":" + runs);
        System.out.printf(
                "%-36s %9s %9s %9s %17s  %s%n",
                "shape", "MiB", "elements", "parse ms", "parse+extract ms", "outcome");
        for (HostileMarkup shape : HostileMarkup.all()) {
            String html = shape.html();
            double mib = html.getBytes(StandardCharsets.UTF_8).length / 1048576.0;
            long worstParse = 0;
            long worstExtract = 0;
            int nodes = 0;
            String outcome = "";
            for (int run = 0; run <= runs; run++) {
                long started = System.nanoTime();
                Document doc = Jsoup.parse(html, "https://example.com/");
                long parsed = System.nanoTime();
                nodes = doc.getAllElements().size();
                long extractStarted = System.nanoTime();
                String result;
                try {
                    ExtractedPage page = extractor.extract(html, "https://example.com/");
                    result = "text " + page.text().length() + " chars";
                } catch (RuntimeException e) {
                    result = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                long extracted = System.nanoTime();
                if (run > 0) {
                    worstParse = Math.max(worstParse, (parsed - started) / 1_000_000);
                    worstExtract = Math.max(worstExtract, (extracted - extractStarted) / 1_000_000);
                }
                outcome = result;
            }
            System.out.printf(
                    Locale.ROOT,
                    "%-36s %9.2f %9d %9d %17d  %s%n",
                    shape.name().toLowerCase(Locale.ROOT),
                    mib,
                    nodes,
                    worstParse,
                    worstExtract,
                    outcome);
            json.append(",\"")
                    .append(shape.name().toLowerCase(Locale.ROOT))
                    .append("\":{\"parseMs\":")
                    .append(worstParse)
                    .append(",\"parseAndExtractMs\":")
                    .append(worstExtract)
                    .append('}');
        }
        System.out.println(json.append('}'));
    }
}
