package dev.linkcrawl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.linkcrawl.local.template.BucketResource;
import dev.linkcrawl.local.template.SamTemplate;
import dev.linkcrawl.local.template.TemplateException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./linkcrawl import}'s arguments, checked before anything is contacted. */
class ImportCommandTest {

    private static final SamTemplate TEMPLATE = SamTemplate.read(Path.of("../template.yaml"));

    @TempDir Path folder;

    @Test
    void userWithASlashIsAUsageError() throws IOException {
        Result result = run("import", "--user", "alice/../bob", bookmarks().toString());

        assertThat(result.exitCode()).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(result.err()).contains("--user must be a user id without '/'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void blankUserIsAUsageError() throws IOException {
        assertThat(run("import", "--user", " ", bookmarks().toString()).exitCode())
                .isEqualTo(ImportCommand.EXIT_USAGE);
    }

    @Test
    void userWithAControlCharacterIsAUsageErrorThatDoesNotEchoIt() throws IOException {
        Result result = run("import", "--user", "al\u001bice", bookmarks().toString());

        assertThat(result.exitCode()).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(result.err()).doesNotContain("\u001b");
    }

    @Test
    void missingFileIsAUsageError() {
        Result result = run("import", "--user", "alice", folder.resolve("nope.html").toString());

        assertThat(result.exitCode()).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(result.err()).contains("no such file");
    }

    @Test
    void folderIsNotAFile() {
        assertThat(run("import", "--user", "alice", folder.toString()).exitCode())
                .isEqualTo(ImportCommand.EXIT_USAGE);
    }

    @Test
    void withoutUserPicocliNamesTheMissingOption() throws IOException {
        Result result = run("import", bookmarks().toString());

        assertThat(result.exitCode()).isEqualTo(ImportCommand.EXIT_USAGE);
        assertThat(result.err()).contains("Missing required option: '--user=USER'");
    }

    @Test
    void withoutARunningDevItSaysToStartItFirst() throws IOException {
        Result result = run("import", "--user", "alice", bookmarks().toString());

        assertThat(result.exitCode()).isEqualTo(ImportCommand.EXIT_FAILED);
        assertThat(result.err()).contains("start ./linkcrawl dev first");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void destinationIsTheBucketAndFunctionOfTheTemplatesS3Event() {
        ImportCommand.Destination destination =
                ImportCommand.destination(TEMPLATE, endpoints(), "imports/alice/b.html");

        assertThat(destination.bucket().bucketName())
                .isEqualTo("linkcrawl-imports-000000000000-us-east-1");
        assertThat(destination.function().logicalId()).isEqualTo("BackfillLinksFunction");
        assertThat(destination.resultKey()).isEqualTo("imports/alice/b.html.result.json");
    }

    @Test
    void keyNoS3EventWatchesHasNoDestination() {
        assertThatThrownBy(() -> ImportCommand.destination(TEMPLATE, endpoints(), "elsewhere/b"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no S3 event of template.yaml is raised for elsewhere/b");
    }

    private Path bookmarks() throws IOException {
        return Files.writeString(folder.resolve("bookmarks.txt"), "https://example.com/\n");
    }

    private static Endpoints endpoints() {
        return new Endpoints(
                1,
                Instant.parse("2026-11-27T10:00:00Z"),
                URI.create("http://127.0.0.1:3000"),
                URI.create("http://127.0.0.1:9324"),
                URI.create("http://127.0.0.1:9200"),
                URI.create("http://127.0.0.1:9090"),
                Map.of(),
                Map.of(
                        "ImportBucket",
                        new BucketResource(
                                "ImportBucket", "linkcrawl-imports-000000000000-us-east-1")));
    }

    private record Result(int exitCode, String out, String err) {}

    private Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setProperty("linkcrawl.home", "..");
        System.setProperty("linkcrawl.state", folder.resolve("state").toString());
        try {
            int code =
                    Main.execute(
                            new Console(
                                    new PrintStream(out, true, StandardCharsets.UTF_8),
                                    new PrintStream(err, true, StandardCharsets.UTF_8)),
                            args);
            return new Result(
                    code,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("linkcrawl.home");
            System.clearProperty("linkcrawl.state");
        }
    }
}
