package dev.linkcrawl.bench.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.linkcrawl.crawl.extract.SiteKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The pages of one WCXB split on disk ({@code <split>/ground-truth/<id>.json} beside {@code
 * <split>/html/<id>.html.gz}), read the way its {@code evaluate.py} reads them: the page type is
 * {@code _internal.page_type.primary} ("category" counting as "collection", article when absent).
 * The site of a page is the registrable part of its domain in {@code metadata.json}; a page without
 * a URL gets its domain's root as one.
 */
public final class WcxbCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page's ground truth; its HTML is read on demand, pages being large. */
    public record Page(
            String id,
            String url,
            String site,
            String pageType,
            String mainContent,
            List<String> with,
            List<String> without,
            String title,
            String author,
            String publishDate,
            Path html) {

        /** The page's bytes, gunzipped when the file is gzipped. */
        public byte[] bytes() {
            try (InputStream in = Files.newInputStream(html)) {
                byte[] raw = in.readAllBytes();
                if (raw.length > 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b) {
                    return new GZIPInputStream(new java.io.ByteArrayInputStream(raw))
                            .readAllBytes();
                }
                return raw;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + html, e);
            }
        }
    }

    private WcxbCorpus() {}

    /** The pages of {@code split} under {@code dir} (a WCXB checkout), by id. */
    public static List<Page> read(Path dir, String split) throws IOException {
        Path truth = dir.resolve(split).resolve("ground-truth");
        Path html = dir.resolve(split).resolve("html");
        List<Path> files;
        try (Stream<Path> s = Files.list(truth)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        JsonNode meta = JSON.readTree(dir.resolve("metadata.json").toFile()).path("files");
        List<Page> pages = new ArrayList<>(files.size());
        for (Path f : files) {
            JsonNode root = JSON.readTree(f.toFile());
            JsonNode gt = root.path("ground_truth");
            if (!gt.isObject()) {
                continue;
            }
            String id = f.getFileName().toString().replaceFirst("\\.json$", "");
            String domain = text(meta.path(id).get("domain"));
            String url = text(root.get("url"));
            if (url == null || url.isBlank()) {
                url = "https://" + (domain == null ? "example.com" : domain) + "/";
            }
            pages.add(
                    new Page(
                            id,
                            url,
                            SiteKey.ofHost(domain != null ? domain : SiteKey.of(url).orElse("")),
                            pageType(root),
                            orEmpty(text(gt.get("main_content"))),
                            strings(gt.get("with")),
                            strings(gt.get("without")),
                            text(gt.get("title")),
                            text(gt.get("author")),
                            text(gt.get("publish_date")),
                            html.resolve(id + ".html.gz")));
        }
        return pages;
    }

    private static String pageType(JsonNode root) {
        JsonNode pt = root.path("_internal").path("page_type");
        String t = pt.isObject() ? text(pt.get("primary")) : text(pt);
        if (t == null) {
            return "article";
        }
        return t.equals("category") ? "collection" : t;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        }
        return List.copyOf(out);
    }
}
