package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code ./linkcrawl bench NAME [options]} hands the options it does not know to the bench. */
class BenchCommandTest {

    @Test
    void passesUnknownOptionsOnAndRefusesAnUnknownBench() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream saved = System.err;
        System.setErr(errors);
        int exit;
        try {
            exit = BenchCommand.execute("no-such-bench", "--corpus", "/tmp/corpus");
        } finally {
            System.setErr(saved);
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("no benchmark named 'no-such-bench'")
                .contains("extract");
    }

    @Test
    void extractWithoutACorpusSaysWhereItLookedWithoutAStackTrace() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream saved = System.err;
        System.setErr(errors);
        System.setProperty("linkcrawl.home", "../..");
        int exit;
        try {
            exit = BenchCommand.execute("extract", "--corpus", "target/no-such-corpus");
        } finally {
            System.setErr(saved);
            System.clearProperty("linkcrawl.home");
        }

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("linkcrawl bench extract: no corpus at ")
                .contains("pass --corpus DIR")
                .doesNotContain("Exception");
    }
}
