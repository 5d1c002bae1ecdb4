package dev.linkcrawl.backfill;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * An export produced line by line as it is read, so a test can import hundreds of megabytes without
 * holding them: {@code header}, then {@code lines} lines from {@code line}, then {@code footer}.
 * Every {@code every} lines it calls {@code checkpoint} with the number of lines produced.
 */
final class GeneratedExport extends InputStream {

    private final String header;
    private final IntFunction<String> line;
    private final int lines;
    private final String footer;
    private final int every;
    private final IntConsumer checkpoint;

    private byte[] chunk;
    private int position;
    private int produced;
    private boolean footerDone;
    private long bytes;

    GeneratedExport(
            String header,
            IntFunction<String> line,
            int lines,
            String footer,
            int every,
            IntConsumer checkpoint) {
        this.header = header;
        this.line = line;
        this.lines = lines;
        this.footer = footer;
        this.every = every;
        this.checkpoint = checkpoint;
        this.chunk = header.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code count} plain-text lines {@code https://example.com/page/<n>}. */
    static GeneratedExport plainText(int count) {
        return new GeneratedExport(
                "", n -> "https://example.com/page/" + n + "\n", count, "", count + 1, n -> {});
    }

    /** Bytes produced so far. */
    long bytes() {
        return bytes;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        bytes += n;
        return n;
    }

    private boolean nextChunk() {
        position = 0;
        if (produced < lines) {
            produced++;
            chunk = line.apply(produced).getBytes(StandardCharsets.UTF_8);
            if (produced % every == 0) {
                checkpoint.accept(produced);
            }
            return true;
        }
        if (!footerDone) {
            footerDone = true;
            chunk = footer.getBytes(StandardCharsets.UTF_8);
            return true;
        }
        return false;
    }
}
