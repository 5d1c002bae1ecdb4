package dev.linkcrawl.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineTeeTest {

    @Test
    void copiesEverythingAndHandsOnEachCompleteLine() {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        List<String> lines = new ArrayList<>();
        PrintStream out =
                new PrintStream(new LineTee(copy, lines::add), true, StandardCharsets.UTF_8);

        out.print("first ");
        out.println("line");
        out.print("second\r\nthird é\n");
        out.print("unfinished");

        assertThat(lines).containsExactly("first line", "second", "third é");
        assertThat(copy.toString(StandardCharsets.UTF_8))
                .isEqualTo("first line" + System.lineSeparator() + "second\r\nthird é\nunfinished");
    }
}
