package dev.linkcrawl.crawl.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path folder;

    @Test
    void writesOneLinePerFileInOrderWithTheIndexDocumentFieldNames() throws IOException {
        Path first =
                page(
                        "a.html",
                        "<html lang=de><head><title>Erste Seite</title></head><body>"
                                + "<p>Der erste Absatz ist lang genug, um als Haupttext zu gelten.</p></body></html>");
        Path second =
                page(
                        "b.html",
                        "<html><head><title>Second</title>"
                                + "<link rel=icon href=/i.png></head><body><p>Text.</p></body></html>");

        List<JsonNode> lines = run("https://example.com/post", first, second);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("title").asText()).isEqualTo("Erste Seite");
        assertThat(lines.get(0).get("lang").asText()).isEqualTo("de");
        assertThat(lines.get(1).get("title").asText()).isEqualTo("Second");
        assertThat(lines.get(1).get("favicon").asText()).isEqualTo("https://example.com/i.png");
        List<String> names = new java.util.ArrayList<>();
        lines.get(0).fieldNames().forEachRemaining(names::add);
        assertThat(names)
                .contains(
                        "title",
                        "description",
                        "author",
                        "publishedAt",
                        "modifiedAt",
                        "siteName",
                        "lang",
                        "image",
                        "favicon",
                        "canonicalUrl",
                        "keywords",
                        "feeds",
                        "text",
                        "wordCount");
    }

    @Test
    void decodesBytesAsTheCrawlerDoes() throws IOException {
        Path latin = folder.resolve("latin.html");
        Files.write(
                latin,
                "<html><head><meta charset=iso-8859-1><title>Café</title></head></html>"
                        .getBytes(StandardCharsets.ISO_8859_1));

        assertThat(run(null, latin).getFirst().get("title").asText()).isEqualTo("Café");
    }

    private Path page(String name, String html) throws IOException {
        Path file = folder.resolve(name);
        Files.writeString(file, html);
        return file;
    }

    private static List<JsonNode> run(String url, Path... files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ExtractFiles.run(url, List.of(files), new PrintStream(out, true, StandardCharsets.UTF_8));
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }
}
