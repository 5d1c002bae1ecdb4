package dev.linkcrawl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns one cell of a fixture table into the exact bytes a hostile case sends. Text is UTF-8; a
 * backslash starts an escape only before the names below, so JSON escapes such as {@code \"} or
 * <code>&#92;ud800</code> pass through untouched:
 *
 * <ul>
 *   <li><code>&#92;u{1F600}</code>: one code point, UTF-8 encoded
 *   <li>{@code \x{FF}}: one raw byte
 *   <li>{@code \crlf}: CR LF
 *   <li>{@code \repeat{N}{text}}: text (escapes inside are decoded) N times
 *   <li>{@code \pad{N}}: as many spaces as make the whole cell exactly N bytes (once, top level)
 *   <li>{@code \gzip{text}}, {@code \zlib{text}}, {@code \deflate{text}}: text compressed as gzip,
 *       zlib-wrapped deflate, or raw deflate
 * </ul>
 *
 * Braces inside an escape's text must balance.
 */
public final class FixtureBytes {

    private FixtureBytes() {}

    /** The bytes {@code cell} stands for. */
    public static byte[] decode(String cell) {
        ByteArrayOutputStream before = new ByteArrayOutputStream();
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        int padTo = -1;
        ByteArrayOutputStream out = before;
        int i = 0;
        while (i < cell.length()) {
            if (cell.startsWith("\\pad{", i)) {
                if (padTo >= 0) {
                    throw new IllegalArgumentException("\\pad{N} may appear once: " + cell);
                }
                int close = closing(cell, i + 4);
                padTo = Integer.parseInt(cell.substring(i + 5, close));
                out = after;
                i = close + 1;
            } else {
                i = decodeOne(cell, i, out);
            }
        }
        if (padTo < 0) {
            return before.toByteArray();
        }
        int spaces = padTo - before.size() - after.size();
        if (spaces < 0) {
            throw new IllegalArgumentException("the cell is already longer than " + padTo);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(padTo);
        all.writeBytes(before.toByteArray());
        all.writeBytes(" ".repeat(spaces).getBytes(StandardCharsets.US_ASCII));
        all.writeBytes(after.toByteArray());
        return all.toByteArray();
    }

    /** The cell as text: its bytes read as UTF-8. */
    public static String text(String cell) {
        return new String(decode(cell), StandardCharsets.UTF_8);
    }

    /** Decodes the escape or character at {@code i} into {@code out}; returns where to go on. */
    private static int decodeOne(String cell, int i, ByteArrayOutputStream out) {
        char c = cell.charAt(i);
        if (c != '\\') {
            int codePoint = cell.codePointAt(i);
            out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            return i + Character.charCount(codePoint);
        }
        if (cell.startsWith("\\u{", i)) {
            int close = closing(cell, i + 2);
            int codePoint = Integer.parseInt(cell.substring(i + 3, close), 16);
            out.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
            return close + 1;
        }
        if (cell.startsWith("\\x{", i)) {
            int close = closing(cell, i + 2);
            out.write(Integer.parseInt(cell.substring(i + 3, close), 16));
            return close + 1;
        }
        if (cell.startsWith("\\crlf", i)) {
            out.write('\r');
            out.write('\n');
            return i + 5;
        }
        if (cell.startsWith("\\repeat{", i)) {
            int close = closing(cell, i + 7);
            int times = Integer.parseInt(cell.substring(i + 8, close));
            int end = closing(cell, close + 1);
            byte[] once = decodeAll(cell.substring(close + 2, end));
            for (int n = 0; n < times; n++) {
                out.writeBytes(once);
            }
            return end + 1;
        }
        for (String coding : new String[] {"gzip", "zlib", "deflate"}) {
            if (cell.startsWith("\\" + coding + "{", i)) {
                int open = i + coding.length() + 1;
                int end = closing(cell, open);
                out.writeBytes(compress(coding, decodeAll(cell.substring(open + 1, end))));
                return end + 1;
            }
        }
        out.write('\\');
        return i + 1;
    }

    private static byte[] decodeAll(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\pad{", i)) {
                throw new IllegalArgumentException("\\pad{N} only at the top level: " + text);
            }
            i = decodeOne(text, i, out);
        }
        return out.toByteArray();
    }

    private static byte[] compress(String coding, byte[] data) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream stream =
                switch (coding) {
                    case "gzip" -> new GZIPOutputStream(compressed);
                    case "zlib" -> new DeflaterOutputStream(compressed, new Deflater(9, false));
                    default -> new DeflaterOutputStream(compressed, new Deflater(9, true));
                }) {
            stream.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    /** The index of the '}' that closes the '{' at {@code open}, counting nested braces. */
    private static int closing(String cell, int open) {
        if (open >= cell.length() || cell.charAt(open) != '{') {
            throw new IllegalArgumentException("expected '{' at " + open + " in " + cell);
        }
        int depth = 0;
        for (int i = open; i < cell.length(); i++) {
            if (cell.charAt(i) == '{') {
                depth++;
            } else if (cell.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("escape without its '}' in " + cell);
    }
}
