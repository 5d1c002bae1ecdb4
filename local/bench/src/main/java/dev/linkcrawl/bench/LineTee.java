package dev.linkcrawl.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Copies what is written to a file (or any stream) and hands each complete line, as it is written,
 * to a listener: how a benchmark reads the runner's log while the stack runs. The listener runs on
 * the writing thread, so it must be quick.
 */
final class LineTee extends OutputStream {

    private final OutputStream copy;
    private final Consumer<String> lines;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(512);

    LineTee(OutputStream copy, Consumer<String> lines) {
        this.copy = Objects.requireNonNull(copy, "copy");
        this.lines = Objects.requireNonNull(lines, "lines");
    }

    @Override
    public synchronized void write(int b) throws IOException {
        copy.write(b);
        take(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        copy.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            take(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        copy.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        copy.close();
    }

    private void take(int b) {
        if (b == '\n') {
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
        } else {
            line.write(b);
        }
    }
}
