package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./linkcrawl extract} runs the extractor from the crawl function's jar. */
class ExtractCommandTest {

    @TempDir Path folder;

    @Test
    void printsOneJsonLinePerFileFromTheCrawlFunctionsJar() throws IOException {
        Path page = folder.resolve("page.html");
        Files.writeString(
                page,
                "<html lang=en><head><title>Saved page</title>"
                        + "<meta property=og:image content=/cover.png></head>"
                        + "<body><p>Some words.</p></body></html>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("linkcrawl.home", Path.of("..").toAbsolutePath().normalize().toString());

        int exit =
                Main.execute(
                        new Console(
                                new PrintStream(out, true, StandardCharsets.UTF_8),
                                new PrintStream(err, true, StandardCharsets.UTF_8)),
                        "extract",
                        "--url",
                        "https://example.com/posts/1",
                        page.toString(),
                        page.toString());

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0])
                .contains("\"title\":\"Saved page\"")
                .contains("\"image\":\"https://example.com/cover.png\"")
                .contains("\"lang\":\"en\"");
    }

    @Test
    void refusesAFileItCannotRead() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit =
                Main.execute(
                        new Console(
                                new PrintStream(new ByteArrayOutputStream()),
                                new PrintStream(err, true, StandardCharsets.UTF_8)),
                        "extract",
                        folder.resolve("missing.html").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
    }
}
