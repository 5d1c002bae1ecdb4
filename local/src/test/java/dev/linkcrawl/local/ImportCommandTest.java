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

/** {@code ./linkcrawl import}'s arguments, checked before anything is contacted. */
class ImportCommandTest {

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

    private Path bookmarks() throws IOException {
        return Files.writeString(folder.resolve("bookmarks.txt"), "https://example.com/\n");
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
