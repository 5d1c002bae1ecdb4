package dev.linkcrawl.crawl.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.linkcrawl.crawl.fetch.PageCharset;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ./linkcrawl extract [--url BASE] FILE…}: the crawl function's extraction on saved pages,
 * one JSON line per file, in order, with the fields named as in the index document. The bytes are
 * decoded as the crawler decodes them (BOM, {@code <meta charset>}, detection; no HTTP header).
 */
public final class ExtractFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExtractFiles() {}

    public static void main(String[] args) {
        String url = null;
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--url") && i + 1 < args.length) {
                url = args[++i];
            } else if (args[i].startsWith("--url=")) {
                url = args[i].substring("--url=".length());
            } else {
                files.add(Path.of(args[i]));
            }
        }
        if (files.isEmpty()) {
            System.err.println("usage: ./linkcrawl extract [--url BASE] FILE…");
            System.exit(2);
        }
        run(url, files, System.out);
    }

    /**
     * Extracts each file and writes its line to {@code out}.
     *
     * @param url the page's address, the base of its relative links; null uses the file's own URI
     */
    public static void run(String url, List<Path> files, PrintStream out) {
        PageExtractor extractor = new PageExtractor();
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            String base = url != null ? url : file.toAbsolutePath().toUri().toString();
            ExtractedPage page = extractor.extract(PageCharset.decode(bytes, null).text(), base);
            out.println(line(file, page));
        }
        out.flush();
    }

    static String line(Path file, ExtractedPage page) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file.toString());
        node.put("title", page.title());
        node.put("description", page.description());
        node.put("author", page.author());
        node.put("publishedAt", instant(page.publishedAt()));
        node.put(
                "publishedDate",
                page.publishedDate() == null ? null : page.publishedDate().toString());
        node.put("modifiedAt", instant(page.modifiedAt()));
        node.put("siteName", page.siteName());
        node.put("lang", page.lang());
        node.put("image", page.image());
        node.put("favicon", page.favicon());
        node.put("canonicalUrl", page.canonicalUrl());
        ArrayNode keywords = node.putArray("keywords");
        page.keywords().forEach(keywords::add);
        ArrayNode feeds = node.putArray("feeds");
        page.feeds().forEach(feeds::add);
        node.put("text", page.text());
        node.put("wordCount", page.wordCount());
        if (page.challenge().blocksPage()) {
            node.put("challenge", page.challenge().name().toLowerCase(Locale.ROOT));
        }
        return node.toString();
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
