package dev.linkcrawl.backfill.format;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * Characters one at a time from a {@link Reader}, counting lines: LF, CRLF and a lone CR each end
 * one, so exports from every platform number their lines the way an editor shows them.
 */
final class LineCountingReader {

    /** What {@link #readLine} found. */
    enum LineEnd {
        /** A whole line (possibly the last one, without a line break). */
        LINE,
        /** A line longer than the limit: the rest of it was skipped, never held. */
        TOO_LONG,
        /** No more input. */
        END_OF_INPUT
    }

    private final Reader in;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;
    private int line = 1;
    private boolean afterCarriageReturn;

    LineCountingReader(Reader in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /** The line of the next character to be read (1-based). */
    int line() {
        return line;
    }

    /** The next character, or -1 at the end of the input. */
    int read() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        char c = buffer[position++];
        if (c == '\n') {
            if (!afterCarriageReturn) {
                line++;
            }
            afterCarriageReturn = false;
        } else if (c == '\r') {
            line++;
            afterCarriageReturn = true;
        } else {
            afterCarriageReturn = false;
        }
        return c;
    }

    /** The next character without consuming it, or -1 at the end of the input. */
    int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    /**
     * Reads the rest of the current line into {@code out} (without its line break), keeping at most
     * {@code max} characters; a longer line is consumed to its end but not kept.
     */
    LineEnd readLine(StringBuilder out, int max) throws IOException {
        int first = read();
        if (first == -1) {
            return LineEnd.END_OF_INPUT;
        }
        boolean tooLong = false;
        int c = first;
        while (c != -1 && c != '\n' && c != '\r') {
            if (out.length() < max) {
                out.append((char) c);
            } else {
                tooLong = true;
            }
            c = read();
        }
        if (c == '\r' && peek() == '\n') {
            read();
        }
        return tooLong ? LineEnd.TOO_LONG : LineEnd.LINE;
    }

    private boolean fill() throws IOException {
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
