package dev.linkcrawl.url;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Reads {@code url-rules.tsv}; its header comment documents the columns and escapes. */
final class UrlRulesTable {

    static final String RESOURCE = "url-rules.tsv";

    /**
     * One case of the table.
     *
     * @param line the line number in the file, for the display name
     * @param source the input column as written, escapes included, for the display name
     * @param input the decoded input
     * @param expected the decoded normal form, or the name of a {@link UrlProblem}
     * @param why what the row shows
     */
    record Row(int line, String source, String input, String expected, String why) {

        boolean accepted() {
            return expected.startsWith("http");
        }

        UrlProblem problem() {
            return UrlProblem.valueOf(expected);
        }

        @Override
        public String toString() {
            String shown = source.isEmpty() ? "(empty)" : source;
            String outcome = accepted() && expected.equals(input) ? "accepted as is" : expected;
            if (outcome.length() > 80) {
                outcome = outcome.substring(0, 77) + "...";
            }
            if (shown.length() > 100) {
                shown = shown.substring(0, 97) + "...";
            }
            return "line "
                    + line
                    + ": "
                    + shown
                    + " → "
                    + outcome
                    + (why.isEmpty() ? "" : " — " + why);
        }
    }

    private UrlRulesTable() {}

    static List<Row> rows() {
        return rows(RESOURCE);
    }

    /** Reads another table in the same format, such as {@code hostile-urls.tsv}. */
    static List<Row> rows(String resource) {
        InputStream stream = UrlRulesTable.class.getResourceAsStream(resource);
        Objects.requireNonNull(stream, resource + " is missing from the test resources");
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length < 2 || columns.length > 3) {
                    throw new IllegalStateException(
                            resource
                                    + " line "
                                    + number
                                    + ": expected 2 or 3 tab-separated columns");
                }
                rows.add(
                        new Row(
                                number,
                                columns[0],
                                decode(columns[0]),
                                decode(columns[1]),
                                columns.length > 2 ? columns[2] : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** Applies the escapes of the file header: unicode, backslash, repeat and pad. */
    static String decode(String text) {
        StringBuilder out = new StringBuilder();
        int padAt = -1;
        int padTo = 0;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                i++;
            } else if (text.startsWith("\\\\", i)) {
                out.append('\\');
                i += 2;
            } else if (text.startsWith("\\u{", i)) {
                int close = closing(text, i + 3);
                int codePoint = Integer.parseInt(text.substring(i + 3, close), 16);
                if (Character.isBmpCodePoint(codePoint)) {
                    out.append((char) codePoint); // keeps an unpaired surrogate as it is
                } else {
                    out.appendCodePoint(codePoint);
                }
                i = close + 1;
            } else if (text.startsWith("\\repeat{", i)) {
                int close = closing(text, i + 8);
                int times = Integer.parseInt(text.substring(i + 8, close));
                if (close + 1 >= text.length() || text.charAt(close + 1) != '{') {
                    throw new IllegalArgumentException("\\repeat{n} needs {text}: " + text);
                }
                int end = closing(text, close + 2);
                out.append(text.substring(close + 2, end).repeat(times));
                i = end + 1;
            } else if (text.startsWith("\\pad{", i)) {
                int close = closing(text, i + 5);
                padAt = out.length();
                padTo = Integer.parseInt(text.substring(i + 5, close));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("unknown escape at " + i + " in " + text);
            }
        }
        if (padAt >= 0) {
            out.insert(padAt, "a".repeat(padTo - out.length()));
        }
        return out.toString();
    }

    private static int closing(String text, int from) {
        int close = text.indexOf('}', from);
        if (close < 0) {
            throw new IllegalArgumentException("escape without '}' in " + text);
        }
        return close;
    }
}
