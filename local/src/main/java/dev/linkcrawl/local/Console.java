package dev.linkcrawl.local;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where a command writes: results on {@code out}, logs and errors on {@code err}. Taken from {@code
 * System.out}/{@code System.err} at start-up, because an in-process OpenSearch node takes those
 * over once it starts.
 */
record Console(PrintStream out, PrintStream err) {
    Console {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
    }
}
