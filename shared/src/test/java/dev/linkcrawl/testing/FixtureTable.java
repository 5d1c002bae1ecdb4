package dev.linkcrawl.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table of test cases in a tab-separated file beside the test: one case a line, the first column
 * its name, cells as written (decode them with {@link FixtureBytes}). Lines starting with {@code #}
 * and blank lines are skipped.
 */
public final class FixtureTable {

    /**
     * One case.
     *
     * @param line the line number, for messages
     * @param cells every column, the name first
     */
    public record Row(int line, List<String> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String name() {
            return cells.getFirst();
        }

        public String cell(int column) {
            return cells.get(column);
        }

        /** The name, so a parameterized test shows which case it ran. */
        @Override
        public String toString() {
            return name();
        }
    }

    private FixtureTable() {}

    /**
     * Reads {@code resource} (relative to {@code anchor}'s package); every row must have exactly
     * {@code columns} cells and a name no other row has.
     */
    public static List<Row> read(Class<?> anchor, String resource, int columns) {
        InputStream stream = anchor.getResourceAsStream(resource);
        Objects.requireNonNull(stream, resource + " is missing beside " + anchor.getName());
        List<Row> rows = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = List.of(line.split("\t", -1));
                if (cells.size() != columns) {
                    throw new IllegalStateException(
                            "%s line %d: %d columns, expected %d"
                                    .formatted(resource, number, cells.size(), columns));
                }
                if (!names.add(cells.getFirst())) {
                    throw new IllegalStateException(
                            "%s line %d: the case name '%s' is used twice"
                                    .formatted(resource, number, cells.getFirst()));
                }
                rows.add(new Row(number, cells));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
